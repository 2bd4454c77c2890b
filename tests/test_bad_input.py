"""Bad input never crashes a loader: it loads what is readable and names the file and place of the rest.

Property-based (hypothesis) over random bytes, arbitrary Unicode, truncated files,
huge lines and empty files, for documents and registries; bad registry rows are
reported one by one, and ``--strict`` refuses the whole file. Memory of a document
load does not grow with the file's size (checked 64 KB vs 512 KB in a subprocess; the
200 MB figure is benchmarks/bench_hardening.py).
"""
from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.cli import cli
from kg.errors import SourceError
from kg.facts import Entity
from kg.loaders.documents import read_document
from kg.loaders.registry import read_registry
from kg.workspace import Workspace

FAST = settings(max_examples=25, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow])
DOC_SUFFIXES = (".txt", ".html", ".docx", ".pdf", ".md")
REG_SUFFIXES = (".csv", ".jsonl", ".xlsx", ".tsv")
SENTENCE = "郑州高新区积极引进三一重工等企业。"


def _folder(tmp_path_factory):
    return tmp_path_factory.mktemp("bad")


def loads_or_names_the_file(call, path: Path):
    """Run a loader: either it gives facts, or a SourceError whose message names the file."""
    try:
        return list(call(path))
    except SourceError as err:
        assert path.name in str(err), str(err)
        assert str(err).strip() and "\n" not in str(err).split(";")[0]
        return None


def firms(facts) -> list:
    return [f.name for f in facts if isinstance(f, Entity) and f.label == "Firm"]


# ---------------------------------------------------------------------------- documents
@FAST
@given(data=st.binary(max_size=4000), suffix=st.sampled_from(DOC_SUFFIXES))
def test_random_bytes_as_a_document_load_or_name_the_file(tmp_path_factory, data, suffix):
    """Random bytes under any document suffix give facts or a SourceError naming the file."""
    path = _folder(tmp_path_factory) / f"规划{suffix}"
    path.write_bytes(data)
    loads_or_names_the_file(read_document, path)


@FAST
@given(text=st.text(max_size=3000), encoding=st.sampled_from(["utf-8", "gb18030", "utf-16"]))
def test_any_unicode_text_loads_or_names_the_file(tmp_path_factory, text, encoding):
    """Any Unicode text (in UTF-8, GB18030 or UTF-16) gives facts or a SourceError naming the file."""
    path = _folder(tmp_path_factory) / "plan.txt"
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:  # lone surrogates cannot be written: not a file anyone has
        return
    path.write_bytes(data)
    loads_or_names_the_file(read_document, path)


@FAST
@given(noise=st.text(max_size=400), where=st.integers(0, 2))
def test_a_sentence_amid_any_text_is_still_found(tmp_path_factory, noise, where):
    """A zone-and-firm sentence survives any surrounding Unicode: what is readable is loaded."""
    parts = [noise, noise]
    parts.insert(where % 3, "\n" + SENTENCE + "\n")
    path = _folder(tmp_path_factory) / "plan.txt"
    try:
        path.write_bytes("".join(parts).encode("utf-8"))
    except UnicodeEncodeError:
        return
    facts = loads_or_names_the_file(read_document, path)
    if facts is not None:
        assert "三一重工" in firms(facts)


def _docx(path: Path) -> None:
    import docx

    document = docx.Document()
    for _ in range(20):
        document.add_paragraph(SENTENCE)
    document.save(str(path))


def _pdf(path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    for i in range(40):
        pdf.cell(0, 8, f"Zhengzhou high-tech zone line {i}", new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))


@pytest.fixture(scope="module")
def whole_files(tmp_path_factory):
    """A real .docx, .pdf and .xlsx, to be cut short."""
    from openpyxl import Workbook

    folder = tmp_path_factory.mktemp("whole")
    _docx(folder / "whole.docx")
    _pdf(folder / "whole.pdf")
    book = Workbook()
    sheet = book.active
    sheet.append(["企业名称", "注册地址"])
    for i in range(30):
        sheet.append([f"郑州第{i}传感科技有限公司", "郑州市高新区梧桐街1号"])
    book.save(folder / "whole.xlsx")
    return {suffix: (folder / f"whole{suffix}").read_bytes() for suffix in (".docx", ".pdf", ".xlsx")}


@FAST
@given(suffix=st.sampled_from([".docx", ".pdf", ".xlsx"]), cut=st.floats(0.0, 0.999))
def test_truncated_office_files_load_or_name_the_file(tmp_path_factory, whole_files, suffix, cut):
    """A .docx, .pdf or .xlsx cut short anywhere gives facts or a SourceError naming the file."""
    data = whole_files[suffix]
    path = _folder(tmp_path_factory) / f"cut{suffix}"
    path.write_bytes(data[:int(len(data) * cut)])
    loader = (lambda p: read_registry(p)) if suffix == ".xlsx" else read_document
    loads_or_names_the_file(loader, path)


@pytest.mark.parametrize("suffix", DOC_SUFFIXES)
def test_empty_document_is_a_clear_error(tmp_path, suffix):
    """An empty document of any kind is a SourceError naming the file."""
    path = tmp_path / f"空{suffix}"
    path.write_bytes(b"")
    with pytest.raises(SourceError, match="空"):
        list(read_document(path))


def test_huge_line_document_loads(tmp_path):
    """A 1 MB document on one line (no line break at all) loads, and its entity sentence is found."""
    filler = "今年以来各项工作稳步推进，群众满意度持续提升。" * (2**19 // 69)
    path = tmp_path / "one-line.txt"
    path.write_text(filler + SENTENCE + filler, encoding="utf-8")
    assert "三一重工" in firms(read_document(path))


def test_utf8_cut_inside_a_character_still_loads(tmp_path, caplog):
    """A UTF-8 document cut inside its last character still loads what precedes the cut."""
    path = tmp_path / "cut.txt"
    path.write_bytes((SENTENCE * 20 + "新乡市").encode("utf-8")[:-1])
    assert "三一重工" in firms(read_document(path))
    assert "cut.txt, line 1: bytes e5 b8 are not valid UTF-8" in caplog.text


def test_one_bad_byte_does_not_lose_the_document(tmp_path, caplog):
    """A UTF-8 document with one bad byte sequence still loads its good sentences, and the
    bad bytes are logged with the file and line."""
    path = tmp_path / "onebad.txt"
    path.write_bytes((SENTENCE + "\n").encode() * 20 + b"\xff\xfe\xfa\n" + "新乡市发展氢能产业。".encode())
    assert "三一重工" in firms(read_document(path))
    assert "onebad.txt, line 21: bytes ff fe fa are not valid UTF-8" in caplog.text


def test_mostly_binary_document_is_refused(tmp_path):
    """A .txt of binary data with a little text in it is a SourceError naming the file."""
    import random

    noise = random.Random(0)
    path = tmp_path / "blob.txt"
    path.write_bytes(bytes(noise.randrange(1, 256) for _ in range(8000)) + SENTENCE.encode())
    with pytest.raises(SourceError, match="blob.txt"):
        read_document(path)


# ---------------------------------------------------------------------------- registries
@FAST
@given(data=st.binary(max_size=3000), suffix=st.sampled_from(REG_SUFFIXES))
def test_random_bytes_as_a_registry_load_or_name_the_file(tmp_path_factory, data, suffix):
    """Random bytes under any registry suffix give facts or a SourceError naming the file."""
    path = _folder(tmp_path_factory) / f"名录{suffix}"
    path.write_bytes(data)
    loads_or_names_the_file(read_registry, path)


# any character but a lone surrogate, line breaks (\r, \n, U+2028 …) included
_CELL = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60)


@FAST
@given(rows=st.lists(st.tuples(_CELL, _CELL, _CELL), max_size=15))
def test_any_unicode_cells_every_firm_loaded_or_reported(tmp_path_factory, rows):
    """Any Unicode in 企业名称/统一社会信用代码/注册地址: each named row is a firm, each other row reported."""
    path = _folder(tmp_path_factory) / "firms.csv"
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["企业名称", "统一社会信用代码", "注册地址"])
    writer.writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")
    report: list = []
    facts = loads_or_names_the_file(lambda p: read_registry(p, report=report), path)
    if facts is None:
        return
    loaded = firms(facts)
    skipped = {r["row"] for r in report if r["action"] == "skipped"}
    # a NUL is removed from the cell, and the row says so
    cleaned = {r["row"] for r in report if r["action"] == "normalised" and "NUL" in r["message"]}
    for number, (name, *_rest) in enumerate(rows, 1):
        if name.strip():
            assert name.strip() in loaded or number in skipped or (
                number in cleaned and name.replace("\x00", "").strip() in loaded)


@pytest.mark.parametrize("sep", ["\n", "\r", "\x0b", "\x85", "\u2028"])
@pytest.mark.parametrize("quoted", [True, False])
def test_line_separators_inside_a_name_keep_one_firm(sep, quoted):
    """A name holding a line separator (as Python's csv.writer writes it) stays one firm, intact."""
    buffer = io.StringIO()
    csv.writer(buffer, quoting=csv.QUOTE_ALL if quoted else csv.QUOTE_MINIMAL).writerows(
        [["企业名称", "注册地址"], [f"郑州甲{sep}传感科技有限公司", "郑州市"]])
    buffer.seek(0)
    loaded = firms(read_registry(buffer, name="firms.csv"))
    assert loaded == [f"郑州甲{sep}传感科技有限公司"]


@FAST
@given(lines=st.lists(st.one_of(
    st.dictionaries(st.sampled_from(["企业名称", "注册地址", "股票代码"]), _CELL, min_size=1),
    st.text(max_size=40)), max_size=10))
def test_jsonl_any_lines_load_or_name_file_and_line(tmp_path_factory, lines):
    """JSON lines of objects or junk: facts, or a SourceError naming the file and the line."""
    path = _folder(tmp_path_factory) / "firms.jsonl"
    text = "\n".join(json.dumps(x, ensure_ascii=False) if isinstance(x, dict) else x.replace("\n", " ")
                     for x in lines)
    try:
        path.write_text(text, encoding="utf-8")
    except UnicodeEncodeError:
        return
    try:
        list(read_registry(path))
    except SourceError as err:
        assert path.name in str(err)
        if "JSON" in str(err):
            assert err.where and err.where.startswith("line ")


@pytest.mark.parametrize("suffix", [".csv", ".jsonl", ".xlsx"])
def test_empty_registry_is_an_error_or_reported_empty(tmp_path, suffix):
    """An empty registry file is a SourceError naming it, or loads with an 'empty' report entry."""
    path = tmp_path / f"空{suffix}"
    path.write_bytes(b"")
    report: list = []
    try:
        facts = list(read_registry(path, report=report))
    except SourceError as err:
        assert "空" in str(err)
        return
    assert not firms(facts)
    assert any(r["action"] == "empty" for r in report)


BAD_ROWS = ("企业名称,统一社会信用代码,股票代码,注册地址\n"
            "郑州甲传感科技有限公司,91410100MA3X00001B,,郑州市高新区梧桐街1号\n"
            ",,,郑州市高新区\n"
            "郑州乙传感科技有限公司,BADCODE,,郑州市高新区\n"
            "郑州丙传感科技有限公司,,12AB,郑州市高新区\n"
            "郑州丁传感科技有限公司,,,郑州市高新区\n")


def test_bad_rows_are_reported_and_the_good_ones_load(tmp_path):
    """Rows 2, 3 and 4 are bad: each is reported by row and field; every named firm loads."""
    path = tmp_path / "firms.csv"
    path.write_text(BAD_ROWS, encoding="utf-8")
    report: list = []
    loaded = firms(read_registry(path, report=report))
    assert "郑州甲传感科技有限公司" in loaded and "郑州丁传感科技有限公司" in loaded
    bad = {(r["row"], r["field"]) for r in report if r["action"] in ("skipped", "ignored")}
    assert {(2, "name"), (3, "credit_code"), (4, "stock_code")} <= bad
    assert all(r["file"] == "firms.csv" for r in report)


def test_strict_refuses_the_whole_file_naming_the_row(tmp_path):
    """With strict, the first bad row refuses the file: a SourceError naming file and row."""
    path = tmp_path / "firms.csv"
    path.write_text(BAD_ROWS, encoding="utf-8")
    with pytest.raises(SourceError) as caught:
        list(read_registry(path, strict=True))
    assert caught.value.where == "row 2" and "firms.csv" in str(caught.value)


def _strict_build(tmp_path, *extra):
    reg = tmp_path / "firms.csv"
    reg.write_text(BAD_ROWS, encoding="utf-8")
    doc = tmp_path / "plan.txt"
    doc.write_text(SENTENCE, encoding="utf-8")
    ws = tmp_path / "ws"
    out = CliRunner().invoke(cli, ["-q", "build", str(doc), "-r", str(reg), "-w", str(ws), *extra])
    return out, Workspace(ws)


def test_build_strict_exits_1_naming_the_row_and_loads_the_documents(tmp_path):
    """`kg build --strict --partial` with a bad registry: exit 1, 'firms.csv, row 2' on stderr,
    documents built (without --partial nothing is published: see test_build_refusal.py)."""
    out, ws = _strict_build(tmp_path, "--strict", "--partial")
    assert out.exit_code == 1, out.output
    assert "firms.csv, row 2" in out.stderr and "Traceback" not in out.output
    assert "三一重工" in {d["name"] for _, d in ws.load().nodes("Firm")}


def test_build_without_strict_loads_good_rows_and_reports_bad_ones(tmp_path):
    """Without --strict the same registry builds: good firms in, rows 2-4 in the manifest's report."""
    out, ws = _strict_build(tmp_path)
    assert out.exit_code == 0, out.output
    names = {d["name"] for _, d in ws.load().nodes("Firm")}
    assert {"郑州甲传感科技有限公司", "郑州丁传感科技有限公司"} <= names
    report = ws.manifest()["report"]
    assert {2, 3, 4} <= {r["row"] for r in report if r["action"] in ("skipped", "ignored")}


def test_build_strict_loads_no_row_of_a_refused_registry(tmp_path):
    """`kg build --strict` refuses the whole registry: none of its firms is in the workspace."""
    out, ws = _strict_build(tmp_path, "--strict", "--partial")
    assert out.exit_code == 1
    assert not any("传感科技" in d["name"] for _, d in ws.load().nodes("Firm"))


def test_bad_jsonl_line_is_reported_and_the_rest_load(tmp_path):
    """A .jsonl registry with one broken line loads the other lines and reports that one."""
    path = tmp_path / "firms.jsonl"
    path.write_text('{"企业名称": "郑州甲传感科技有限公司"}\n{oops\n'
                    '{"企业名称": "郑州乙传感科技有限公司"}\n', encoding="utf-8")
    report: list = []
    loaded = firms(read_registry(path, report=report))
    assert loaded == ["郑州甲传感科技有限公司", "郑州乙传感科技有限公司"]
    assert [(r["file"], r["row"], r["action"]) for r in report if r["row"] == 2] == [
        ("firms.jsonl", 2, "skipped")]
    assert "line 2: not JSON" in report[0]["message"]


def test_bad_jsonl_line_under_strict_refuses_the_file(tmp_path):
    """With strict, a broken JSON line refuses the .jsonl file, naming it and the line."""
    path = tmp_path / "firms.jsonl"
    path.write_text('{"企业名称": "郑州甲传感科技有限公司"}\n{oops\n', encoding="utf-8")
    with pytest.raises(SourceError, match=r"firms.jsonl, row 2: line 2: not JSON"):
        list(read_registry(path, strict=True))


def test_jsonl_without_one_json_line_is_refused(tmp_path):
    """A .jsonl that holds no JSON object at all is a SourceError naming its first line."""
    path = tmp_path / "firms.jsonl"
    path.write_text("企业名称,注册地址\n郑州甲传感科技有限公司,郑州市\n", encoding="utf-8")
    with pytest.raises(SourceError) as caught:
        list(read_registry(path, report=[]))
    assert caught.value.where == "line 1" and "not JSON lines" in str(caught.value)


def test_huge_csv_cell_does_not_lose_the_file(tmp_path):
    """A 200 KB 经营范围 cell: the other rows load (the big one loads or is reported)."""
    path = tmp_path / "firms.csv"
    path.write_text("企业名称,经营范围\n郑州甲传感科技有限公司," + "传感器" * 70000 +
                    "\n郑州乙传感科技有限公司,气体传感器\n", encoding="utf-8")
    report: list = []
    loaded = firms(read_registry(path, report=report))
    assert "郑州乙传感科技有限公司" in loaded
    assert "郑州甲传感科技有限公司" in loaded or any(r["row"] == 1 for r in report)


def test_cell_over_the_limit_is_reported_and_the_rest_load(tmp_path, monkeypatch):
    """A cell longer than the CSV cell limit is reported by row; the rows after it load."""
    import kg.loaders.registry as registry

    monkeypatch.setattr(registry, "CELL_LIMIT", 1000)
    path = tmp_path / "firms.csv"
    path.write_text("企业名称,经营范围\n郑州甲传感科技有限公司," + "传感器" * 1000 +
                    "\n郑州乙传感科技有限公司,气体传感器\n", encoding="utf-8")
    report: list = []
    limit = csv.field_size_limit(1000)
    try:
        assert firms(read_registry(path, report=report)) == ["郑州乙传感科技有限公司"]
    finally:
        csv.field_size_limit(limit)
    assert [(r["row"], r["action"]) for r in report if r["row"]] == [(1, "skipped")]


def test_unterminated_quote_is_reported(tmp_path):
    """A cell whose quote never closes is reported, not silently merged with the rows after it."""
    path = tmp_path / "firms.csv"
    path.write_text('企业名称,注册地址\n"郑州甲传感科技有限公司,郑州市\n郑州乙传感科技有限公司,郑州市\n',
                    encoding="utf-8")
    report: list = []
    loaded = firms(read_registry(path, report=report))
    assert loaded == ["郑州乙传感科技有限公司"]
    assert [(r["file"], r["row"], r["action"]) for r in report if r["row"]] == [
        ("firms.csv", 1, "skipped")]
    assert "line 2: a quote opened in this row is never closed" in [r for r in report if r["action"] == "skipped"][-1]["message"]


def test_text_after_a_closing_quote_loads_and_is_reported(tmp_path):
    """'"郑州甲…公司" ,郑州市' (a space after the quote) loads as csv reads it, reported."""
    path = tmp_path / "firms.csv"
    path.write_text('企业名称,注册地址\n"郑州甲传感科技有限公司" ,郑州市\n郑州乙传感科技有限公司,郑州市\n',
                    encoding="utf-8")
    report: list = []
    assert firms(read_registry(path, report=report)) == ["郑州甲传感科技有限公司", "郑州乙传感科技有限公司"]
    assert [(r["row"], r["action"]) for r in report if r["row"]] == [(1, "normalised")]


def test_document_of_only_a_bom_is_a_clear_error(tmp_path):
    """A .txt that holds nothing but a UTF-8 BOM is a SourceError: no text."""
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf")
    with pytest.raises(SourceError, match="bom.txt: no text"):
        read_document(path)


def test_quote_closed_rows_later_is_reported_and_the_rows_between_load(tmp_path):
    """A quote left open that a later row's quote closes: the row is reported, the rows
    it swallowed are read again, and a legitimate line break inside quotes is kept."""
    path = tmp_path / "firms.csv"
    path.write_text('企业名称,注册地址\n"郑州甲传感科技有限公司,郑州市\n郑州乙传感科技有限公司,郑州市\n'
                    '郑州丙传感科技有限公司,"郑州市\n高新区"\n郑州丁传感科技有限公司,郑州市\n',
                    encoding="utf-8")
    report: list = []
    loaded = firms(read_registry(path, report=report))
    assert loaded == ["郑州乙传感科技有限公司", "郑州丙传感科技有限公司", "郑州丁传感科技有限公司"]
    assert [r["row"] for r in report if r["action"] == "skipped"] == [1]


def test_one_bad_byte_row_does_not_lose_the_registry(tmp_path):
    """A UTF-8 registry with one bad byte sequence loads its other rows."""
    path = tmp_path / "firms.csv"
    path.write_bytes("企业名称,注册地址\n郑州甲传感科技有限公司,郑州市高新区\n".encode() +
                     b"\xff\xfe\xfa,x\n" + "郑州乙传感科技有限公司,郑州市\n".encode())
    report: list = []
    assert firms(read_registry(path, report=report)) == ["郑州甲传感科技有限公司", "郑州乙传感科技有限公司"]
    skipped = [r for r in report if r["action"] == "skipped"]
    assert [(r["file"], r["row"]) for r in skipped] == [("firms.csv", 2)]
    assert skipped[0]["message"].startswith("line 3: bytes ff fe fa are not valid UTF-8")


def test_one_bad_byte_row_under_strict_refuses_the_registry(tmp_path):
    """With strict, a row with bad bytes refuses the registry, naming the file and row."""
    path = tmp_path / "firms.csv"
    path.write_bytes("企业名称,注册地址\n郑州甲传感科技有限公司,郑州市\n".encode() + b"\xff,x\n")
    with pytest.raises(SourceError) as caught:
        list(read_registry(path, strict=True))
    assert caught.value.where == "row 2" and "firms.csv" in str(caught.value)


def test_gb18030_registry_with_one_bad_byte_loads(tmp_path):
    """A GB18030 registry with one bad byte loads its other rows, read as GB18030."""
    path = tmp_path / "firms.csv"
    path.write_bytes("企业名称,注册地址\n郑州甲传感科技有限公司,郑州市高新区\n".encode("gb18030") +
                     b"\xff,x\n" + "郑州乙传感科技有限公司,郑州市\n".encode("gb18030"))
    report: list = []
    assert firms(read_registry(path, report=report)) == ["郑州甲传感科技有限公司", "郑州乙传感科技有限公司"]
    assert [r["row"] for r in report if r["action"] == "skipped"] == [2]


# ---------------------------------------------------------------------------- memory
HEAD = SENTENCE + "\n"
FILLER = "今年以来各项工作稳步推进，群众满意度持续提升。\n"
# tracemalloc peak of one read_document, after a warm-up load (jieba's dictionary and the
# lexicons are loaded once per process and are not the document's memory)
PROBE = ("import sys, tracemalloc\n"
         "from kg.loaders.documents import read_document\n"
         "list(read_document(sys.argv[2]))\n"
         "tracemalloc.start()\n"
         "n = len(list(read_document(sys.argv[1])))\n"
         "print(n, tracemalloc.get_traced_memory()[1])\n")


def _peak(folder: Path, size: int) -> tuple:
    """(facts, peak traced bytes) of loading a generated document of ``size`` bytes."""
    path = folder / f"doc-{size}.txt"
    block = FILLER.encode() * 1024
    with open(path, "wb") as handle:
        handle.write(HEAD.encode())
        for _ in range(size // len(block) + 1):
            handle.write(block)
    warm = folder / "warm.txt"
    warm.write_text(HEAD, encoding="utf-8")
    out = subprocess.run([sys.executable, "-c", PROBE, str(path), str(warm)], capture_output=True,
                         text=True, check=True)
    facts, peak = out.stdout.split()
    return int(facts), int(peak)


@pytest.mark.slow
def test_document_memory_does_not_grow_with_its_size(tmp_path):
    """Loading 512 KB of text peaks at under twice the memory of 64 KB when both yield the same graph."""
    small_facts, small = _peak(tmp_path, 2**16)
    big_facts, big = _peak(tmp_path, 2**19)
    assert small_facts == big_facts
    assert big < 2 * small, f"peak {small:,} B for 64 KB, {big:,} B for 512 KB"


def test_streamed_document_gives_the_facts_of_the_whole_text(tmp_path):
    """Read in blocks of a few bytes, a document gives the same facts, spans and quotes as
    when its whole text is read at once."""
    from kg.loaders.documents import extract_document
    from kg.loaders.graph_facts import to_facts

    path = tmp_path / "plan.txt"
    path.write_text("高新区管委会。\n郑州高新区积极引进三一重工、\n中联重科等企业，\n\n依托郑州大学建设"
                    "MEMS智能传感器公共服务平台。" + FILLER * 40 + "新乡市发展氢能产业。", encoding="utf-8")
    whole = list(to_facts(extract_document(path)))
    for block in (5, 64, 4096):
        assert list(read_document(path, block=block)) == whole
