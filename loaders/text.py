"""Read a document's text: .txt in any common Chinese encoding, .html, .docx, .pdf.

``read_text`` is the one place that turns a file into a string; every span and quote
the extractors report points into exactly this string. ``stream_text`` gives the same
string in pieces, reading a plain-text file a block at a time, so a large document
is never held whole.

A plain-text file's encoding is chosen on the whole file: a BOM, UTF-16 without one,
else UTF-8 when it has at most a few bad byte sequences (a file cut inside a
character, one damaged line), else GB18030 likewise, else a guess. Each bad sequence
reads as U+FFFD and is logged with the file, line and byte; mostly binary data is
refused with a SourceError naming the file.

>>> import tempfile, pathlib
>>> path = pathlib.Path(tempfile.mkdtemp()) / "plan.txt"
>>> _ = path.write_bytes("郑州高新区发展智能传感器。".encode("gb18030"))
>>> read_text(path)
'郑州高新区发展智能传感器。'
>>> _ = path.write_bytes("郑州高新区发展智能传感器。".encode("utf-8")[:-1])
>>> read_text(path)
'郑州高新区发展智能传感器\\ufffd'
"""
from __future__ import annotations

import codecs
import html.parser
import logging
import re
from pathlib import Path
from typing import Callable, Iterator, NamedTuple

from kg.errors import SourceError

log = logging.getLogger("kg.loaders.text")

FORMATS = (".txt", ".text", ".md", ".html", ".htm", ".docx", ".pdf")
BLOCK = 2**16  # bytes read at a time: a document's memory is this block, not its size
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF32_LE, "utf-32-le"),
         (codecs.BOM_UTF32_BE, "utf-32-be"), (codecs.BOM_UTF16_LE, "utf-16-le"),
         (codecs.BOM_UTF16_BE, "utf-16-be"))
# An encoding fits a file with at most one bad sequence plus one per this many
# well-formed non-ASCII characters; GB18030 read as UTF-8, or binary data, has more bad
# sequences than well-formed characters.
_FEW = 10
_LOGGED = 5  # bad sequences logged one by one; the rest are counted
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")
_SKIP_TAGS = {"script", "style", "nav", "header", "footer", "noscript", "template", "svg",
              "iframe", "form", "button", "select", "aside"}
_BLOCK_TAGS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section",
               "article", "table", "ul", "ol", "blockquote", "pre", "td", "th", "dd", "dt"}


class Bad(NamedTuple):
    """A byte sequence that is not valid in the file's encoding, read as one U+FFFD."""

    line: int      # line of the text (1-based, lines end at \n)
    char: int      # offset of the U+FFFD in the decoded text
    byte: int      # offset of the sequence in the file (after any BOM)
    data: bytes
    encoding: str

    def message(self) -> str:
        return f"bytes {self.data.hex(' ')} are not valid {self.encoding} (byte {self.byte})"


def read_text(path) -> str:
    """The text of a document, by its suffix; a SourceError when it has none to give."""
    path = Path(path)
    if not path.exists():
        raise SourceError(path, "no such file")
    suffix = path.suffix.lower()
    if suffix == ".docx":
        text = _docx_text(path)
    elif suffix == ".pdf":
        text = _pdf_text(path)
    elif suffix in (".html", ".htm"):
        text = html_text("".join(clean_stream(decode_stream(path, path), path)))
    else:
        if suffix not in FORMATS:
            log.warning("%s: unknown suffix %r, read as plain text", path, suffix)
        text = "".join(clean_stream(decode_stream(path, path), path))
    if suffix in (".docx", ".pdf"):
        text = "".join(clean_stream([text], path))
    if not text.strip():
        raise SourceError(path, "no text in the document", hint="is it empty or a scan?")
    return text


def stream_text(path, *, block: int = BLOCK) -> Iterator[str]:
    """The text of ``read_text(path)`` in pieces; a plain-text file is read ``block`` bytes
    at a time (other formats come as one piece).

    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "plan.txt"
    >>> _ = path.write_text("郑州高新区。新乡市。", encoding="utf-8")
    >>> list(stream_text(path, block=8))
    ['郑州', '高新区', '。新乡', '市。']
    """
    path = Path(path)
    if not path.exists():
        raise SourceError(path, "no such file")
    suffix = path.suffix.lower()
    if suffix in (".docx", ".pdf", ".html", ".htm"):
        yield read_text(path)
        return
    if suffix not in FORMATS:
        log.warning("%s: unknown suffix %r, read as plain text", path, suffix)
    text_seen = False
    for piece in clean_stream(decode_stream(path, path, block=block), path):
        text_seen = text_seen or (bool(piece) and not piece.isspace())
        if piece:
            yield piece
    if not text_seen:
        raise SourceError(path, "no text in the document", hint="is it empty or a scan?")


def clean_stream(pieces, path="<text>") -> Iterator[str]:
    """Text pieces without NUL characters and with each bare CR read as a line end.

    A NUL inside text (a damaged file, a converter's padding) would split or hide a name,
    and a CR not followed by LF (an old Mac line end) is a line break the sentence splitter
    would not see. Both are counted and reported once per file with the line of the first.

    >>> list(clean_stream(["三一\\x00重工\\r新乡", "市\\r", "\\n"]))
    ['三一重工\\n新乡', '市', '\\r\\n']
    """
    nul = cr = 0
    first_nul = first_cr = None
    line = 1
    carry = ""  # a CR ending a piece: whether it is bare depends on the next piece
    for piece in _without_ruby(pieces, path):
        piece = carry + piece
        carry = ""
        if piece.endswith("\r"):
            piece, carry = piece[:-1], "\r"
        if "\x00" in piece:
            if first_nul is None:
                first_nul = line + piece.count("\n", 0, piece.index("\x00"))
            nul += piece.count("\x00")
            piece = piece.replace("\x00", "")
        if "\r" in piece:
            bare = piece.count("\r") - piece.count("\r\n")
            if bare:
                if first_cr is None:
                    first_cr = line + piece.count("\n", 0, _bare_cr(piece))
                cr += bare
                piece = _BARE_CR.sub("\n", piece)
        line += piece.count("\n")
        if piece:
            yield piece
    if carry:
        cr += 1
        first_cr = first_cr or line
        yield "\n"
    if nul:
        log.warning("%s, line %d: %d NUL character(s) removed from the text", path, first_nul, nul)
    if cr:
        log.warning("%s, line %d: %d bare CR (without LF) read as line end(s)", path, first_cr, cr)


_BARE_CR = re.compile(r"\r(?!\n)")
# Pinyin with tone marks in brackets right after a character (產(chǎn)業(yè)): a converter's
# reading aid some web pages carry, which splits every word it follows; never part of a name.
_RUBY = re.compile(r"(?<=[\u3400-\u9fff])[(（][a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹ][a-zü]*[)）]")


def _without_ruby(pieces, path) -> Iterator[str]:
    """The pieces without pinyin annotations (:data:`_RUBY`), counted and reported once; an
    annotation split between two pieces is held until the next one.

    >>> "".join(_without_ruby(["中國(guó)產(chǎ", "n)業發展,人工智能(AI)"], "<t>"))
    '中國產業發展,人工智能(AI)'
    """
    removed, first, line, held, last = 0, None, 1, "", ""
    for piece in pieces:
        text = held + piece
        opening = max(text.rfind("(", len(text) - 12), text.rfind("（", len(text) - 12))
        cut = opening if opening >= 0 and not re.search(r"[)）]", text[opening:]) else len(text)
        text, held = text[:cut], text[cut:]
        if not text:
            continue
        # the character an annotation follows may have ended the last piece
        joined, count = _RUBY.subn("", last + text)
        if count and first is None:
            first = line
        text, last = joined[len(last):], joined[-1:]
        removed += count
        line += text.count("\n")
        if text:
            yield text
    held, count = _RUBY.subn("", last + held)
    removed += count
    if held[len(last):]:
        yield held[len(last):]
    if removed:
        log.warning("%s, line %d: %d pinyin annotation(s) after characters removed (產(chǎn) → 產)",
                    path, first or line, removed)


def _bare_cr(text: str) -> int:
    return _BARE_CR.search(text).start()


def decode_bytes(data: bytes, path="<bytes>") -> str:
    """Decode text bytes: a BOM, else UTF-8, UTF-16 without BOM, GB18030, else detected.

    >>> decode_bytes("MEMS高新区".encode("utf-16-le"))
    'MEMS高新区'
    >>> decode_bytes("新乡市".encode("utf-8") + b"\\xff" + "高新区".encode("utf-8"))
    '新乡市\\ufffd高新区'
    """
    return "".join(decode_stream(data, path))


def decode_stream(source, path="<bytes>", *, on_bad: Callable[[Bad], None] | None = None,
                  guess: bool = True, block: int = BLOCK) -> Iterator[str]:
    """Decode ``source`` (bytes, or the path of a file read ``block`` bytes at a time) in pieces.

    The encoding is chosen on the whole file (see the module's doc); each bad byte
    sequence reads as U+FFFD and goes to ``on_bad`` (by default: logged, the first few
    one by one) before the piece holding it is yielded. Without ``guess`` a file that
    is neither UTF-8 nor GB18030 (nor has a BOM) is refused instead of guessed at.
    """
    if isinstance(source, (bytes, bytearray)):
        size = len(source)

        def blocks():
            yield bytes(source)
    else:
        try:
            size = Path(source).stat().st_size
        except OSError as err:
            raise SourceError(path, f"cannot read: {err.strerror}") from None

        def blocks():
            try:
                with open(source, "rb") as handle:
                    while True:
                        data = handle.read(block)
                        if not data:
                            return
                        yield data
            except OSError as err:
                raise SourceError(path, f"cannot read: {err.strerror}") from None
    logger = None
    if on_bad is None:
        on_bad = logger = _BadLog(path)
    stream = blocks()
    first = next(stream, b"")
    encoding, skip = _sniff(first, blocks, size, path, guess)
    decoder = _Decoder(encoding, on_bad)
    checked, held, held_chars = False, [], 0
    pieces = _chain_first(first[skip:], stream)
    for data, final in pieces:
        piece = decoder.decode(data, final)
        if checked:
            yield piece
            continue
        # hold the first pieces until enough text is seen to tell binary data from text
        held.append(piece)
        held_chars += len(piece)
        if held_chars >= 20000 or final:
            _checked("".join(held)[:20000], path)
            checked = True
            yield from held
            held = []
    if logger is not None:
        logger.close()


def _chain_first(first: bytes, rest) -> Iterator[tuple]:
    """(block, is the last) of a file's blocks, the first already read."""
    current = first
    for data in rest:
        yield current, False
        current = data
    yield current, True


class _Decoder:
    """An incremental decoder that reads each bad byte sequence as U+FFFD and says where."""

    def __init__(self, encoding: str, on_bad: Callable[[Bad], None] | None = None):
        self.encoding = encoding
        self.name = _NAMES.get(encoding, encoding)
        self.on_bad = on_bad
        self.count = 0   # bad sequences
        self.fine = 0    # well-formed non-ASCII characters
        self._decoder = codecs.getincrementaldecoder(encoding)("strict")
        self._byte = 0   # offset in the file of the next byte fed
        self._char = 0   # offset in the text of the next character out
        self._line = 1

    def decode(self, data: bytes, final: bool = False) -> str:
        parts, chars, lines, count = [], 0, 0, self.count
        run = None  # adjacent bad sequences are reported as one
        while True:
            pending = self._decoder.getstate()[0]
            try:
                parts.append(self._decoder.decode(data, final))
                self._byte += len(data)
                break
            except UnicodeDecodeError as err:
                # err.object is the held-back bytes of the last call and data: decode the
                # part before the bad sequence again, and go on after it
                whole, base = err.object, self._byte - len(pending)
                self._decoder.reset()
                head = self._decoder.decode(whole[:err.start], True)
                parts += [head, "\ufffd"]
                chars += len(head)
                self.count += 1
                if self.on_bad is not None:
                    lines += head.count("\n")
                    bad = Bad(self._line + lines, self._char + chars, base + err.start,
                              bytes(whole[err.start:err.end]), self.name)
                    if run is not None and not head:
                        run = run._replace(data=run.data + bad.data)
                    else:
                        if run is not None:
                            self.on_bad(run)
                        run = bad
                chars += 1
                data = whole[err.end:]
                self._byte = base + err.end
        text = "".join(parts)
        if run is not None:
            self.on_bad(run)
        self._char += len(text)
        self.fine += len(text) - len(text.encode("ascii", "ignore")) - (self.count - count)
        if self.on_bad is not None:
            self._line += text.count("\n")
        return text


_NAMES = {"utf-8": "UTF-8", "gb18030": "GB18030", "utf-16-le": "UTF-16", "utf-16-be": "UTF-16",
          "utf-32-le": "UTF-32", "utf-32-be": "UTF-32"}


class _BadLog:
    """The default ``on_bad``: a warning for each of the first few bad sequences, then a count."""

    def __init__(self, path):
        self.path, self.count = path, 0

    def __call__(self, bad: Bad) -> None:
        self.count += 1
        if self.count <= _LOGGED:
            log.warning("%s, line %d: %s; read as U+FFFD", self.path, bad.line, bad.message())

    def close(self) -> None:
        if self.count > _LOGGED:
            log.warning("%s: %d bad byte sequences in all, each read as U+FFFD", self.path,
                        self.count)


def _sniff(first: bytes, blocks, size: int, path, guess: bool) -> tuple:
    """(encoding, BOM length) of a file whose first block is ``first``."""
    if not first.strip() and size <= len(first):
        raise SourceError(path, "the file is empty")
    for bom, encoding in _BOMS:
        if first.startswith(bom):
            return encoding, len(bom)
    utf16 = _utf16_without_bom(first)
    if utf16 is not None:
        return utf16, 0
    # a few NULs are damage in a text (removed and reported by clean_stream); many are
    # what binary data looks like
    if first[:4096].count(b"\x00") > max(8, len(first[:4096]) // 50):
        raise SourceError(path, "binary data, not text", where=f"byte {first.index(0)}",
                          hint="give a .txt, .html, .docx or .pdf document")
    for encoding in ("utf-8", "gb18030"):
        if _fits(blocks(), encoding, size):
            return encoding, 0
    if not guess:
        raise SourceError(path, "neither UTF-8 nor GB18030", hint="save the file as UTF-8")
    from charset_normalizer import from_bytes

    best = from_bytes(first).best()
    if best is not None:
        try:
            codecs.getincrementaldecoder(best.encoding)
            return best.encoding, 0
        except LookupError:
            pass
    raise SourceError(path, "not text in a known encoding", hint="save it as UTF-8 or GB18030")


def _fits(blocks, encoding: str, size: int) -> bool:
    """Whether the file decodes in ``encoding`` with at most a few bad sequences: at
    most one, plus one for every ``_FEW`` well-formed non-ASCII characters."""
    decoder = _Decoder(encoding)
    most = 1 + size // _FEW  # the bound for a file of nothing but non-ASCII characters
    for data in blocks:
        decoder.decode(data)
        if decoder.count > most:
            return False
    decoder.decode(b"", True)
    return decoder.count <= 1 + decoder.fine // _FEW


def _utf16_without_bom(data: bytes):
    """UTF-16 without a BOM: the byte order under which the sample reads as plausible text."""
    sample = data[:4096]
    sample = sample[:len(sample) // 2 * 2]
    if len(sample) < 4:
        return None
    if b"\x00" not in sample:
        try:
            sample.decode("utf-8")
            return None
        except UnicodeDecodeError:
            pass
        try:
            sample.decode("gb18030")
            return None
        except UnicodeDecodeError:
            pass
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = sample.decode(encoding)
        except UnicodeDecodeError:
            continue
        good = sum(1 for ch in text if _plausible(ch))
        if good >= len(text) * 0.9:
            return encoding
    return None


def _plausible(ch: str) -> bool:
    return ("\u4e00" <= ch <= "\u9fff" or " " <= ch <= "~" or ch in "\n\r\t"
            or "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef" or "\u2010" <= ch <= "\u206f")


def _checked(text: str, path) -> str:
    """Text with too many control characters is a binary file read as text."""
    bad = len(_CONTROL.findall(text[:20000]))
    if bad > max(8, len(text[:20000]) // 50):
        raise SourceError(path, "binary data, not text",
                          hint="give a .txt, .html, .docx or .pdf document")
    return text


class _TextParser(html.parser.HTMLParser):
    """Collect visible text, one block element a line, skipping scripts and navigation."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in _SKIP_TAGS:
            self.skip += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_startendtag(self, tag, attrs):
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in _SKIP_TAGS:
            self.skip = max(0, self.skip - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def html_text(markup: str) -> str:
    """The visible text of an HTML page, one block a line.

    >>> html_text("<nav>首页</nav><p>郑州高新区</p><script>x=1</script><p>新乡</p>")
    '郑州高新区\\n新乡'
    """
    parser = _TextParser()
    parser.feed(markup)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).split("\n"))
    return "\n".join(line for line in lines if line)


def _docx_text(path: Path) -> str:
    import zipfile

    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(str(path))
    except (zipfile.BadZipFile, KeyError, ValueError, PackageNotFoundError) as err:
        raise SourceError(path, f"not a Word .docx document ({err})",
                          hint="save it as .docx (Word 2007 or later)") from None
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        lines += table_lines(table)
    return "\n".join(lines)


def table_lines(table) -> list:
    """A .docx table's text, one line a row; a table nested in a cell follows its row.

    A cell merged across columns appears once (python-docx repeats it in ``row.cells``).
    """
    lines = []
    for row in table.rows:
        cells, seen = [], set()
        for cell in row.cells:
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            cells.append(cell)
        lines.append(" ".join(cell.text for cell in cells))
        for cell in cells:
            for inner in cell.tables:
                lines += table_lines(inner)
    return lines


def _pdf_text(path: Path) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(str(path))
        pages = [layer_text(page.extract_text() or "") for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, OSError) as err:
        raise SourceError(path, f"not a readable PDF ({err})") from None
    if not any(page.strip() for page in pages):
        raise SourceError(path, "the PDF has no text layer (no text could be read)", where=f"{len(pages)} page(s)",
                          hint="it looks scanned; run OCR on it first")
    return "\n".join(pages)


def layer_text(text: str) -> str:
    """A PDF page's extracted text with the NULs of a two-byte (CID) font's codes undone.

    A CID font's text layer may come back as each character preceded by a NUL
    (``"\\x00郑\\x00州"``), or as the UTF-16BE bytes of the text read one byte a
    character; the first loses its NULs, the second is decoded as UTF-16BE when that reads
    as text.

    >>> layer_text("\\x00郑\\x00州\\x00高\\x00新\\x00区")
    '郑州高新区'
    >>> layer_text("郑州高新区".encode("utf-16-be").decode("latin-1"))
    '郑州高新区'
    >>> layer_text("\\x00A\\x00B")
    'AB'
    """
    if len(text) >= 2 and len(text) % 2 == 0 and max(text) < "\u0100":
        try:
            decoded = text.encode("latin-1").decode("utf-16-be")
        except UnicodeDecodeError:
            decoded = None
        if decoded and sum(map(_plausible, decoded)) >= 0.9 * len(decoded) and \
                sum(map(_plausible, text)) < 0.9 * len(text):
            return decoded
    return text.replace("\x00", "") if "\x00" in text else text
