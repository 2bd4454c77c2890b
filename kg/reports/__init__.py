"""Reports and lists for briefings: a zone's chains, gaps, targets and evidence.

:func:`build_report` gathers the content as plain data (:mod:`kg.reports.model`);
:func:`write_report` renders it in the format its file suffix names. Writers are a
registry by suffix, imported only when used (openpyxl and matplotlib load lazily).

>>> sorted(WRITERS)
['.htm', '.html', '.md', '.xlsx']
>>> writer_for("简报.docx")
Traceback (most recent call last):
...
kg.reports.ReportFormatError: cannot write a report as '.docx' (简报.docx); use one of .htm, .html, .md, .xlsx
"""
from __future__ import annotations

import importlib
from pathlib import Path

from kg.errors import KGError
from kg.reports.model import Report, assemble, build_report

WRITERS = {
    ".xlsx": "kg.reports.xlsx",
    ".md": "kg.reports.markdown",
    ".html": "kg.reports.html",
    ".htm": "kg.reports.html",
}


class ReportFormatError(KGError):
    """A report file name whose suffix names no report format."""


def writer_for(path):
    """The writer module for a report file, chosen by its suffix."""
    suffix = Path(path).suffix.lower()
    if suffix not in WRITERS:
        raise ReportFormatError(f"cannot write a report as {suffix or 'a file without suffix'!r} "
                                f"({Path(path).name}); use one of {', '.join(sorted(WRITERS))}")
    return importlib.import_module(WRITERS[suffix])


def assets_dir(path) -> Path:
    """Where a report's charts and chain maps go: ``NAME-files/`` beside ``NAME.ext``."""
    path = Path(path)
    return path.with_name(path.stem + "-files")


def write_report(report: Report, path, *, graph=None) -> list:
    """Write ``report`` to ``path`` in the format of its suffix; returns the files written.

    With ``graph``, HTML and Markdown reports also get each chain's interactive map
    (:func:`kg.views.chain_map`) in the assets folder, linked from the chain's section.
    """
    writer = writer_for(path)
    path = Path(path)
    written = []
    if graph is not None and path.suffix.lower() != ".xlsx":
        from kg.reports.maps import attach_maps

        written += attach_maps(report, graph, assets_dir(path), relative_to=path.parent)
    return writer.write(report, path, assets=assets_dir(path)) + written


__all__ = ["Report", "ReportFormatError", "WRITERS", "assemble", "build_report", "write_report",
           "writer_for"]
