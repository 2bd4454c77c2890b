"""Run a loader in a second process while this one adds its facts to the graph.

Reading a million-row registry (CSV parsing, places from addresses, keys) costs as
much Python time as adding its facts to the graph; on two cores both halves can run
at once. :func:`facts_in_background` forks a child that runs the loader and sends its
facts back as plain tuples (:func:`kg.facts.encode`) in batches; the parent adds them
with :meth:`kg.graph.KnowledgeGraph.add_encoded`. Report entries the loader appends
come back at the end; a :class:`kg.errors.SourceError` in the child is raised again
in the parent, any other failure as a KGError with the child's traceback.

Where ``fork`` is not available, or other threads run in this process, the loader
simply runs in this process.

The child dies with its parent: on Linux the kernel sends it SIGKILL when the parent
dies (``prctl(PR_SET_PDEATHSIG)``), and everywhere it closes its inherited copy of the
pipe's reading end, so a send after the parent is gone fails instead of blocking.

>>> from kg.facts import Entity, Source
>>> def loader(report):
...     report.append({"row": 1})
...     yield Entity("Zone", "郑州高新区", source=Source("a.csv", row=1))
>>> report = []
>>> [f[:3] for f in facts_in_background(loader, report=report)], report
([('E', 'Zone', '郑州高新区')], [{'row': 1}])
"""
from __future__ import annotations

import ctypes
import multiprocessing
import os
import pickle
import signal
import sys
import threading
import traceback
from contextlib import contextmanager
from typing import Callable, Iterator

from kg.errors import KGError, SourceError
from kg.facts import encode

BATCH = 4096  # facts per message: large enough to amortise a send, small enough to overlap


def available() -> bool:
    """True when loaders can run in a forked child here.

    Not where ``fork`` is missing, nor in a process that runs other threads: a forked
    child gets copies of their locks, possibly held (Python 3.12 warns of it).
    """
    return "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1


def facts_in_background(loader: Callable, *args, report: list | None = None,
                        **kwargs) -> Iterator[tuple]:
    """Encoded facts of ``loader(*args, report=child_report, **kwargs)`` run in a child.

    ``report`` (a list) receives what the loader reported, once it has finished.
    """
    if not available():
        for fact in loader(*args, report=report, **kwargs):
            yield encode(fact)
        return
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_run, args=(send, loader, args, kwargs),
                            kwargs={"parent": os.getpid(), "inherited": receive}, daemon=True)
    child.start()
    send.close()
    try:
        while True:
            try:
                message = pickle.loads(receive.recv_bytes())
            except EOFError:
                raise KGError(f"the loader process ended without a word "
                              f"(exit code {child.exitcode})") from None
            if isinstance(message, list):
                yield from message
                continue
            kind, payload = message
            if kind == "done":
                if report is not None:
                    report.extend(payload)
                return
            if kind == "source_error":
                path, reason, where, hint, entries = payload
                if report is not None:
                    report.extend(entries)
                raise SourceError(path, reason, where=where, hint=hint)
            raise KGError(f"the loader failed:\n{payload}")
    finally:
        receive.close()
        if child.is_alive():
            child.terminate()
        child.join()


PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


def die_with_parent(parent: int) -> None:
    """Have the kernel kill this process when its parent dies (Linux); exit now if it has.

    SIGTERM (the parent's ``terminate()``) ends a child at once, whatever handler the
    parent installed (the CLI's unwinds the parent's cleanup, which is not the child's).
    """
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):  # no prctl: the closed pipe end still stops us
            pass
    if os.getppid() != parent:  # the parent died before the call above took effect
        os._exit(1)


def _run(send, loader, args, kwargs, *, parent: int, inherited) -> None:
    """The child: run the loader, send batches of encoded facts, then how it ended."""
    die_with_parent(parent)
    inherited.close()  # only the parent reads: a dead parent then breaks our sends
    entries: list = []
    try:
        batch = []
        for fact in loader(*args, report=entries, **kwargs):
            batch.append(encode(fact))
            if len(batch) >= BATCH:
                send.send_bytes(pickle.dumps(batch, protocol=pickle.HIGHEST_PROTOCOL))
                batch = []
        if batch:
            send.send_bytes(pickle.dumps(batch, protocol=pickle.HIGHEST_PROTOCOL))
        send.send_bytes(pickle.dumps(("done", entries)))
    except SourceError as err:
        send.send_bytes(pickle.dumps(("source_error", (err.path, err.reason, err.where,
                                                       err.hint, entries))))
    except BaseException:  # noqa: BLE001 — the parent reports it
        send.send_bytes(pickle.dumps(("crash", traceback.format_exc())))
    finally:
        send.close()


@contextmanager
def beside(function: Callable, *args, what: str):
    """Run ``function(*args)`` in a forked child while the caller works on.

    Yields ``wait``: it blocks until the child ends and returns what ``function``
    returned (pickled back), or raises a KGError "``what`` failed" with the child's
    traceback. The child dies with its parent, as the loader's child does.

    >>> with beside(sum, [1, 2, 3], what="adding") as wait:
    ...     wait()
    6
    """
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_call, args=(send, function, args),
                            kwargs={"parent": os.getpid(), "inherited": receive}, daemon=True)
    child.start()
    send.close()

    def wait():
        try:
            kind, payload = pickle.loads(receive.recv_bytes())
        except EOFError:
            kind, payload = "crash", f"exit code {child.exitcode}"
        if kind != "done":
            raise KGError(f"{what} failed:\n{payload}")
        return payload

    try:
        yield wait
    finally:
        receive.close()
        if child.is_alive():
            child.terminate()
        child.join()


def _call(send, function, args, *, parent: int, inherited) -> None:
    """The child of :func:`beside`: call ``function``, send ("done", result) or the crash."""
    die_with_parent(parent)
    inherited.close()  # only the parent reads: a dead parent then breaks our send
    try:
        send.send_bytes(pickle.dumps(("done", function(*args)), protocol=pickle.HIGHEST_PROTOCOL))
    except BaseException:  # noqa: BLE001 — the parent reports it
        send.send_bytes(pickle.dumps(("crash", traceback.format_exc())))
    finally:
        send.close()
