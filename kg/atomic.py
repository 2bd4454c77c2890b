"""Write a file so that readers see the old file or the whole new one, never half of it.

One helper for every writer: the content goes to a temporary file beside the target (same
folder, so the rename stays on one file system), which replaces the target when the
writing succeeded and is removed when it failed.

>>> import tempfile, pathlib
>>> path = pathlib.Path(tempfile.mkdtemp()) / "a.txt"
>>> write_text(path, "郑州高新区")
>>> path.read_text(encoding="utf-8")
'郑州高新区'
>>> try:
...     with atomic_path(path) as tmp:
...         _ = tmp.write_text("half", encoding="utf-8")
...         raise ValueError("failed midway")
... except ValueError:
...     pass
>>> path.read_text(encoding="utf-8"), sorted(p.name for p in path.parent.iterdir())
('郑州高新区', ['a.txt'])
"""
from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator


@contextmanager
def atomic_path(path) -> Iterator[Path]:
    """A temporary path beside ``path`` to write to; it replaces ``path`` when the block ends
    without an error and is removed when it raises."""
    path = Path(path)
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


@contextmanager
def atomic_open(path, mode: str = "wb", **kwargs):
    """An open handle on a temporary file that replaces ``path`` when closed without an error."""
    with atomic_path(path) as tmp, open(tmp, mode, **kwargs) as handle:
        yield handle


def write_text(path, text: str) -> None:
    """Write UTF-8 text to ``path`` atomically."""
    with atomic_path(path) as tmp:
        tmp.write_text(text, encoding="utf-8")
