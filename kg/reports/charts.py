"""Chain charts for reports: firms per link, gaps marked, Chinese labels in a CJK font.

Drawn with matplotlib's Agg canvas (no display, no pyplot state). Chinese text needs
a CJK font file; :func:`cjk_font` finds one (fontconfig first, then known paths) and
fails with a message that says which package to install.

>>> links = [{"link": "传感芯片", "status": "gap", "local_firms": []},
...          {"link": "传感器", "status": "covered", "local_firms": [{"name": "汉威科技"}]}]
>>> chain_chart("智能传感器", links)[:8] == b"\\x89PNG\\r\\n\\x1a\\n"
True
"""
from __future__ import annotations

import io
import shutil
import subprocess
from functools import lru_cache
from pathlib import Path

from kg.errors import KGError

KNOWN_FONTS = (
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
    "/System/Library/Fonts/PingFang.ttc",
    "C:/Windows/Fonts/msyh.ttc",
)
STATUS_COLOURS = {"gap": "#c0392b", "weak": "#e67e22", "covered": "#2e6da4", "unknown": "#95a5a6"}
STATUS_LABELS = {"gap": "缺链", "weak": "薄弱", "covered": "已覆盖", "unknown": "未知"}


class FontError(KGError):
    """No font that can draw Chinese text was found."""


def _fontconfig_fonts() -> list:
    if not shutil.which("fc-list"):
        return []
    try:
        out = subprocess.run(["fc-list", ":lang=zh", "file"], capture_output=True, text=True,
                             timeout=20, check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    return sorted(line.split(":")[0].strip() for line in out.splitlines() if line.strip())


@lru_cache(maxsize=1)
def cjk_font() -> str:
    """The name of a CJK font registered with matplotlib (found once per process)."""
    from matplotlib import font_manager

    preferred = [p for p in KNOWN_FONTS if Path(p).is_file()]
    for path in preferred + _fontconfig_fonts():
        try:
            font_manager.fontManager.addfont(path)
            return font_manager.FontProperties(fname=path).get_name()
        except (OSError, RuntimeError, ValueError):
            continue
    raise FontError("no CJK font found to draw Chinese chart labels; install one "
                    "(Debian/Ubuntu: `apt-get install fonts-wqy-microhei`, or run "
                    "scripts/system-deps.sh)")


def chain_chart(chain: str, links: list, *, dpi: int = 150) -> bytes:
    """A PNG bar chart of local firms per link of ``chain``, gaps and weak links marked.

    ``links`` are report link rows (``link``, ``status``, ``local_firms``), in chain order.
    """
    from matplotlib import rc_context
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.patches import Patch

    font = cjk_font()
    names = [str(link.get("link", "")) for link in links]
    counts = [link.get("local_count", len(link.get("local_firms") or [])) for link in links]
    statuses = [link.get("status") or "unknown" for link in links]
    with rc_context({"font.family": "sans-serif", "font.sans-serif": [font],
                     "axes.unicode_minus": False}):
        fig = Figure(figsize=(max(5.5, 1.15 * len(links) + 1.5), 3.4), dpi=dpi)
        FigureCanvasAgg(fig)
        ax = fig.add_subplot()
        xs = list(range(len(links)))
        top = max(counts + [1])
        heights = [c if c else top * 0.04 for c in counts]  # a gap still shows a sliver
        bars = ax.bar(xs, heights, width=0.62,
                      color=[STATUS_COLOURS.get(s, "#95a5a6") for s in statuses],
                      edgecolor="#333333", linewidth=0.6)
        for bar, status, count in zip(bars, statuses, counts):
            if status == "gap":
                bar.set_hatch("///")
            label = f"{count}" if status == "covered" else f"{count}·{STATUS_LABELS.get(status, status)}"
            ax.annotate(label, (bar.get_x() + bar.get_width() / 2, bar.get_height()),
                        xytext=(0, 3), textcoords="offset points", ha="center", va="bottom",
                        fontsize=9, color=STATUS_COLOURS.get(status, "#333333"))
        ax.set_xticks(xs, names, fontsize=9)
        ax.set_ylim(0, top * 1.3 + 0.5)
        ax.set_ylabel("本地企业数", fontsize=9)
        ax.set_title(f"{chain}：各环节本地企业（上游 → 下游）", fontsize=11)
        ax.yaxis.get_major_locator().set_params(integer=True)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        shown = [s for s in STATUS_LABELS if s in statuses]
        ax.legend(handles=[Patch(facecolor=STATUS_COLOURS[s], edgecolor="#333333",
                                 hatch="///" if s == "gap" else None, label=STATUS_LABELS[s])
                           for s in shown], fontsize=8, frameon=False, loc="upper right",
                  ncol=len(shown))
        fig.tight_layout()
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png")
    return buffer.getvalue()
