"""Benchmark the commands users type, each as a cold process: wall time and peak RSS.

    python benchmarks/bench_cli.py 100000                  # build /tmp/kg-bench/cli-100000 first
    python benchmarks/bench_cli.py 1000000 --reuse         # keep an existing workspace
    python benchmarks/bench_cli.py 100000 --markdown BENCHMARKS.md   # rewrite the table there
    python benchmarks/bench_cli.py --compare before.json after.json  # a before/after table

The registry comes from ``gen_registry.py`` (same N, same bytes). ``kg build`` runs as
a subprocess too, so its peak RSS counts the forked registry reader. Each command runs
once, in a fresh ``kg`` process, with stdout to a file (its size is reported); peak RSS
is the child's own ``ru_maxrss`` from ``os.wait4`` (the largest of the process and the
children it waited for), and its CPU time (user + system) is given beside the wall time:
on a shared machine the wall time grows with the load, the CPU time much less. A command that runs past ``--timeout`` is killed and reported.
Named queries run from their ``Example:`` header lines, so a new query is timed as soon
as it ships.
"""
from __future__ import annotations

import argparse
import csv
import datetime
import json
import os
import platform
import re
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
MARK_BEGIN = "<!-- bench_cli:{n} begin -->"
MARK_END = "<!-- bench_cli:{n} end -->"


def kg_executable() -> str:
    """The ``kg`` beside this Python (the project's .venv), else the one on PATH."""
    local = Path(sys.executable).with_name("kg")
    return str(local) if local.exists() else "kg"


def run(argv: list, *, timeout: float, stdout_path: Path, env=None) -> dict:
    """Run ``argv`` once; wall seconds, peak RSS (MB), exit code and output bytes."""
    start = time.perf_counter()
    with open(stdout_path, "wb") as out, open(stdout_path.with_suffix(".err"), "wb") as err:
        proc = subprocess.Popen(argv, stdout=out, stderr=err, env=env, start_new_session=True)
        deadline = start + timeout
        status, usage = 0, None
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                os.killpg(proc.pid, signal.SIGKILL)
                _, status, usage = os.wait4(proc.pid, 0)
                return {"seconds": None, "timeout": timeout, "peak_mb": round(usage.ru_maxrss / 1024),
                        "exit": None, "bytes": stdout_path.stat().st_size}
            time.sleep(0.005)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return {"seconds": round(time.perf_counter() - start, 2), "peak_mb": round(usage.ru_maxrss / 1024),
            "cpu_s": round(usage.ru_utime + usage.ru_stime, 2),
            "exit": proc.returncode, "bytes": stdout_path.stat().st_size,
            "stderr": stdout_path.with_suffix(".err").read_text(errors="replace")[-300:]}


def named_examples() -> list:
    """(name, argv tail) of every shipped named query, from its ``Example:`` line."""
    out = []
    for path in sorted((HERE.parent / "queries").glob("*.cypher")):
        match = re.search(r"^//\s*Example:\s*kg (cypher .*)$", path.read_text(encoding="utf-8"), re.M)
        if match:
            out.append((f"kg {match.group(1)}", match.group(1).split()))
    return out


def sample_firm(csv_path: Path) -> str:
    """A firm name from the middle of the registry (deterministic)."""
    with open(csv_path, encoding="utf-8") as handle:
        rows = csv.reader(handle)
        next(rows)
        for i, row in enumerate(rows):
            if i == 4321:
                return row[0]
    return row[0]


def commands(firm: str, folder: Path, *, chain: str, zone: str) -> list:
    """(label, argv tail) of the commands timed, in the order a planner would type them."""
    cmds = [
        (f"kg gaps {chain} --zone {zone}", ["gaps", chain, "--zone", zone]),
        (f"kg gaps {chain} --zone {zone} --format json", ["gaps", chain, "--zone", zone, "--format", "json"]),
        (f"kg zone {zone}", ["zone", zone]),
        ("kg firm <a registry firm>", ["firm", firm]),
        (f"kg targets --zone {zone}", ["targets", "--zone", zone]),
        ("kg chains", ["chains"]),
    ]
    cmds += [(label, tail + ["--format", "json"]) for label, tail in named_examples()]
    cmds += [(f"kg view chain {chain} --zone {zone}",
              ["view", "chain", chain, "--zone", zone, "-o", str(folder / "chain.html")]),
             (f"kg report --zone {zone} (.xlsx)", ["report", "--zone", zone, "-o", str(folder / "report.xlsx")])]
    return cmds


def ensure_workspace(n: int, folder: Path, reuse: bool, timeout: float) -> tuple:
    """The registry CSV and workspace for ``n`` firms; builds unless ``reuse`` finds one."""
    import gen_registry

    csv_path = gen_registry.cached_csv(n, folder)
    ws = folder / f"cli-{n}"
    build = None
    if not (reuse and (ws / "CURRENT").exists()):
        build = run([kg_executable(), "-q", "build", "--registry", str(csv_path), "--workspace", str(ws)],
                    timeout=timeout, stdout_path=folder / "build.out")
        if build["exit"] != 0:
            raise SystemExit(f"kg build failed: {build}")
    return csv_path, ws, build


def measure(n: int, args) -> dict:
    folder = Path(args.dir)
    load_before = os.getloadavg()[0]
    csv_path, ws, build = ensure_workspace(n, folder, args.reuse, args.build_timeout)
    env = dict(os.environ, KG_WORKSPACE=str(ws))
    out_dir = Path(tempfile.mkdtemp(prefix="kg-bench-cli-"))
    rows = []
    for label, tail in commands(sample_firm(csv_path), out_dir, chain=args.chain, zone=args.zone):
        if args.only and not any(word in label for word in args.only):
            continue
        result = run([kg_executable(), *tail], timeout=args.timeout,
                     stdout_path=out_dir / f"cmd{len(rows)}.out", env=env)
        result["command"] = label
        rows.append(result)
        print(json.dumps(result, ensure_ascii=False), file=sys.stderr)
    return {"firms": n, "build": build, "commands": rows, "workspace": str(ws),
            "machine": machine(load_before), "date": datetime.date.today().isoformat()}


def machine(load_before: float | None = None) -> str:
    """What the figures were measured on, and the load average (1 min) before and after:
    on a shared machine wall time follows the load, CPU time and RSS much less."""
    model = ""
    try:
        model = next(line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo")
                     if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    load = os.getloadavg()[0]
    before = "" if load_before is None else f"{load_before:.1f} at the start, "
    return (f"{platform.machine()}, {os.cpu_count()} cores ({model}), {mem:.0f} GiB, "
            f"Python {platform.python_version()}, load average {before}{load:.1f} at the end")


def cell(result: dict | None) -> str:
    if not result:
        return "—"
    if result.get("seconds") is None:
        return f"> {result['timeout']:.0f} s (killed) / {result['peak_mb']:,} MB"
    failed = "" if result["exit"] == 0 else f" (exit {result['exit']})"
    cpu = f" (cpu {result['cpu_s']:.2f} s)" if "cpu_s" in result else ""
    return f"{result['seconds']:.2f} s{cpu} / {result['peak_mb']:,} MB{failed}"


def table(result: dict) -> str:
    """The Markdown table of one run."""
    lines = [f"{result['firms']:,} firms — {result['date']}, {result['machine']}", "",
             "| command (cold process) | wall / peak RSS | stdout bytes |", "| --- | ---: | ---: |"]
    if result.get("build"):
        lines.append(f"| kg build --registry firms-{result['firms']}.csv | {cell(result['build'])} | |")
    for row in result["commands"]:
        lines.append(f"| `{row['command']}` | {cell(row)} | {row['bytes']:,} |")
    return "\n".join(lines)


def compare(before: dict, after: dict) -> str:
    """A before/after Markdown table of two runs' JSON (``--json`` files) at one size."""
    old = {row["command"]: row for row in before["commands"]}
    lines = [f"{after['firms']:,} firms — before: {before['date']}, {before['machine']}; "
             f"after: {after['date']}, {after['machine']}", "",
             "| command (cold process) | before: wall / peak RSS | after: wall / peak RSS |",
             "| --- | ---: | ---: |"]
    if after.get("build"):
        lines.append(f"| kg build --registry firms-{after['firms']}.csv | {cell(before.get('build'))} "
                     f"| {cell(after['build'])} |")
    for row in after["commands"]:
        lines.append(f"| `{row['command']}` | {cell(old.get(row['command']))} | {cell(row)} |")
    return "\n".join(lines)


def write_markdown(path: Path, n: int, text: str) -> None:
    """Replace (or append) this size's table between its markers in ``path``."""
    begin, end = MARK_BEGIN.format(n=n), MARK_END.format(n=n)
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    block = f"{begin}\n{text}\n{end}"
    if begin in old and end in old:
        head, rest = old.split(begin, 1)
        new = head + block + rest.split(end, 1)[1]
    else:
        new = old.rstrip("\n") + "\n\n" + block + "\n"
    path.write_text(new, encoding="utf-8")


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, nargs="?", default=100_000)
    parser.add_argument("--dir", default="/tmp/kg-bench")
    parser.add_argument("--reuse", action="store_true", help="use an existing workspace")
    parser.add_argument("--chain", default="传感器")
    parser.add_argument("--zone", default="郑州高新区")
    parser.add_argument("--timeout", type=float, default=300, help="seconds per command")
    parser.add_argument("--build-timeout", type=float, default=1800)
    parser.add_argument("--only", action="append", help="time only commands containing this")
    parser.add_argument("--markdown", type=Path, help="write the table into this file")
    parser.add_argument("--json", type=Path, help="also write the raw figures here")
    parser.add_argument("--compare", nargs=2, type=Path, metavar=("BEFORE", "AFTER"),
                        help="print the before/after table of two --json files; runs nothing")
    args = parser.parse_args(argv)
    if args.compare:
        before, after = (json.loads(p.read_text(encoding="utf-8")) for p in args.compare)
        text = compare(before, after)
        print(text)
        if args.markdown:
            write_markdown(args.markdown, after["firms"], text)
        return
    result = measure(args.n, args)
    text = table(result)
    print(text)
    if args.json:
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=2), encoding="utf-8")
    if args.markdown:
        write_markdown(args.markdown, args.n, text)


if __name__ == "__main__":
    main()
