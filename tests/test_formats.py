"""Every input format loads through read_text; unreadable files give one clear SourceError."""
from __future__ import annotations

from pathlib import Path

import pytest

from kg.errors import SourceError
from kg.loaders.documents import extract_records, read_document
from kg.loaders.text import read_text

SAMPLE = "郑州高新区积极引进三一重工、中联重科等龙头企业。依托郑州大学建设MEMS智能传感器公共服务平台。"
FONT_DIRS = ("/usr/share/fonts", "/usr/local/share/fonts")


def _cjk_font():
    for folder in FONT_DIRS:
        for path in sorted(Path(folder).rglob("*")):
            if path.suffix.lower() in (".ttf", ".ttc", ".otf") and (
                    "wqy" in path.name.lower() or "cjk" in path.name.lower()
                    or "noto" in path.name.lower() and "sc" in path.name.lower()):
                return path
    return None


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


def test_pdf_with_a_text_layer_is_read(tmp_path):
    """A .pdf with Chinese text (made with fpdf2 and a CJK font) yields its entities."""
    fpdf = pytest.importorskip("fpdf")
    font = _cjk_font()
    if font is None:
        pytest.skip("no CJK font installed (scripts/system-deps.sh installs fonts-wqy-microhei)")
    pdf = fpdf.FPDF()
    pdf.add_page()
    pdf.add_font("cjk", fname=str(font))
    pdf.set_font("cjk", size=12)
    pdf.multi_cell(0, 10, SAMPLE)
    path = tmp_path / "报告.pdf"
    pdf.output(str(path))
    text = read_text(path)
    assert "三一重工" in text.replace("\n", "")
    names = {r["name"] for r in extract_records(path)}
    assert {"三一重工", "中联重科"} <= names


def test_scanned_pdf_without_text_layer_is_a_clear_error(tmp_path):
    """A PDF with no text layer (a scan) raises one SourceError naming the file and why."""
    fpdf = pytest.importorskip("fpdf")
    pdf = fpdf.FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 60, style="F")  # a picture, no text
    path = tmp_path / "scan.pdf"
    pdf.output(str(path))
    with pytest.raises(SourceError) as err:
        list(read_document(path))
    assert "scan.pdf" in str(err.value) and "no text layer" in str(err.value)


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
