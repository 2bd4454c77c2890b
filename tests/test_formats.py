"""Every input format loads through read_text; unreadable files give one clear SourceError."""
from __future__ import annotations

from pathlib import Path

import subprocess

import pytest

from kg.errors import SourceError
from kg.loaders.documents import extract_records, read_document
from kg.loaders.text import read_text
from tests.shared_data import missing

SAMPLE = "郑州高新区积极引进三一重工、中联重科等龙头企业。依托郑州大学建设MEMS智能传感器公共服务平台。"
PROBE = "郑州高新区三一重工"


def _font_candidates() -> list:
    """Every installed font fontconfig says covers Chinese, else every font file found."""
    try:
        out = subprocess.run(["fc-list", ":lang=zh", "file"], capture_output=True, text=True,
                             timeout=30, check=True).stdout
        found = sorted({line.split(":")[0].strip() for line in out.splitlines() if line.strip()})
    except (OSError, subprocess.SubprocessError):
        found = []
    if found:
        return found
    return sorted(str(p) for folder in ("/usr/share/fonts", "/usr/local/share/fonts")
                  for p in Path(folder).rglob("*") if p.suffix.lower() in (".ttf", ".ttc", ".otf"))


def _pdf(path: Path, font: str | None, text: str) -> None:
    import fpdf

    pdf = fpdf.FPDF()
    pdf.add_page()
    if font is None:
        pdf.rect(20, 20, 100, 60, style="F")  # a picture, no text
    else:
        pdf.add_font("cjk", fname=font)
        pdf.set_font("cjk", size=12)
        pdf.multi_cell(0, 10, text)
    pdf.output(str(path))


@pytest.fixture(scope="module")
def cjk_font(tmp_path_factory) -> str:
    """The first installed CJK font that fpdf2 embeds and whose PDF text reads back.

    Which CJK font is installed (WenQuanYi, Noto CJK, ...) does not matter: each is tried.
    """
    from pypdf import PdfReader

    folder = tmp_path_factory.mktemp("fonts")
    for i, font in enumerate(_font_candidates()):
        probe = folder / f"probe{i}.pdf"
        try:
            _pdf(probe, font, PROBE)
            text = "".join(page.extract_text() or "" for page in PdfReader(str(probe)).pages)
        except Exception:  # a font fpdf2 cannot embed: try the next
            continue
        if PROBE in text.replace("\n", ""):
            return font
    missing("no installed CJK font that fpdf2 can embed (scripts/system-deps.sh installs one)")


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16",
                                      "utf-16-le"])
def test_txt_encodings_are_detected(tmp_path, encoding):
    """A .txt in UTF-8, GB18030/GBK or UTF-16 reads back as the same text."""
    path = tmp_path / "plan.txt"
    path.write_bytes(SAMPLE.encode(encoding))
    assert read_text(path) == SAMPLE


def test_html_keeps_page_text_and_drops_scripts_and_navigation(tmp_path):
    """An .html page yields its visible text; scripts, styles and navigation are dropped."""
    path = tmp_path / "news.html"
    path.write_text("<html><head><style>p{}</style><script>var x='三一重工';</script></head>"
                    "<body><nav>首页 新闻</nav><p>郑州高新区积极引进三一重工等龙头企业。</p>"
                    "<footer>版权所有</footer></body></html>", encoding="utf-8")
    text = read_text(path)
    assert "郑州高新区积极引进三一重工等龙头企业。" in text
    assert "var x" not in text and "首页" not in text and "版权" not in text
    firms = [r for r in extract_records(path) if r["type"] == "firm"]
    assert [(r["name"], r["role"]) for r in firms] == [("三一重工", "target")]


def test_docx_paragraphs_are_read(tmp_path):
    """A .docx written by python-docx yields its paragraphs and their entities."""
    import docx

    document = docx.Document()
    for line in SAMPLE.split("。")[:-1]:
        document.add_paragraph(line + "。")
    path = tmp_path / "规划.docx"
    document.save(path)
    names = {r["name"] for r in extract_records(path)}
    assert {"郑州高新区", "三一重工", "郑州大学"} <= names


def test_pdf_with_a_text_layer_is_read(tmp_path, cjk_font):
    """A .pdf with Chinese text (made with fpdf2 and any installed CJK font) yields its entities."""
    path = tmp_path / "报告.pdf"
    _pdf(path, cjk_font, SAMPLE)
    text = read_text(path)
    assert "三一重工" in text.replace("\n", "")
    names = {r["name"] for r in extract_records(path)}
    assert {"三一重工", "中联重科"} <= names


def test_scanned_pdf_without_text_layer_is_a_clear_error(tmp_path):
    """A PDF with no text layer (a scan) raises one SourceError naming the file and why."""
    path = tmp_path / "scan.pdf"
    _pdf(path, None, "")
    with pytest.raises(SourceError) as err:
        list(read_document(path))
    assert "scan.pdf" in str(err.value) and "no text layer" in str(err.value)


def test_build_of_a_pdf_without_text_exits_non_zero_with_the_reason(tmp_path):
    """`kg build` given only a PDF with no text exits 1 and says which file and why."""
    from click.testing import CliRunner

    from kg.cli import cli

    path = tmp_path / "scan.pdf"
    _pdf(path, None, "")
    out = CliRunner().invoke(cli, ["build", "-w", str(tmp_path / "ws"), str(path)])
    assert out.exit_code == 1
    assert "scan.pdf" in out.stderr and "no text layer" in out.stderr


def test_cid_font_text_layer_with_nuls_is_read():
    """A CID font's text layer that comes back as "\\x00郑\\x00州…" (or as UTF-16BE bytes) reads as the text."""
    from kg.loaders.text import layer_text

    assert layer_text("".join("\x00" + ch for ch in SAMPLE)) == SAMPLE
    assert layer_text(SAMPLE.encode("utf-16-be").decode("latin-1")) == SAMPLE
    assert layer_text(SAMPLE) == SAMPLE


def test_pdf_reader_undoes_interleaved_nuls(tmp_path, monkeypatch):
    """read_text of a PDF whose extractor gives NUL-interleaved text returns the plain text."""
    import pypdf

    path = tmp_path / "cid.pdf"
    _pdf(path, None, "")
    monkeypatch.setattr(pypdf.PageObject, "extract_text",
                        lambda self, *a, **k: "".join("\x00" + ch for ch in SAMPLE))
    assert read_text(path) == SAMPLE


def test_nul_bytes_and_bare_cr_in_a_text_are_removed_and_reported(tmp_path, caplog):
    """A stray NUL inside a name is removed and a bare CR ends a line; both are logged with the file."""
    path = tmp_path / "plan.txt"
    text = "标题\r郑州高新区积极引进三一\x00重工等龙头企业。\r\n依托郑州大学。"
    path.write_bytes(text.encode("utf-8"))
    with caplog.at_level("WARNING", logger="kg.loaders.text"):
        got = read_text(path)
    assert got == "标题\n郑州高新区积极引进三一重工等龙头企业。\r\n依托郑州大学。"
    assert "".join(piece for piece in __import__("kg.loaders.text", fromlist=["x"]).stream_text(
        path, block=7)) == got
    messages = " ".join(r.getMessage() for r in caplog.records)
    assert "plan.txt" in messages and "NUL" in messages and "bare CR" in messages
    names = {r["name"] for r in extract_records(path)}
    assert "三一重工" in names


def test_pinyin_annotations_after_characters_are_removed_and_reported(tmp_path, caplog):
    """Pages whose converter adds toned pinyin after characters (產(chǎn)業(yè)) read as the
    text itself, in whatever blocks they are streamed; bracketed Latin that is no pinyin stays."""
    from kg.loaders.text import stream_text
    path = tmp_path / "page.txt"
    path.write_text("其中常寶新材料光學(xué)膜項目總投資約10億元,人工智能(AI)與(de)產(chǎn)業。",
                    encoding="utf-8")
    with caplog.at_level("WARNING", logger="kg.loaders.text"):
        got = read_text(path)
    assert got == "其中常寶新材料光學膜項目總投資約10億元,人工智能(AI)與(de)產業。"
    for block in (3, 5, 7, 11):
        assert "".join(stream_text(path, block=block)) == got
    assert "page.txt" in caplog.text and "2 pinyin" in caplog.text
    assert "常寶新材料光學膜項目" in {r["name"] for r in extract_records(path)}


def test_docx_table_nested_in_a_cell_is_read(tmp_path):
    """Text in a table nested inside a .docx table cell is read and its entities found."""
    import docx

    document = docx.Document()
    document.add_paragraph("郑州高新区重点项目表。")
    outer = document.add_table(rows=1, cols=2)
    outer.cell(0, 0).text = "序号"
    inner = outer.cell(0, 1).add_table(rows=1, cols=1)
    inner.cell(0, 0).text = "郑州高新区积极引进三一重工等龙头企业。"
    path = tmp_path / "表.docx"
    document.save(path)
    assert "三一重工" in read_text(path)
    assert "三一重工" in {r["name"] for r in extract_records(path)}


@pytest.mark.parametrize("content,reason", [(b"", "empty"), (b"   \n", "empty"),
                                             (bytes(range(256)) * 4, "binary")])
def test_empty_and_binary_files_are_clear_errors(tmp_path, content, reason):
    """An empty or binary .txt raises a SourceError that names the file and the reason."""
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(SourceError) as err:
        read_document(path)
    assert "bad.txt" in str(err.value) and reason in str(err.value)


def test_not_a_docx_is_a_clear_error(tmp_path):
    """A file called .docx that is not one says so."""
    path = tmp_path / "fake.docx"
    path.write_text("不是Word文档", encoding="utf-8")
    with pytest.raises(SourceError, match="fake.docx.*not a Word"):
        read_text(path)


def test_build_loads_the_other_files_when_one_fails(tmp_path):
    """kg.build.build_graph reports the unreadable file and still loads the good one."""
    from kg.build import build_graph

    good = tmp_path / "good.txt"
    good.write_text(SAMPLE, encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    result = build_graph([bad, good])
    assert [Path(e.path).name for e in result.errors] == ["bad.txt"]
    assert result.graph.resolve("三一重工", "Firm")
