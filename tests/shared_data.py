"""Inputs the tests read from ``../shared`` beside the checkout (CI puts it there).

A test that needs one calls :func:`require`: where the input is missing it skips on a
developer's machine but fails under CI (``CI=true``), so a real-data test never passes in
CI by not running.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def in_ci() -> bool:
    """True under CI (the ``CI`` variable every CI service sets to ``true``)."""
    return os.environ.get("CI", "").strip().lower() in ("true", "1", "yes")


def missing(message: str) -> None:
    """Skip with ``message`` on a developer's machine; fail with it under CI."""
    if in_ci():
        pytest.fail(message + " (CI=true: a missing input is a failure)")
    pytest.skip(message)


def require(*parts: str) -> Path:
    """The path ``../shared/<parts>``; skips (fails under CI) when it is not there."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        missing(f"{path} not found: put the shared inputs beside the checkout")
    return path
