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
