"""Read a document's text: .txt in any common Chinese encoding, .html, .docx, .pdf.

``read_text`` is the one place that turns a file into a string; every span and quote
the extractors report points into exactly this string.

>>> import tempfile, pathlib
>>> path = pathlib.Path(tempfile.mkdtemp()) / "plan.txt"
>>> _ = path.write_bytes("郑州高新区发展智能传感器。".encode("gb18030"))
>>> read_text(path)
'郑州高新区发展智能传感器。'
"""
from __future__ import annotations

import codecs
import html.parser
import logging
import re
from pathlib import Path

from kg.errors import SourceError

log = logging.getLogger("kg.loaders.text")

FORMATS = (".txt", ".text", ".md", ".html", ".htm", ".docx", ".pdf")
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"),
         (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")
_SKIP_TAGS = {"script", "style", "nav", "header", "footer", "noscript", "template", "svg",
              "iframe", "form", "button", "select", "aside"}
_BLOCK_TAGS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section",
               "article", "table", "ul", "ol", "blockquote", "pre", "td", "th", "dd", "dt"}


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
        text = html_text(decode_bytes(path.read_bytes(), path))
    else:
        text = decode_bytes(path.read_bytes(), path)
        if suffix not in FORMATS:
            log.warning("%s: unknown suffix %r, read as plain text", path, suffix)
    if not text.strip():
        raise SourceError(path, "no text in the document", hint="is it empty or a scan?")
    return text


def decode_bytes(data: bytes, path="<bytes>") -> str:
    """Decode text bytes: a BOM, else UTF-8, UTF-16 without BOM, GB18030, else detected.

    >>> decode_bytes("MEMS高新区".encode("utf-16-le"))
    'MEMS高新区'
    """
    if not data.strip():
        raise SourceError(path, "the file is empty")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _checked(data.decode(encoding, errors="replace"), path)
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return _checked(data.decode(utf16, errors="replace"), path)
    if b"\x00" in data[:4096]:
        raise SourceError(path, "binary data, not text", where=f"byte {data.index(0)}",
                          hint="give a .txt, .html, .docx or .pdf document")
    for encoding in ("utf-8", "gb18030"):
        try:
            return _checked(data.decode(encoding), path)
        except UnicodeDecodeError:
            continue
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise SourceError(path, "not text in a known encoding",
                          hint="save it as UTF-8 or GB18030")
    return _checked(str(best), path)


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
        for row in table.rows:
            lines.append(" ".join(cell.text for cell in row.cells))
    return "\n".join(lines)


def _pdf_text(path: Path) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(str(path))
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, OSError) as err:
        raise SourceError(path, f"not a readable PDF ({err})") from None
    if not any(page.strip() for page in pages):
        raise SourceError(path, "the PDF has no text layer", where=f"{len(pages)} page(s)",
                          hint="it looks scanned; run OCR on it first")
    return "\n".join(pages)
