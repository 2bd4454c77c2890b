"""A refused build publishes nothing; a build never pulls a generation from under a reader."""
from __future__ import annotations

import json
import shutil
import threading

import pytest
from click.testing import CliRunner

from kg import rdf
from kg.build import sample_documents
from kg.cli import cli
from kg.workspace import Workspace

NO_NAME_COLUMN = "price,quantity\n1,2\n3,4\n"
ONE_BAD_ROW = "企业名称,注册地址\n郑州甲传感科技有限公司,郑州高新区\n,郑州市\n郑州乙传感科技有限公司,郑州高新区\n"
COUNT = "MATCH (n) RETURN count(n) AS n"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """A workspace built once from the sample documents."""
    ws = tmp_path_factory.mktemp("refusal") / "ws"
    out = CliRunner().invoke(cli, ["-q", "build", *map(str, sample_documents()), "-w", str(ws)])
    assert out.exit_code == 0, out.output
    return ws


@pytest.fixture
def workspace(built, tmp_path):
    shutil.copytree(built, tmp_path / "ws")
    return tmp_path / "ws"


def _answers(ws) -> tuple:
    """What the workspace answers: its live generation, manifest counts and a Cypher count."""
    out = CliRunner().invoke(cli, ["cypher", "-w", str(ws), COUNT, "-f", "json"])
    assert out.exit_code == 0, out.output
    live = Workspace(ws)
    return live.current.name, live.manifest()["counts"], json.loads(out.stdout)


@pytest.mark.parametrize("content, extra, says", [
    (NO_NAME_COLUMN, [], "--map"),
    (ONE_BAD_ROW, ["--strict"], "row 2"),
])
def test_a_refused_registry_publishes_nothing(workspace, tmp_path, content, extra, says):
    """`kg build --registry <refused>` exits 1 naming the file and what to change; the previous
    generation stays current and answers exactly as before."""
    registry = tmp_path / "firms.csv"
    registry.write_text(content, encoding="utf-8")
    before = _answers(workspace)
    out = CliRunner().invoke(cli, ["build", *map(str, sample_documents()), "-w", str(workspace),
                                   "--registry", str(registry), *extra])
    assert out.exit_code == 1, out.output
    assert "firms.csv" in out.stderr and says in out.stderr and "nothing was published" in out.stderr
    assert "Traceback" not in out.output
    assert _answers(workspace) == before
    assert sorted(p.name for p in workspace.iterdir() if p.name.startswith("gen-")) == [before[0]]


def test_partial_publishes_the_rest_when_asked(workspace, tmp_path):
    """With --partial the inputs that loaded are published (exit 1 still reports the refusal)."""
    registry = tmp_path / "firms.csv"
    registry.write_text(NO_NAME_COLUMN, encoding="utf-8")
    before = _answers(workspace)
    out = CliRunner().invoke(cli, ["build", str(sample_documents()[0]), "-w", str(workspace),
                                   "--registry", str(registry), "--partial"])
    assert out.exit_code == 1 and "firms.csv" in out.stderr
    manifest = Workspace(workspace).manifest()
    assert Workspace(workspace).current.name != before[0]
    assert [i["name"] for i in manifest["inputs"] if i["kind"] != "template"] == \
        [sample_documents()[0].name]


def test_a_build_during_a_derivation_keeps_the_readers_generation(workspace, monkeypatch):
    """A reader deriving graph.trig while a build goes live finishes without FileNotFoundError;
    the old generation is collected by the next build once the reader is done."""
    reader = Workspace(workspace)
    old = reader.current
    (old / "graph.trig").unlink(missing_ok=True)
    deriving, built = threading.Event(), threading.Event()
    real_write = rdf.write_handle

    def slow_write(*args, **kwargs):  # the real writer, started only once the build is live
        deriving.set()
        assert built.wait(60)
        return real_write(*args, **kwargs)

    monkeypatch.setattr(rdf, "write_handle", slow_write)
    failures = []

    def read():
        try:
            failures.append(len(reader.file("graph.trig").read_bytes()) == 0)
        except Exception as err:  # noqa: BLE001 — the test reports it
            failures.append(repr(err))
    thread = threading.Thread(target=read)
    thread.start()
    assert deriving.wait(60)
    try:
        builder = Workspace(workspace)
        builder.save(reader.load(check=False), inputs=[])
    finally:
        built.set()
        thread.join()
    assert failures == [False]
    assert old.is_dir() and Workspace(workspace).current != old
    reader.release()
    monkeypatch.setattr(rdf, "write_handle", real_write)
    Workspace(workspace).save(Workspace(workspace).load(check=False), inputs=[])
    assert not old.exists()
