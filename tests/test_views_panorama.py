"""The chain panorama and the chain map in headless chromium, at the screen planners use (1400×900).

Positions on the canvas views are read through vis-network (getBoundingBox, canvasToDOM)
in the page's JavaScript, not from the DOM. Set ``KG_UPDATE_SCREENSHOTS=1`` to refresh
docs/panorama.png and docs/sensor-chain-map.png.
"""
from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli
from tests.browser import CHROMIUM, FLAGS, browser  # noqa: F401 - the session fixture
from tests.shared_data import missing

pytestmark = pytest.mark.browser
DOCS = Path(__file__).resolve().parent.parent / "docs"
W, H = 1400, 900

# every box of the canvas, in screen pixels, and the smallest text as drawn
BOXES_JS = """(() => {
  const net = kgView.network, box = document.getElementById('graph');
  const width = box.clientWidth, height = box.clientHeight, scale = net.getScale();
  const outside = []; let smallest = 99;
  kgView.data.nodes.forEach(n => {
    const b = net.getBoundingBox(n.id);
    const tl = net.canvasToDOM({x: b.left, y: b.top}), br = net.canvasToDOM({x: b.right, y: b.bottom});
    if (tl.x < 0 || tl.y < 0 || br.x > width || br.y > height) outside.push(n.id);
    smallest = Math.min(smallest, ((n.font && n.font.size) || 14) * scale);
  });
  const legend = document.getElementById('side').getBoundingClientRect();
  const graph = box.getBoundingClientRect();
  return {outside, smallest, count: kgView.data.nodes.length,
          graphRight: graph.left + width, legendLeft: legend.left};
})()"""

# every element that holds text directly: its computed font size
TEXT_JS = """(() => {
  const sizes = [];
  document.querySelectorAll('body *').forEach(el => {
    const own = Array.from(el.childNodes).some(c => c.nodeType === 3 && c.textContent.trim());
    if (own && el.getClientRects().length) sizes.push([parseFloat(getComputedStyle(el).fontSize), el.textContent.slice(0, 20)]);
  });
  return {sizes, scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth,
          chains: document.querySelectorAll('section.chain').length,
          links: document.querySelectorAll('.link').length};
})()"""


def run(*args):
    result = CliRunner().invoke(cli, [str(a) for a in args])
    assert result.exit_code == 0, result.output
    return result


@pytest.fixture(scope="module")
def sample_ws(sample_workspace):
    """The bundled sample built with `kg build`, once per session (its 新能源汽车 chain has six links)."""
    return sample_workspace


def _open_map(browser, path):  # noqa: F811
    page = browser.page(W, H)
    page.open(path)
    page.evaluate("new Promise(r => setTimeout(r, 200))")
    return page


@pytest.mark.parametrize("chain,zone", [("传感器", "郑州高新区"), ("新能源汽车", "新乡市"),
                                        ("氢能", "新乡市")])
def test_chain_map_keeps_every_box_inside_the_canvas(browser, sample_ws, tmp_path, chain, zone):  # noqa: F811
    """Every node's box lies inside the canvas (first not cut left, last not under the legend),
    and the smallest text is at least 12 px on a 1400×900 screen, six links included."""
    path = tmp_path / "map.html"
    run("view", "chain", chain, "--zone", zone, "-w", sample_ws, "-o", path)
    page = _open_map(browser, path)
    try:
        found = page.evaluate(BOXES_JS)
        assert found["count"] > 0
        assert found["outside"] == [], found
        assert found["graphRight"] <= found["legendLeft"]
        assert found["smallest"] >= 12, found
        assert page.errors == [] and page.foreign_requests() == []
        if chain == "传感器" and os.environ.get("KG_UPDATE_SCREENSHOTS"):
            page.screenshot(DOCS / "sensor-chain-map.png")
    finally:
        page.close()


def test_panorama_is_readable_at_1400_by_900(browser, sample_ws, tmp_path):  # noqa: F811
    """`kg view panorama --zone 郑州高新区`: every chain a row, all text ≥ 12 px, no sideways
    scrolling, no script, no request."""
    path = tmp_path / "panorama.html"
    run("view", "panorama", "--zone", "郑州高新区", "-w", sample_ws, "-o", path)
    page = browser.page(W, H)
    try:
        page.open(path, ready="document.readyState === 'complete'")
        found = page.evaluate(TEXT_JS)
        assert found["chains"] >= 2 and found["links"] >= 7
        small = [s for s in found["sizes"] if s[0] < 12]
        assert small == [], small
        assert found["scrollWidth"] <= found["innerWidth"]
        assert page.evaluate("document.scripts.length") == 0
        assert page.foreign_requests() == [] and page.errors == []
        if os.environ.get("KG_UPDATE_SCREENSHOTS"):
            page.screenshot(DOCS / "panorama.png")
    finally:
        page.close()


def test_panorama_prints_to_a4_landscape(sample_ws, tmp_path):
    """chromium --print-to-pdf makes a PDF whose pages are A4 landscape (842 × 595 pt)."""
    if not CHROMIUM:
        missing("chromium is not installed: run scripts/system-deps.sh")  # fails under CI
    path = tmp_path / "panorama.html"
    run("view", "panorama", "--zone", "新乡市", "-w", sample_ws, "-o", path)
    pdf = tmp_path / "panorama.pdf"
    flags = [f for f in FLAGS if not f.startswith("--remote-debugging")]
    subprocess.run([CHROMIUM, *flags, f"--user-data-dir={tmp_path / 'profile'}",
                    "--no-pdf-header-footer", f"--print-to-pdf={pdf}", path.as_uri()],
                   check=True, timeout=120, capture_output=True)
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    boxes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", data)
    assert boxes and all(abs(float(w) - 841.9) < 2 and abs(float(h) - 595.3) < 2 for w, h in boxes)


def test_zone_view_links_to_its_panorama(sample_ws, tmp_path):
    """`kg view zone -o zone.html` writes zone-panorama.html beside it and links to it."""
    path = tmp_path / "zone.html"
    run("view", "zone", "郑州高新区", "-w", sample_ws, "-o", path)
    assert (tmp_path / "zone-panorama.html").exists()
    assert 'href="zone-panorama.html"' in path.read_text(encoding="utf-8")


def test_panorama_pages_hold_eight_chains_each(sample_ws, tmp_path):
    """More than eight chains go on further pages, linked from each other."""
    from kg.views.panorama import panorama_pages
    from kg.workspace import Workspace

    graph = Workspace(sample_ws).load()
    chains = [d["name"] for _, d in graph.nodes("Chain")]
    pages = panorama_pages(graph, "新乡市", chains, per_page=4,
                           names=["p.html", "p-2.html"])
    assert len(pages) == -(-len(chains) // 4)
    assert sum(p.count('<section class="chain"') for p in pages) == len(chains)
    assert 'href="p-2.html"' in pages[0]
