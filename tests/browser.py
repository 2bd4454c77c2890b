"""Headless Chromium for the view tests, driven over the DevTools protocol.

``browser`` is a session fixture: it starts Debian's chromium on 127.0.0.1 with a
free DevTools port and a fresh profile, waits until it listens, and stops it by its
process handle. Its stderr is shown in any error the helper raises.

A :class:`Page` records what a user would not see: console errors, uncaught
exceptions, JavaScript dialogs and every request the page makes.
"""
from __future__ import annotations

import base64
import json
import re
import shutil
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-default-apps", "--disable-extensions", "--mute-audio", "--hide-scrollbars",
         "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0"]
_LISTENING = re.compile(r"DevTools listening on (ws://127\.0\.0\.1:(\d+)/\S+)")


class BrowserError(AssertionError):
    """The browser failed; the message carries its stderr."""


class Browser:
    """One chromium process; :meth:`page` opens tabs."""

    def __init__(self, executable: str = CHROMIUM, *, timeout: float = 60.0):
        self.profile = tempfile.mkdtemp(prefix="kg-chromium-")
        self.log_path = Path(self.profile) / "stderr.log"
        self._log = open(self.log_path, "w+b")
        self.proc = subprocess.Popen([executable, *FLAGS, f"--user-data-dir={self.profile}/p",
                                      "about:blank"], stdout=subprocess.DEVNULL, stderr=self._log)
        deadline = time.monotonic() + timeout
        self.port = None
        while time.monotonic() < deadline and self.proc.poll() is None:
            match = _LISTENING.search(self.stderr())
            if match:
                self.port = int(match.group(2))
                break
            time.sleep(0.05)
        if self.port is None:
            self.stop()
            raise BrowserError(f"chromium did not start within {timeout} s:\n{self.stderr()}")

    def stderr(self, tail: int = 4000) -> str:
        """The browser's stderr so far (the last ``tail`` characters)."""
        try:
            return self.log_path.read_bytes().decode("utf-8", "replace")[-tail:]
        except OSError:
            return ""

    def _http(self, path: str, method: str = "GET"):
        req = urllib.request.Request(f"http://127.0.0.1:{self.port}{path}", method=method)
        with urllib.request.urlopen(req, timeout=10) as resp:  # noqa: S310 - loopback only
            body = resp.read().decode()
        try:
            return json.loads(body or "null")
        except ValueError:  # /json/close answers "Target is closing"
            return body

    def page(self, width: int = 1600, height: int = 1000) -> "Page":
        """A new tab of ``width`` × ``height`` CSS pixels."""
        target = self._http("/json/new?about:blank", method="PUT")
        return Page(self, target, width, height)

    def stop(self) -> None:
        """Stop the process (terminate, then kill) and remove its profile."""
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)
        self._log.close()
        shutil.rmtree(self.profile, ignore_errors=True)


class Page:
    """One tab over a DevTools websocket: navigate, evaluate, screenshot, and what went wrong."""

    def __init__(self, browser: Browser, target: dict, width: int, height: int):
        import websocket

        self.browser = browser
        self.target = target
        self.ws = websocket.create_connection(target["webSocketDebuggerUrl"], timeout=30,
                                              suppress_origin=True)
        self._id = 0
        self.errors: list = []
        self.requests: list = []
        self.dialogs: list = []
        self.loaded = False
        for domain in ("Page", "Runtime", "Log", "Network"):
            self.send(f"{domain}.enable")
        self.send("Emulation.setDeviceMetricsOverride",
                  {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})

    # ------------------------------------------------------------------ protocol
    def send(self, method: str, params: dict | None = None, timeout: float = 30.0) -> dict:
        """Call a DevTools method and return its result, handling events meanwhile."""
        self._id += 1
        my_id = self._id
        self.ws.send(json.dumps({"id": my_id, "method": method, "params": params or {}}))
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            message = json.loads(self.ws.recv())
            if message.get("id") == my_id:
                if "error" in message:
                    raise BrowserError(f"{method}: {message['error']}\n{self.browser.stderr()}")
                return message.get("result", {})
            self._event(message)
        raise BrowserError(f"{method}: no answer in {timeout} s\n{self.browser.stderr()}")

    def _event(self, message: dict) -> None:
        method, params = message.get("method"), message.get("params", {})
        if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            self.errors.append("console: " + " ".join(
                str(a.get("value", a.get("description", ""))) for a in params.get("args", [])))
        elif method == "Runtime.exceptionThrown":
            details = params.get("exceptionDetails", {})
            self.errors.append("exception: " + str(details.get("exception", {}).get("description")
                                                   or details.get("text")))
        elif method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
            self.errors.append("log: " + params["entry"].get("text", ""))
        elif method == "Network.requestWillBeSent":
            self.requests.append(params.get("request", {}).get("url", ""))
        elif method == "Page.javascriptDialogOpening":
            self.dialogs.append(params.get("message"))
            self._id += 1
            self.ws.send(json.dumps({"id": self._id, "method": "Page.handleJavaScriptDialog",
                                     "params": {"accept": True}}))
        elif method == "Page.loadEventFired":
            self.loaded = True

    # ------------------------------------------------------------------ use
    def open(self, path, *, ready: str = "document.body && document.body.dataset.drawn === '1'",
             timeout: float = 15.0) -> float:
        """Open a file and wait until ``ready`` is true; returns the seconds it took."""
        url = Path(path).resolve().as_uri()
        self.url = url
        self.loaded = False
        start = time.monotonic()
        self.send("Page.navigate", {"url": url})
        while time.monotonic() - start < timeout:
            if self.loaded and self.evaluate(f"!!({ready})"):
                return time.monotonic() - start
            time.sleep(0.05)
            self.evaluate("0")  # pumps events
        raise BrowserError(f"{url} not ready within {timeout} s; errors: {self.errors}\n"
                           f"{self.browser.stderr()}")

    def evaluate(self, expression: str):
        """The value of a JavaScript expression (awaited when it is a promise)."""
        result = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True,
                                                "awaitPromise": True})
        if "exceptionDetails" in result:
            raise BrowserError(f"{expression}: {result['exceptionDetails']}")
        return result.get("result", {}).get("value")

    def screenshot(self, path=None) -> bytes:
        """A PNG of the viewport (also written to ``path`` when given)."""
        png = base64.b64decode(self.send("Page.captureScreenshot", {"format": "png"})["data"])
        if path:
            Path(path).write_bytes(png)
        return png

    def foreign_requests(self) -> list:
        """Requests other than the page's own file and inline data."""
        return [u for u in self.requests if u != getattr(self, "url", None)
                and not u.startswith(("data:", "about:"))]

    def close(self) -> None:
        """Close the tab."""
        try:
            self.ws.close()
        finally:
            try:
                self.browser._http(f"/json/close/{self.target['id']}")
            except OSError:
                pass


@pytest.fixture(scope="session")
def browser():
    """A headless chromium for the whole session (skips when chromium is not installed; fails under CI)."""
    if not CHROMIUM:
        from tests.shared_data import missing

        missing("chromium is not installed: run scripts/system-deps.sh")
    instance = Browser()
    try:
        yield instance
    finally:
        instance.stop()
