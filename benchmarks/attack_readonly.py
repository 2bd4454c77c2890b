"""Count what the generated read-only attack corpus achieves against the embedded store.

Each statement of tests/test_readonly_engine.py's corpus runs on a fresh copy of the
hostile hand graph's store, through EmbeddedEngine without --write; afterwards the traps
are checked: a compiled extension's constructor ran, a secret file's text came back, a
file was written, the store changed or no longer opens. Needs gcc.

    .venv/bin/python benchmarks/attack_readonly.py
"""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests.test_readonly_engine import COUNT, EVIL_C, SECRET, corpus  # noqa: E402

from kg.errors import KGError  # noqa: E402
from kg.stores.embedded import EmbeddedEngine, write_embedded  # noqa: E402
from kg.stores.fixtures import hostile_graph  # noqa: E402
from kg.workspace import Workspace  # noqa: E402


def _traps(root: Path) -> dict:
    traps = {"secret": root / "secret.csv", "leak": root / "leak.csv", "sentinel": root / "SENTINEL",
             "other": root / "other.lbug", "export": root / "export", "so": root / "evil.so"}
    traps["secret"].write_text(f"{SECRET},{SECRET}\n", encoding="utf-8")
    (root / "evil.c").write_text(EVIL_C, encoding="utf-8")
    subprocess.run(["gcc", "-shared", "-fPIC", f'-DSENTINEL="{traps["sentinel"]}"', "-o",
                    str(traps["so"]), str(root / "evil.c")], check=True)
    return traps


def _reset(traps: dict) -> None:
    for key in ("sentinel", "leak", "other", "export"):
        path = traps[key]
        shutil.rmtree(path, ignore_errors=True) if path.is_dir() else path.unlink(missing_ok=True)


def main() -> dict:
    root = Path(tempfile.mkdtemp())
    clean = Workspace(root / "clean")
    clean.save(hostile_graph(), [], extra_writers=[write_embedded])
    with EmbeddedEngine(clean) as engine:
        expected = engine.run(COUNT)[1]
    traps = _traps(root)
    stats = dict.fromkeys(["statements", "refused", "ran", "loaded_code", "read_secret",
                           "wrote_file", "changed_store", "store_unopenable"], 0)
    for statement in corpus(traps):
        stats["statements"] += 1
        shutil.rmtree(root / "ws", ignore_errors=True)
        shutil.copytree(clean.path, root / "ws")
        _reset(traps)
        try:
            with EmbeddedEngine(Workspace(root / "ws")) as engine:
                _, rows = engine.run(statement)
            stats["ran"] += 1
            stats["read_secret"] += SECRET in json.dumps(rows, ensure_ascii=False, default=str)
        except (KGError, RuntimeError):
            stats["refused"] += 1
        stats["loaded_code"] += traps["sentinel"].exists()
        stats["wrote_file"] += any(traps[k].exists() for k in ("leak", "other", "export"))
        try:
            with EmbeddedEngine(Workspace(root / "ws")) as engine:
                stats["changed_store"] += engine.run(COUNT)[1] != expected
        except (KGError, RuntimeError):
            stats["store_unopenable"] += 1
    shutil.rmtree(root, ignore_errors=True)
    return stats


if __name__ == "__main__":
    print(json.dumps(main()))
