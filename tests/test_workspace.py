"""The workspace: saved graphs load back, stale and missing workspaces say what to run."""
import json
import sys
import threading

import pytest

from kg import KnowledgeGraph
from kg.errors import WorkspaceError
from kg.facts import Source
from kg.workspace import Workspace, default_path, file_sha256, input_record


def small_graph():
    g = KnowledgeGraph()
    z = g.add_entity("Zone", "郑州高新区", source=Source("a.txt", 0, 0, 5, "郑州高新区"))
    r = g.add_entity("Region", "郑州市", source=Source("a.txt", 0, 6, 9, "郑州市"))
    g.add_relation(z, "IN_REGION", r, source=Source("a.txt", 0, 0, 9, "郑州高新区郑州市"))
    return g


def test_saved_graph_loads_back_equal(tmp_path):
    """What a build saves is what a reading command loads."""
    ws = Workspace(tmp_path / "ws")
    g = small_graph()
    ws.save(g, inputs=[])
    again = ws.load()
    assert list(again.node_records()) == list(g.node_records())
    assert list(again.edge_records()) == list(g.edge_records())


def test_two_saves_of_the_same_graph_are_byte_identical(tmp_path):
    """Canonical output: the same graph gives the same RDF bytes."""
    outputs = []
    for name in ("one", "two"):
        ws = Workspace(tmp_path / name)
        ws.save(small_graph(), inputs=[])
        outputs.append(ws.file("graph.trig").read_bytes())
    assert outputs[0] == outputs[1]


def test_missing_workspace_says_to_run_build(tmp_path):
    """A reading command on no workspace is told to run `kg build`."""
    with pytest.raises(WorkspaceError, match="run `kg build` first"):
        Workspace(tmp_path / "nothing").load()


def test_changed_input_makes_the_workspace_stale(tmp_path):
    """When an input file changes after the build, loading says the workspace is stale."""
    doc = tmp_path / "plan.txt"
    doc.write_text("郑州高新区", encoding="utf-8")
    ws = Workspace(tmp_path / "ws")
    ws.save(small_graph(), inputs=[input_record(doc, "document")])
    assert ws.load().counts() == small_graph().counts()
    doc.write_text("新乡高新区", encoding="utf-8")
    with pytest.raises(WorkspaceError, match="plan.txt has changed.*run `kg build` again"):
        ws.load()


def test_a_new_save_replaces_the_old_generation(tmp_path):
    """Only the live generation stays on disk, and the manifest counts what was saved."""
    ws = Workspace(tmp_path / "ws")
    ws.save(small_graph(), inputs=[])
    g = small_graph()
    g.add_entity("Firm", "汉威科技", source=Source("a.txt", 1, 0, 4, "汉威科技"))
    manifest = ws.save(g, inputs=[])
    assert manifest["counts"]["nodes"]["Firm"] == 1
    assert len(list((tmp_path / "ws").glob("gen-*"))) == 1
    assert json.loads(ws.file("manifest.json").read_text(encoding="utf-8"))["counts"] == g.counts()


def test_a_failing_writer_leaves_the_previous_workspace_live(tmp_path):
    """A build that fails while writing leaves the previous graph readable and unchanged."""
    ws = Workspace(tmp_path / "ws")
    ws.save(small_graph(), inputs=[])
    before = ws.file("graph.trig").read_bytes()

    def broken(graph, directory):
        raise RuntimeError("disk full")
    with pytest.raises(RuntimeError):
        ws.save(KnowledgeGraph(), inputs=[], extra_writers=[broken])
    assert ws.file("graph.trig").read_bytes() == before
    assert len(ws.load()) == len(small_graph())
    assert not list((tmp_path / "ws").glob("*.partial"))


def test_a_second_build_on_a_locked_workspace_refuses(tmp_path):
    """Two builds on one workspace never interleave: the second refuses with a clear message."""
    ws = Workspace(tmp_path / "ws")
    entered, release = threading.Event(), threading.Event()

    def slow(graph, directory):
        entered.set()
        release.wait(10)
    worker = threading.Thread(target=ws.save, args=(small_graph(), []), kwargs={"extra_writers": [slow]})
    worker.start()
    try:
        assert entered.wait(10)
        with pytest.raises(WorkspaceError, match="is being built by pid"):
            Workspace(tmp_path / "ws").save(small_graph(), inputs=[])
    finally:
        release.set()
        worker.join()
    assert ws.load().counts() == small_graph().counts()


def test_workspace_path_comes_from_option_then_environment(monkeypatch, tmp_path):
    """--workspace wins, then KG_WORKSPACE, then ./kg-workspace."""
    monkeypatch.setenv("KG_WORKSPACE", str(tmp_path / "env"))
    assert default_path(tmp_path / "opt") == tmp_path / "opt"
    assert default_path() == tmp_path / "env"
    monkeypatch.delenv("KG_WORKSPACE")
    assert str(default_path()) == "kg-workspace"


def test_loaded_graph_keeps_edges_shared_and_editable(tmp_path):
    """A loaded graph is a working networkx graph: an edge changed from one end shows from the other."""
    ws = Workspace(tmp_path / "ws")
    ws.save(small_graph(), inputs=[])
    g = ws.load()
    g.nx.edges["Zone/郑州高新区", "Region/郑州", "IN_REGION"]["note"] = "x"
    assert g.nx.pred["Region/郑州"]["Zone/郑州高新区"]["IN_REGION"]["note"] == "x"
    assert g.resolve("郑州高新技术产业开发区") == "Zone/郑州高新区"
    before = len(g)
    g.add_entity("Firm", "郑州甲传感科技有限公司")
    assert len(g) == before + 1


def test_a_date_is_saved_as_its_iso_text(tmp_path):
    """A property marshal cannot write (a date) is saved as ISO text, as the registry loader
    writes dates — never pickled."""
    import datetime

    ws = Workspace(tmp_path / "ws")
    g = small_graph()
    g.add_entity("Firm", "甲公司", founded_on=datetime.date(2020, 1, 2))
    ws.save(g, inputs=[])
    assert ws.load().node("Firm/甲公司")["founded_on"] == "2020-01-02"
    assert b"pickle" not in ws.file("graph.bin").read_bytes()[:40]


def _rehash(ws, name):
    """Record a file's present hash in the manifest, as a forger who can write the manifest would."""
    manifest_path = ws.current / "manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    manifest["files"][name] = file_sha256(ws.current / name)
    manifest_path.write_text(json.dumps(manifest), encoding="utf-8")


def test_graph_written_by_another_python_says_rebuild(tmp_path):
    """A graph file from another Python version is refused with what to run, not a crash."""
    ws = Workspace(tmp_path / "ws")
    ws.save(small_graph(), inputs=[])
    path = ws.file("graph.bin")
    data = path.read_bytes()
    header, rest = data.split(b"\n", 1)
    path.write_bytes(header.rsplit(b" ", 1)[0] + b" py2.7\n" + rest)
    _rehash(ws, "graph.bin")
    with pytest.raises(WorkspaceError, match="Python 2.7.*kg build"):
        ws.load()


class _Payload:
    """Unpickling this runs a shell command that leaves a sentinel file."""

    def __init__(self, sentinel):
        self.sentinel = str(sentinel)

    def __reduce__(self):
        import os

        return (os.system, (f"touch {self.sentinel}",))


@pytest.mark.parametrize("rehash", [False, True])
def test_a_crafted_pickle_graph_file_never_runs(tmp_path, rehash):
    """A graph.bin whose header says pickle (even with its hash forged into the manifest) is
    refused by `kg gaps`: exit 1, a clear message, and the payload never runs."""
    import pickle

    from click.testing import CliRunner

    from kg.cli import cli

    ws = Workspace(tmp_path / "ws")
    ws.save(small_graph(), inputs=[])
    sentinel = tmp_path / "PWNED"
    path = ws.file("graph.bin")
    path.write_bytes(b"KGGRAPH pickle py%d.%d\n" % sys.version_info[:2]
                     + pickle.dumps({"graph": _Payload(sentinel)}))
    if rehash:
        _rehash(ws, "graph.bin")
    out = CliRunner().invoke(cli, ["gaps", "-w", str(ws.path), "传感器",
                                   "--zone", "郑州高新区"])
    assert not sentinel.exists()
    assert out.exit_code == 1 and out.stderr.startswith("kg: error:"), out.output
    assert "graph.bin" in out.stderr and "kg build" in out.stderr


def test_a_replaced_store_file_is_refused(tmp_path):
    """A file of the embedded store that differs from the manifest's hash is not opened."""
    from kg.stores.embedded import DB_FILE, STORE_DIR, EmbeddedEngine, write_embedded

    ws = Workspace(tmp_path / "ws")
    ws.save(small_graph(), inputs=[], extra_writers=[write_embedded])
    with EmbeddedEngine(ws) as engine:
        assert engine.run("MATCH (n) RETURN count(n) AS n")[1][0]["n"] > 0
    db = ws.current / STORE_DIR / DB_FILE
    db.write_bytes(db.read_bytes()[:-1] + b"x")
    with pytest.raises(WorkspaceError, match="does not match the hash"):
        EmbeddedEngine(Workspace(ws.path))
    (ws.current / STORE_DIR / "extra.so").write_bytes(b"x")
    with pytest.raises(WorkspaceError, match="extra.so does not match"):
        Workspace(ws.path).file(STORE_DIR)


def test_a_changed_derived_file_is_written_again(tmp_path):
    """graph.trig is derived: when it no longer matches its recorded hash it is rewritten, not read."""
    ws = Workspace(tmp_path / "ws")
    ws.save(small_graph(), inputs=[])
    good = ws.file("graph.trig").read_bytes()
    ws.file("graph.trig").write_bytes(b"<urn:a> <urn:b> <urn:forged> .")
    assert Workspace(ws.path).file("graph.trig").read_bytes() == good


def test_the_hash_cache_never_vouches_for_a_changed_file(tmp_path, monkeypatch):
    """A remembered hash is used only while the file is untouched: a same-size rewrite with its
    mtime put back is still hashed again (the kernel's ctime moved) and refused."""
    import os
    import time

    from kg import workspace as wsmod

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(wsmod, "_VERIFIED", None)
    monkeypatch.setattr(wsmod, "SETTLED_NS", 0)
    ws = Workspace(tmp_path / "ws")
    ws.save(small_graph(), inputs=[])
    assert len(Workspace(ws.path).load()) == len(small_graph())  # hashed and remembered
    assert (tmp_path / "cache" / "kg" / "verified.json").is_file()
    path = ws.current / "graph.bin"
    before = os.stat(path)
    time.sleep(0.05)
    data = bytearray(path.read_bytes())
    data[-1] ^= 1
    path.write_bytes(bytes(data))
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    with pytest.raises(WorkspaceError, match="does not match the hash"):
        Workspace(ws.path).load()


def test_the_builds_hash_of_an_input_is_remembered_for_the_first_command(tmp_path, monkeypatch):
    """A build hashes each input once: the first command after it checks the input by its
    remembered hash (same inode, size and times), and hashes it again once it changes."""
    import kg.workspace as workspace

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(workspace, "SETTLED_NS", 0)
    monkeypatch.setattr(workspace, "_VERIFIED", None)
    doc = tmp_path / "plan.txt"
    doc.write_text("郑州高新区", encoding="utf-8")
    ws = Workspace(tmp_path / "ws")
    ws.save(small_graph(), inputs=[input_record(doc, "document")])
    hashed = []
    monkeypatch.setattr(workspace, "file_sha256", lambda p: hashed.append(p) or file_sha256(p))
    assert ws.stale_reasons() == [] and hashed == []
    doc.write_text("新乡高新区", encoding="utf-8")
    assert ws.stale_reasons() == ["plan.txt has changed since the build"] and hashed == [doc]
