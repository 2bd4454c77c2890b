"""A build killed at any point leaves the previous workspace readable and unchanged."""
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kg.build import sample_documents
from kg.workspace import Workspace

KG = [sys.executable, "-c", "from kg.cli import main; main()"]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """A workspace built once from two sample documents, and its graph bytes."""
    root = tmp_path_factory.mktemp("interrupt")
    docs = [str(p) for p in sample_documents()[:2]]
    ws = root / "ws"
    subprocess.run(KG + ["-q", "build", *docs, "-w", str(ws)], check=True, capture_output=True)
    return root, ws, Workspace(ws).file("graph.trig").read_bytes()


@pytest.mark.slow
@pytest.mark.parametrize("seed", range(3))
def test_a_build_killed_at_a_random_point_leaves_the_previous_workspace(built, seed, tmp_path):
    """SIGKILL during `kg build` never damages the live workspace."""
    root, ws, before = built
    copy = tmp_path / "ws"
    shutil.copytree(ws, copy)
    docs = [str(p) for p in sample_documents()]
    proc = subprocess.Popen(KG + ["-q", "build", *docs, "-w", str(copy)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(random.Random(seed).uniform(0.3, 4.0))
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    live = Workspace(copy)
    graph = live.load(check=False)
    trig = live.file("graph.trig").read_bytes()
    if trig != before:  # the new generation went live before the kill: it must be whole
        assert live.manifest()["counts"] == graph.counts()
        assert len(live.manifest()["inputs"]) == len(docs)
    else:
        assert len(graph) > 0
    # a new build over the leftovers works and cleans them up
    subprocess.run(KG + ["-q", "build", *docs[:2], "-w", str(copy)], check=True, capture_output=True)
    assert Workspace(copy).file("graph.trig").read_bytes() == before
    assert not [p for p in Path(copy).iterdir() if p.name.endswith(".partial")]
