"""Progress bars that show on a terminal and stay silent in pipes and CI.

>>> with progress(range(3), label="loading") as items:
...     sum(items)
3
"""
from __future__ import annotations

import contextlib
import logging
import resource
import sys
import time

import click

log = logging.getLogger("kg.build")

_QUIET = False


def set_quiet(quiet: bool) -> None:
    """Silence progress bars (``kg -q``)."""
    global _QUIET
    _QUIET = quiet


def enabled() -> bool:
    """True when progress should be drawn: stderr is a terminal and not quieted."""
    return not _QUIET and sys.stderr.isatty()


@contextlib.contextmanager
def progress(iterable=None, *, length: int | None = None, label: str = ""):
    """A click progress bar on stderr when :func:`enabled`, else the bare iterable."""
    if enabled():
        with click.progressbar(iterable, length=length, label=label, file=sys.stderr) as bar:
            yield bar
    else:
        yield _Silent(iterable)


class _Silent:
    def __init__(self, iterable):
        self._iterable = iterable

    def __iter__(self):
        return iter(self._iterable if self._iterable is not None else ())

    def update(self, n_steps: int, current_item=None) -> None:
        """Nothing to draw."""


class Ticker:
    """How far long work has got, one terminal line redrawn at most twice a second;
    nothing when :func:`enabled` is false. ``total`` (if known) adds a percentage.

    >>> with ticker("归类企业", total=10) as tick:
    ...     tick.show(5)
    """

    def __init__(self, label: str, total: int | None = None):
        self.label, self.total, self.on = label, total, enabled()
        self._next = 0.0

    def show(self, done: int) -> None:
        if not self.on or time.monotonic() < self._next:
            return
        self._next = time.monotonic() + 0.5
        share = f"/{self.total:,}（{done * 100 // max(self.total, 1)}%）" if self.total else ""
        click.echo(f"\r{self.label}：{done:,}{share}", nl=False, err=True)

    def close(self) -> None:
        if self.on and self._next:
            click.echo("\r\033[K", nl=False, err=True)  # the line is cleared for what follows


@contextlib.contextmanager
def ticker(label: str, total: int | None = None):
    """A :class:`Ticker`, its line cleared at the end."""
    tick = Ticker(label, total)
    try:
        yield tick
    finally:
        tick.close()


def ticking(items, label: str, total: int | None = None, *, step: int = 1, every: int = 4096):
    """Yield ``items``, showing a :class:`Ticker` count every ``every`` of them (each
    counting ``step``: a process that takes every other batch shows both halves' count).

    >>> sum(ticking(range(5), "归类企业"))
    10
    """
    with ticker(label, total) as tick:
        for done, item in enumerate(items, 1):
            if not done % every:
                tick.show(done * step)
            yield item


def _cpu_seconds() -> float:
    """CPU seconds of this process and the children it has waited for (user + system)."""
    own, kids = (resource.getrusage(who) for who in (resource.RUSAGE_SELF,
                                                     resource.RUSAGE_CHILDREN))
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


@contextlib.contextmanager
def stage(name: str):
    """Say how long a step of long work took and the process's peak memory so far: on a
    terminal, or in the log with ``kg -v``; silent in pipes.

    >>> with stage("读取登记表"):
    ...     pass
    """
    start, cpu = time.perf_counter(), _cpu_seconds()
    yield
    took, cpu = time.perf_counter() - start, _cpu_seconds() - cpu
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    line = f"{name}：{took:.1f} 秒（CPU {cpu:.1f} 秒），内存峰值 {peak:,.0f} MB"
    if log.isEnabledFor(logging.INFO):
        log.info("%s", line)
    elif enabled():
        click.echo(f"kg: {line}", err=True)
