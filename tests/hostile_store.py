"""The hostile sample (:func:`kg.stores.fixtures.hostile_graph`) saved once per session with
its embedded store, for the read-only tests; each test works on its own copy.

``hostile_store`` is a session fixture (registered in conftest.py); :func:`fresh_copy`
gives a test a copy it may write to without leaking into the next test.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kg.stores.embedded import write_embedded
from kg.stores.fixtures import hostile_graph
from kg.workspace import Workspace


@pytest.fixture(scope="session")
def hostile_store(tmp_path_factory) -> Path:
    """The folder of a workspace of the hostile sample with its embedded store (seconds)."""
    ws = Workspace(tmp_path_factory.mktemp("hostile") / "ws")
    ws.save(hostile_graph(), [], extra_writers=[write_embedded])
    return ws.path


def fresh_copy(store: Path, folder: Path) -> Workspace:
    """A copy of ``store`` under ``folder`` (a test's tmp_path), so a write cannot leak."""
    shutil.copytree(store, folder / "ws")
    return Workspace(folder / "ws")
