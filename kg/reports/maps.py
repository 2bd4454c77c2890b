"""Chain maps for reports: each chain's interactive map written beside the report.

The maps come from :func:`kg.views.chain_map`; a build without ``kg.views`` writes
reports without maps (their sections then carry no map link).
"""
from __future__ import annotations

import logging
from pathlib import Path

from kg.reports.model import Report

log = logging.getLogger("kg.reports")


def attach_maps(report: Report, graph, folder, *, relative_to) -> list:
    """Write a map per chain and the zone's chain panorama into ``folder``.

    Each section's ``map`` and the report's ``panorama`` get the relative address.
    """
    try:
        from kg.views import chain_map
    except ImportError:
        log.info("kg.views is not available: the report links no chain maps")
        return []
    folder = Path(folder)
    written = []
    for n, section in enumerate(report.chains, 1):
        if not section["links"]:
            continue
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / f"chain-{n}-map.html"
        target.write_text(chain_map(graph, section["chain"], report.zone), encoding="utf-8")
        written.append(target)
        section["map"] = target.relative_to(relative_to).as_posix()
    written += _attach_panorama(report, graph, folder, relative_to)
    return written


def _attach_panorama(report: Report, graph, folder: Path, relative_to) -> list:
    """The panorama of the report's chains (kg view panorama) beside the report."""
    from kg.views.panorama import write_panorama

    if not any(section["links"] for section in report.chains):
        return []
    folder.mkdir(parents=True, exist_ok=True)
    pages = write_panorama(graph, report.zone, folder / "panorama.html",
                           [section["chain"] for section in report.chains])
    report.panorama = pages[0].relative_to(relative_to).as_posix()
    return pages
