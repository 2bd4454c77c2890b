"""The streaming build (big registries: bulk firms outside networkx) writes the workspace
the in-memory build writes.

Inputs: a few thousand generated firms (the benchmark generator), a registry that repeats
one of them, gives one of its codes to a firm of another name and one of its names to a
firm of another code, a slice of the real listed registry with its industry files, and
the bundled documents (their firms link to registry firms). Both builds run on the same
inputs; the workspaces must hold the same nodes, relations, name index and graph data,
answer the same commands and hold the same embedded store.
"""
from __future__ import annotations

import csv
import json
import os
import re
import shutil
import sys
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg import stream as kg_stream
from kg.build import build, sample_documents
from kg.cli import cli
from kg.errors import KGError
from kg.stores.embedded import STORE_DIR, EmbeddedEngine
from kg.workspace import Workspace

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import gen_registry  # noqa: E402

LISTED = Path(__file__).resolve().parents[1].parent / "shared" / "registry"
LISTED_ROWS = 400


def _listed_slice(folder: Path) -> Path:
    """The first rows of the real listed registry, with its industry files beside them."""
    if not (LISTED / "listed_company.jsonl").is_file():
        pytest.fail(f"the real listed registry is missing: {LISTED}")
    folder.mkdir()
    lines = (LISTED / "listed_company.jsonl").read_text(encoding="utf-8").splitlines()[:LISTED_ROWS]
    (folder / "listed_company.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    codes = {json.loads(line).get("code") for line in lines}
    rows = [line for line in (LISTED / "listed_company_industry.jsonl")
            .read_text(encoding="utf-8").splitlines()
            if json.loads(line).get("company_code") in codes]
    (folder / "listed_company_industry.jsonl").write_text("\n".join(rows) + "\n", encoding="utf-8")
    for name in ("listed_industry.jsonl", "listed_industry_industry.jsonl"):
        shutil.copy(LISTED / name, folder / name)
    return folder / "listed_company.jsonl"


def _oddities(generated: Path, folder: Path) -> Path:
    """A registry repeating a generated firm, reusing a code for another firm name, and
    reusing a name under another code."""
    with open(generated, encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    header, first, second, third = rows[0], rows[1], rows[2], rows[3]
    path = folder / "oddities.csv"
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerow(first)                                        # the same firm again
        writer.writerow(["开封新材料科技有限公司", second[1], second[2], second[3]])  # code conflict
        writer.writerow([third[0], gen_registry.credit_code(999_999, "419100"), third[2],
                         third[3]])                                   # same name, other code
    return path


def _namesakes(generated: Path, folder: Path) -> Path:
    """A registry read first: for a few 郑州高新区 firms on a sensor link, a firm of the
    same name and another code in the same zone, on no link. It holds the name first, so
    the firm on the link keeps no name key of its own (both stay out of the graph's core)."""
    with open(generated, encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    local = [r for r in rows[1:] if "高新技术产业开发区" in r[2] and "传感器" in r[3]
             and r[0].startswith("郑州")][:5]
    path = folder / "namesakes.csv"
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(rows[0])
        for n, row in enumerate(local):
            writer.writerow([row[0], gen_registry.credit_code(999_900 + n, "410100"), row[2],
                             "餐饮服务；物业管理"])
    return path


@pytest.fixture(scope="module")
def pair(tmp_path_factory):
    folder = tmp_path_factory.mktemp("stream")
    generated = folder / "firms.csv"
    gen_registry.write_csv(generated, 3000, seed=5)
    registries = [_namesakes(generated, folder), generated, _oddities(generated, folder),
                  _listed_slice(folder / "listed")]
    built = {}
    batch, kg_stream.BATCH = kg_stream.BATCH, 256  # many spool batches: the forked classifier
    try:                                           # takes every other one
        for stream in (False, True):
            ws = Workspace(folder / f"ws-{stream}")
            result = build(sample_documents(), registries, workspace=ws.path, stream=stream)
            built[stream] = (ws, result)
    finally:
        kg_stream.BATCH = batch
    with open(generated, encoding="utf-8") as handle:
        built["firms"] = [row[0] for row in list(csv.reader(handle))[1:40:9]]
    built["registry"] = generated
    return built


def _edges(graph) -> dict:
    return {(u, v, k): d for u, v, k, d in graph.nx.edges(keys=True, data=True)}


def test_the_streaming_build_keeps_most_firms_out_of_the_graph(pair):
    _, memory = pair[False]
    _, streamed = pair[True]
    assert memory.graph.bulk is None
    firms = memory.manifest["counts"]["nodes"]["Firm"]
    in_graph = streamed.graph.counts()["nodes"]["Firm"]  # counts include the bulk firms
    held = sum(1 for _ in streamed.graph.nodes("Firm"))
    assert in_graph == firms and held < firms / 2


def test_both_builds_load_the_same_graph(pair):
    """Same nodes (every property and source), relations, name index, graph data, counts."""
    whole = {s: Workspace(pair[s][0].path).load() for s in (False, True)}
    assert set(whole[True].nx) == set(whole[False].nx)
    assert dict(whole[True].nx.nodes(data=True)) == dict(whole[False].nx.nodes(data=True))
    assert _edges(whole[True]) == _edges(whole[False])
    assert whole[True]._index == whole[False]._index
    assert whole[True].nx.graph == whole[False].nx.graph
    assert pair[True][1].manifest["counts"] == pair[False][1].manifest["counts"]
    assert pair[True][1].manifest["report"] == pair[False][1].manifest["report"]


def _answers(ws, *args) -> object:
    result = CliRunner().invoke(cli, [*args, "--format", "json", "--workspace", str(ws.path)])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.mark.parametrize("args", [
    ("gaps", "传感器", "--zone", "郑州高新区"),
    ("gaps", "智能传感器", "--zone", "新乡高新区"),
    ("zone", "郑州高新区"),
    ("cypher", "--name", "chain_gaps", "-p", "chain=传感器", "-p", "zone=郑州高新区"),
])
def test_both_workspaces_answer_the_same(pair, args):
    assert _answers(pair[True][0], *args) == _answers(pair[False][0], *args)


def test_both_workspaces_show_the_same_firms(pair):
    """Generated firms (bulk, or merged with a repeated row) and a listed firm."""
    listed = json.loads((LISTED / "listed_company.jsonl").read_text(encoding="utf-8")
                        .splitlines()[3])["name"]
    for name in [*pair["firms"], listed]:
        assert _answers(pair[True][0], "firm", name) == _answers(pair[False][0], "firm", name)


def test_both_stores_hold_the_same_rows(pair):
    counts = {}
    for stream in (False, True):
        ws = pair[stream][0]
        with EmbeddedEngine(ws.current / STORE_DIR) as engine:
            _, nodes = engine.run("MATCH (n) RETURN label(n) AS l, count(*) AS n ORDER BY l")
            _, rels = engine.run("MATCH ()-[r]->() RETURN label(r) AS l, count(*) AS n, "
                                 "sum(CASE WHEN r.status = 'placed' THEN 1 ELSE 0 END) AS p "
                                 "ORDER BY l")
        counts[stream] = (nodes, rels)
    assert counts[True] == counts[False]


def test_both_stores_hold_the_same_firms_and_placements(pair):
    """Row for row (the streaming build stages its registry firms in two processes and
    appends one's files to the other's): every firm with its properties, every relation
    of a firm with its ends and properties."""
    rows = {}
    for stream in (False, True):
        with EmbeddedEngine(pair[stream][0].current / STORE_DIR) as engine:
            _, firms = engine.run("MATCH (f:Firm) RETURN f.id, f.name, f.aliases, f.credit_code, "
                                  "f.business_scope, f.sources ORDER BY f.id")
            _, rels = engine.run("MATCH (f:Firm)-[r]->(n) RETURN f.id, label(r), n.id, r.status, "
                                 "r.score, r.evidence, r.sources ORDER BY f.id, label(r), n.id")
        rows[stream] = (firms, rels)
    assert len(rows[True][0]) > 2000 and len(rows[True][1]) > 4000
    assert rows[True] == rows[False]


_JOINED = {  # the oracle: the engine's own join of firms, placements and places
    "Zone": "MATCH (l:Link)<-[rf:OPERATES_IN]-(f:Firm)-[:LOCATED_IN]->(s:Zone)",
    "Region": "MATCH (l:Link)<-[rf:OPERATES_IN]-(f:Firm)-[:LOCATED_IN]->(s:Region)",
    "Chain": "MATCH (s:Chain)-[:HAS_LINK]->(l:Link)<-[rf:OPERATES_IN]-(f:Firm)",
}


@pytest.mark.parametrize("scope", sorted(_JOINED))
def test_firms_on_counts_what_joining_the_store_counts(pair, scope):
    """FIRMS_ON (written while the firms are staged, in two processes when streamed) holds,
    per (zone, region or chain, link), the placed firms and the first 100 by name that
    the store's own join finds; a pair with no placed firm has no row."""
    for stream in (False, True):
        with EmbeddedEngine(pair[stream][0].current / STORE_DIR) as engine:
            _, joined = engine.run(
                _JOINED[scope] + " WHERE rf.status = 'placed' OR rf.status IS NULL "
                "WITH s.id AS scope, l.id AS link, f.name AS name ORDER BY name SKIP 0 "
                "RETURN scope, link, count(*) AS firms, list_slice(collect(name), 1, 100) AS names "
                "ORDER BY scope, link")
            _, stored = engine.run(
                f"MATCH (s:{scope})-[r:FIRMS_ON]->(l:Link) RETURN s.id AS scope, l.id AS link, "
                "r.firms AS firms, r.names AS names ORDER BY scope, link")
        assert stored == joined and joined
        if scope == "Chain":  # some list was cut back while firms were added
            assert max(row["firms"] for row in stored) > 200


def test_a_refused_registry_publishes_nothing_and_leaves_no_spool(tmp_path, monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))  # where the spool goes
    good = tmp_path / "firms.csv"
    gen_registry.write_csv(good, 200, seed=3)
    bad = tmp_path / "bad.csv"
    bad.write_text("地址,经营范围\n郑州,传感器\n", encoding="utf-8")
    ws = Workspace(tmp_path / "ws")
    with pytest.raises(KGError, match="nothing was published"):
        build([], [good, bad], workspace=ws.path, stream=True)
    assert not list(ws.path.glob("gen-*")) if ws.path.exists() else True
    assert not list(tmp_path.glob(".kg-stream-*"))
    build([], [good], workspace=ws.path, stream=True)  # and a build that publishes
    assert len(list(ws.path.glob("gen-*"))) == 1 and not list(tmp_path.glob(".kg-stream-*"))


def test_kg_build_streams_a_big_registry_and_not_a_small_one(tmp_path, monkeypatch):
    """The size threshold picks the path; the build says nothing different either way."""
    import kg.build

    registry = tmp_path / "firms.csv"
    gen_registry.write_csv(registry, 300, seed=2)
    small = build([], [registry], workspace=tmp_path / "small")
    monkeypatch.setattr(kg.build, "STREAM_MIN_BYTES", registry.stat().st_size)
    big = build([], [registry], workspace=tmp_path / "big")
    assert small.graph.bulk is None and big.graph.bulk is not None
    assert big.manifest["counts"] == small.manifest["counts"]
    assert big.manifest["counts"]["nodes"]["Firm"] == 300


def test_kg_v_build_says_how_long_each_stage_took_and_a_pipe_hears_nothing(tmp_path, monkeypatch):
    """A long build names its stages with seconds and peak memory under ``kg -v``; without
    it, with stderr not a terminal, no stage line is printed."""
    import kg.build

    registry = tmp_path / "firms.csv"
    gen_registry.write_csv(registry, 300, seed=4)
    monkeypatch.setattr(kg.build, "STREAM_MIN_BYTES", 1)
    args = ["build", "--registry", str(registry), "--workspace", str(tmp_path / "ws")]
    loud = CliRunner().invoke(cli, ["-v", *args])
    assert loud.exit_code == 0, loud.output
    stages = re.findall(r"kg: INFO: (.+)：(\d+\.\d) 秒（CPU \d+\.\d 秒），内存峰值 ([\d,]+) MB", loud.stderr)
    names = [name for name, _, _ in stages]
    assert names[0] == "读取登记表 firms.csv" and "归类只在登记表中的企业" in names
    assert {"写入嵌入式图库", "写入答案索引", "校验文件"} <= set(names)
    assert all(int(mb.replace(",", "")) > 0 for _, _, mb in stages)
    quiet = CliRunner().invoke(cli, args)
    assert quiet.exit_code == 0 and "内存峰值" not in quiet.stderr


def test_on_a_terminal_a_long_build_shows_its_progress(tmp_path):
    """With stderr on a terminal (a pty here), the build redraws a count of what it has done
    and prints each stage's time, without ``-v``; stdout stays empty."""
    import os
    import subprocess

    registry = tmp_path / "firms.csv"
    gen_registry.write_csv(registry, 10_000, seed=5)
    code = ("import sys, kg.build; kg.build.STREAM_MIN_BYTES = 1; from kg.cli import main; "
            "sys.argv[0] = 'kg'; main()")
    leader, follower = os.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-c", code, "build", "--registry", str(registry), "--workspace",
         str(tmp_path / "ws")], stdout=subprocess.PIPE, stderr=follower)
    os.close(follower)
    seen = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the pty's other end closed
            break
        if not chunk:
            break
        seen += chunk
    out, _ = proc.communicate(timeout=300)
    os.close(leader)
    text = seen.decode("utf-8", errors="replace")
    assert proc.returncode == 0 and out == b""
    assert re.search(r"\r已读登记事实：[\d,]+", text)
    assert re.search(r"\r归类企业：[\d,]+/[\d,]+（\d+%）", text)
    assert re.search(r"kg: 写入答案索引：\d+\.\d 秒（CPU \d+\.\d 秒），内存峰值 [\d,]+ MB", text)


@pytest.mark.parametrize("where", ["kg.index._write_link_stats", "kg.stores.embedded._stage_bulk"])
def test_a_failing_forked_writer_publishes_nothing(tmp_path, monkeypatch, where):
    """The writers' forked halves (link statistics; the second half of the firms' staging)
    fail the build as a whole: it says which part failed, the previous generation stays."""
    import importlib

    import kg.build

    registry = tmp_path / "firms.csv"
    gen_registry.write_csv(registry, 400, seed=6)
    monkeypatch.setattr(kg.build, "STREAM_MIN_BYTES", 1)
    ws = Workspace(tmp_path / "ws")
    build([], [registry], workspace=ws.path)
    live = ws.current
    module, name = where.rsplit(".", 1)
    real = getattr(importlib.import_module(module), name)
    parent = os.getpid()

    def broken(*args, **kwargs):
        if os.getpid() != parent:
            raise RuntimeError("no space left in the child")
        return real(*args, **kwargs)
    monkeypatch.setattr(importlib.import_module(module), name, broken)
    with pytest.raises(KGError, match="no space left in the child"):
        build([], [registry], workspace=ws.path)
    assert ws.current == live and not list(ws.path.glob("*.partial"))


def _spool_folders(base: Path) -> list:
    return sorted(base.glob(".kg-stream-*"))


def test_sigterm_ends_a_build_cleanly_and_a_later_build_sweeps_a_killed_ones_spool(tmp_path):
    """`kill` (SIGTERM) during a streaming build: exit code 143, its spool folder and
    unfinished generation are gone, the previous workspace still answers. A spool left by
    a build that could not clean up (SIGKILL: its process is gone) is removed by the next."""
    import os
    import signal
    import subprocess
    import time

    registry = tmp_path / "firms.csv"
    gen_registry.write_csv(registry, 40_000, seed=6)
    small = tmp_path / "small.csv"
    gen_registry.write_csv(small, 300, seed=6)
    ws, spools = tmp_path / "ws", tmp_path / "spools"
    spools.mkdir()
    env = dict(os.environ, TMPDIR=str(spools))
    code = ("import sys, kg.build; kg.build.STREAM_MIN_BYTES = 1; from kg.cli import main; "
            "sys.argv[0] = 'kg'; main()")

    def kg_build(path):
        with open(tmp_path / "stderr.txt", "wb") as err:
            return subprocess.Popen([sys.executable, "-c", code, "-q", "build", "--registry",
                                     str(path), "--workspace", str(ws)], env=env,
                                    stdout=subprocess.DEVNULL, stderr=err)

    assert kg_build(small).wait(timeout=300) == 0
    before = Workspace(ws).current
    proc = kg_build(registry)
    deadline = time.monotonic() + 120
    while not any(f.stat().st_size for d in _spool_folders(spools) for f in d.iterdir()):
        assert proc.poll() is None and time.monotonic() < deadline
        time.sleep(0.05)
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=120) == 143, (tmp_path / "stderr.txt").read_text()
    assert _spool_folders(spools) == [] and not list(ws.glob("*.partial"))
    assert Workspace(ws).current == before
    out = CliRunner().invoke(cli, ["zone", "郑州高新区", "--workspace", str(ws)])
    assert out.exit_code == 0, out.output

    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    left = spools / f".kg-stream-{gone.pid}-killed"  # as SIGKILL leaves one
    left.mkdir()
    (left / "registries.bin").write_bytes(b"x" * 1000)
    assert kg_build(small).wait(timeout=300) == 0
    assert _spool_folders(spools) == []


def test_lists_from_the_index_equal_the_whole_graphs(pair):
    """kg lists reads a slice of the streamed workspace's index (every local firm on the
    chains, each row quoting its registry record): the same rows as from the whole graph,
    where registry firms of one name (other codes) stay out of the graph's core."""
    from kg.answers import for_report
    from kg.reports import build_report
    from kg.reports.lists import build_lists

    ws = pair[True][0]
    whole = Workspace(ws.path).load()
    for zone in ("郑州高新区", "郑州市"):
        lists = [build_lists(g, build_report(g, zone, (), manifest=ws.manifest()))
                 for g in (for_report(ws, zone), whole)]
        assert lists[0] == lists[1], zone
        rows = lists[0]["配套企业清单"]
        assert len(rows) > 20 and all("经营范围" in row["来源"] for row in rows)
        _quotes_match_their_rows(rows, pair["registry"])


_QUOTED_ROW = re.compile(r"firms\.csv 第(\d+)行：「企业名称：([^；」]+)；注册地址：([^；」]+)；经营范围：([^」]+)」")


def _quotes_match_their_rows(rows, registry: Path) -> None:
    """Each quoted row of the generated registry is that row (not a namesake's)."""
    with open(registry, encoding="utf-8") as handle:
        lines = list(csv.reader(handle))
    quoted = [m.groups() for row in rows for m in _QUOTED_ROW.finditer(row["来源"])]
    assert len(quoted) >= len(rows) - 5
    for number, name, address, scope in quoted:
        line = lines[int(number)]  # 第N行: the Nth row under the header
        assert (name, address, scope) == (line[0], line[2], line[3]), number
