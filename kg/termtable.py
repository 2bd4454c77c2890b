"""Terminal tables that fit the screen: measured once, wrapped or cut, columns by priority.

Every cell is measured once (CJK characters take two columns) and cut by cumulative
width, so rendering is linear in the size of the output. When the table is wider than
the screen, the widest columns are narrowed first (their text wraps onto up to
``max_lines`` lines, the last cut with "…"); when even that does not fit, columns of
low priority are left out and named in a footer.

>>> cut("郑州高新技术产业开发区", 9)
'郑州高新…'
>>> wrap("abcdefgh", 3, 2)
['abc', 'de…']
>>> print(table(["环节", "状态"], [["传感芯片", "缺链"]], screen=80))
环节      状态
--------  ----
传感芯片  缺链
"""
from __future__ import annotations

import unicodedata

ELLIPSIS = "…"
_GAP = 2  # spaces between columns
_FLOOR = 12  # a narrowed text column keeps at least this many display columns


def char_width(ch: str) -> int:
    """Display width of one character: wide and full-width East Asian ones take two."""
    return 2 if unicodedata.east_asian_width(ch) in "WF" else 1


def display_width(text: str) -> int:
    """Display width of a text."""
    return sum(char_width(ch) for ch in text)


def cut(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` display columns, ending in "…" when cut."""
    return wrap(text, limit, 1)[0] if text else text


def wrap(text: str, limit: int, max_lines: int = 3) -> list:
    """``text`` as lines of at most ``limit`` columns; the last line ends in "…" when cut.

    Latin words break at a space when one is on the line; Chinese anywhere. One pass
    over the characters, stopping once ``max_lines`` lines are full.

    >>> wrap("cue 1 · placement 0.65", 12, 3)
    ['cue 1 ·', 'placement', '0.65']
    """
    limit = max(limit, 1)
    lines, line, widths, used, space = [], [], [], 0, -1
    for ch in text:
        w = char_width(ch)
        if used + w > limit:
            if space > 0 and ch != " ":  # carry the word after the last space over
                lines.append("".join(line[:space]))
                line, widths = line[space + 1:], widths[space + 1:]
                used = sum(widths)  # at most one line's worth: linear overall
            else:
                lines.append("".join(line))
                line, widths, used = [], [], 0
            space = -1
            if len(lines) == max_lines:
                return _ellipsize(lines, limit)
            if ch == " " and not line:
                continue
        if ch == " ":
            space = len(line)
        line.append(ch)
        widths.append(w)
        used += w
    lines.append("".join(line))
    return lines


def _ellipsize(lines: list, limit: int) -> list:
    last = lines[-1]
    while last and display_width(last) + 1 > limit:
        last = last[:-1]
    lines[-1] = last + ELLIPSIS
    return lines


def _pad(text: str, size: int) -> str:
    return text + " " * (size - display_width(text))


def _fit(natural: list, floors: list, room: int) -> list | None:
    """Column widths within ``room`` columns, narrowing the widest first; None if impossible."""
    room -= _GAP * (len(natural) - 1)
    if sum(natural) <= room:
        return list(natural)
    if sum(floors) > room:
        return None
    lo, hi = 0, max(natural)
    while lo < hi:  # the largest cap C with sum(min(w, max(C, floor))) <= room
        mid = (lo + hi + 1) // 2
        if sum(min(w, max(mid, f)) for w, f in zip(natural, floors)) <= room:
            lo = mid
        else:
            hi = mid - 1
    return [min(w, max(lo, f)) for w, f in zip(natural, floors)]


DROPPED_NOTE = {"zh": "（省略列：{columns}；--wide 显示全部）",
                "en": "(columns left out: {columns}; --wide shows all)"}


def table(headers: list, cells: list, *, screen: int | None = None, drop_order=(),
          max_lines: int = 3, lang: str = "zh") -> str:
    """Rows of text cells as an aligned table no wider than ``screen`` (None: no limit).

    ``drop_order`` lists header indexes to leave out first when the table cannot fit.
    """
    cells = [[c.replace("\r", " ").replace("\n", " ") for c in row] for row in cells]
    heads = [display_width(h) for h in headers]
    cap = screen if screen is not None else None
    natural = [max([heads[i]] + [_measure(row[i], cap) for row in cells])
               for i in range(len(headers))]
    keep = list(range(len(headers)))
    dropped = []
    drops = [i for i in drop_order if i in keep] + keep[::-1]
    sizes = None
    while screen is not None and keep:
        floors = [min(natural[i], max(heads[i], _FLOOR)) for i in keep]
        sizes = _fit([natural[i] for i in keep], floors, screen)
        if sizes is not None or len(keep) == 1:
            break
        victim = next(i for i in drops if i in keep and i != keep[0])
        keep.remove(victim)
        dropped.append(victim)
    if sizes is None:
        sizes = [natural[i] for i in keep] if screen is None else [max(1, screen)]
    lines = [_line([headers[i] for i in keep], sizes),
             "  ".join("-" * s for s in sizes)]
    for row in cells:
        parts = [wrap(row[i], size, max_lines) for i, size in zip(keep, sizes)]
        for n in range(max(len(p) for p in parts)):
            lines.append(_line([p[n] if n < len(p) else "" for p in parts], sizes))
    if dropped:
        sep = ", " if lang == "en" else "、"
        note = DROPPED_NOTE.get(lang, DROPPED_NOTE["zh"]).format(
            columns=sep.join(headers[i] for i in sorted(dropped)))
        lines += wrap(note, screen, 99) if screen else [note]
    return "\n".join(lines)


def _measure(text: str, cap: int | None) -> int:
    """Display width, but no more than ``cap``: a cell longer than the screen is not measured."""
    if cap is not None and len(text) >= cap:
        return cap  # every character takes at least one column
    return display_width(text)


def _line(texts: list, sizes: list) -> str:
    return "  ".join(_pad(cut(t, s) if display_width(t) > s else t, s)
                     for t, s in zip(texts, sizes)).rstrip()
