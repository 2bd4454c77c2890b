"""Session fixtures shared by the test modules: the FalkorDB Bolt server, headless chromium,
the sample workspaces.

Defined once here, so a test names ``bolt``, ``bolt_server`` or ``browser`` as a parameter
without importing it (an import the test's parameter would shadow).
"""
from tests.bolt_server import bolt, bolt_server  # noqa: F401  (fixtures)
from tests.browser import browser  # noqa: F401  (fixture)
from tests.api_workspace import sample_workspace  # noqa: F401  (fixture: notebook API tests)
from tests.listener import listener  # noqa: F401  (fixture: records HTTP requests)
from tests.hostile_store import hostile_store  # noqa: F401  (fixture: read-only tests)


def pytest_configure(config):
    """Send every temporary folder of the run — the doctests' ``mkdtemp``, the Bolt server's
    log, chromium's profile, the spools of ``kg`` subprocesses — into one folder, removed when
    the run ends, so a run leaves nothing in the system's temporary folder."""
    import os
    import tempfile

    folder = tempfile.mkdtemp(prefix="kg-tests-")
    config._kg_tmp = folder, tempfile.tempdir, os.environ.get("TMPDIR")
    tempfile.tempdir = os.environ["TMPDIR"] = folder


def pytest_unconfigure(config):
    import os
    import shutil
    import tempfile

    if not hasattr(config, "_kg_tmp"):
        return
    folder, tempfile.tempdir, previous = config._kg_tmp
    if previous is None:
        os.environ.pop("TMPDIR", None)
    else:
        os.environ["TMPDIR"] = previous
    shutil.rmtree(folder, ignore_errors=True)
