"""One sample workspace for the API and notebook tests, built once per session with ``kg build``."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

KG = Path(sys.executable).with_name("kg")


def run_kg(*args, workspace=None, check: bool = True) -> subprocess.CompletedProcess:
    """Run the installed ``kg`` command as a user would (a subprocess), output as text."""
    command = [str(KG), *map(str, args)]
    if workspace is not None:
        command += ["-w", str(workspace)]
    env = {**os.environ, "COLUMNS": "200"}
    done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=600)
    if check and done.returncode != 0:
        raise AssertionError(f"{' '.join(command)} exited {done.returncode}:\n{done.stderr}")
    return done


@pytest.fixture(scope="session")
def sample_workspace(tmp_path_factory) -> Path:
    """A workspace built by `kg build` from the bundled sample documents and registry."""
    path = tmp_path_factory.mktemp("api") / "kg-workspace"
    run_kg("-q", "build", workspace=path)
    return path
