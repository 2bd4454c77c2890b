"""Big registries are read by a second process: the graph and the report are the same as reading in one."""
from pathlib import Path

import pytest

from kg import build as kgbuild
from kg.background import facts_in_background
from kg.errors import KGError, SourceError

CITIES = ["郑州", "新乡", "洛阳", "开封", "许昌"]
SCOPES = ["气体传感器的研发与销售", "MEMS晶圆制造", "储氢瓶、高压气瓶的生产", "餐饮服务", "动力电池回收"]


def registry(path, rows=1500, bad=False):
    """A registry CSV of fictional firms with addresses, zones, repeated credit codes and odd cells."""
    lines = ["企业名称,统一社会信用代码,注册地址,经营范围,成立日期"]
    for i in range(rows):
        city = CITIES[i % len(CITIES)]
        zone = ["高新技术产业开发区", "经济技术开发区", "市中原区"][i % 3]
        code = f"9141{i % 1400:012d}X" if i % 7 else ""
        code = code[:18].ljust(18, "0") if code else ""
        date = "2019-05-0" + str(i % 9 + 1) if i % 5 else "不详"
        lines.append(f"{city}甲{i}传感科技有限公司,{code},{city}{zone}梧桐街{i}号,"
                     f"{SCOPES[i % len(SCOPES)]},{date}")
    if bad:
        lines.append('"未闭合的引号公司,,郑州市,传感器,2020-01-01')
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def build(paths, strict=False):
    result = kgbuild.build_graph([], paths, strict=strict)
    return result


@pytest.fixture
def in_background(monkeypatch):
    monkeypatch.setattr(kgbuild, "BACKGROUND_MIN_BYTES", 0)


def test_background_read_gives_the_same_graph_and_report(tmp_path, monkeypatch):
    """Nodes, relations, sources and the row report are equal whichever process reads the file."""
    from kg import background

    assert background.available(), "the suite must be able to fork here, or this test proves nothing"
    path = registry(tmp_path / "firms.csv", bad=True)
    serial = build([path])
    monkeypatch.setattr(kgbuild, "BACKGROUND_MIN_BYTES", 0)
    parallel = build([path])
    assert list(parallel.graph.node_records()) == list(serial.graph.node_records())
    assert list(parallel.graph.edge_records()) == list(serial.graph.edge_records())
    assert parallel.report == serial.report
    assert {"ignored", "skipped"} <= {entry["action"] for entry in parallel.report}
    assert len(list(parallel.graph.nodes("Firm"))) > 1000


def test_strict_refusal_in_the_background_adds_no_row(tmp_path, in_background):
    """--strict still refuses the whole file, with the row, when a second process reads it."""
    path = registry(tmp_path / "firms.csv", rows=50, bad=True)
    result = build([path], strict=True)
    assert [type(e) for e in result.errors] == [SourceError]
    assert "firms.csv" in str(result.errors[0])
    assert not list(result.graph.nodes("Firm"))


def test_a_loader_crash_in_the_child_is_one_error_with_its_traceback():
    """A loader that fails in the child raises in the parent, naming where it failed."""
    def loader(report):
        raise ZeroDivisionError("boom")
        yield  # pragma: no cover

    with pytest.raises(KGError, match="ZeroDivisionError: boom"):
        list(facts_in_background(loader, report=[]))


def _children(pid: int) -> set:
    """Pids whose parent is ``pid`` (from /proc)."""
    import os

    found = set()
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="utf-8", errors="replace") as handle:
                    stat = handle.read()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.add(int(entry))
    return found


def _alive(pid: int) -> bool:
    """True while ``pid`` runs (a zombie or a vanished pid is not running)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="utf-8", errors="replace") as handle:
            return handle.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc (Linux)")
def test_the_reader_child_dies_when_the_build_is_killed(tmp_path):
    """`kill -9` of a build reading a ≥ 4 MB registry leaves no reader child behind."""
    import os
    import signal
    import subprocess
    import sys
    import time

    path = registry(tmp_path / "firms.csv", rows=60_000)
    assert path.stat().st_size >= kgbuild.BACKGROUND_MIN_BYTES
    proc = subprocess.Popen([sys.executable, "-c", "from kg.cli import main; main()", "-q",
                             "build", "-r", str(path), "-w", str(tmp_path / "ws")],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    children: set = set()
    try:
        deadline = time.monotonic() + 60
        while not (children := _children(proc.pid)) and time.monotonic() < deadline:
            assert proc.poll() is None, "the build ended before its reader child was seen"
            time.sleep(0.05)
        assert children, "no reader child appeared"
        time.sleep(0.3)  # the child is reading now
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        deadline = time.monotonic() + 10
        while any(_alive(c) for c in children) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not any(_alive(c) for c in children)
    finally:
        proc.kill()
        for child in children:  # whatever outlived the test, by its own pid
            if _alive(child):
                os.kill(child, signal.SIGKILL)
