"""Registries as people export them: each shape, generated here, loads or is refused with what to change."""
import io
import re
import zipfile
from datetime import datetime

import pytest

from kg.errors import SourceError
from kg.graph import KnowledgeGraph
from kg.loaders.registry import read_registry

NAME, CODE, ADDRESS = "郑州甲传感科技有限公司", "91410100MA3X00002E", "郑州市高新区梧桐街1号"


def load(path, **kw):
    report: list = []
    graph = KnowledgeGraph()
    graph.add_facts(read_registry(path, report=report, **kw))
    firms = {d["name"]: d for _, d in graph.nodes("Firm")}
    return firms, report


def actions(report, action):
    return [r for r in report if r["action"] == action]


def _book(sheets):
    """An openpyxl workbook from {title: (rows, state)}."""
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for title, (rows, state) in sheets.items():
        sheet = book.create_sheet(title)
        sheet.sheet_state = state
        for row in rows:
            sheet.append(row)
    return book


def test_csv_title_rows_above_the_header(tmp_path):
    """A title and a blank row above 企业名称… : the header is found, the firm loads, the file says so."""
    path = tmp_path / "titled.csv"
    path.write_text(f"郑州高新区企业名录（2024年）,,\n,,\n企业名称,统一社会信用代码,注册地址\n{NAME},{CODE},{ADDRESS}\n",
                    encoding="utf-8")
    firms, report = load(path)
    assert firms[NAME]["credit_code"] == CODE and firms[NAME]["address"] == ADDRESS
    assert "line 3" in actions(report, "header")[0]["message"]


def test_xlsx_title_and_merged_two_level_header(tmp_path):
    """A title row, then a merged group row over 企业名称/信用代码 and 注册 over 地址: joined into one header."""
    book = _book({"名录": ([["郑州高新区企业名录"], ["企业信息", None, "注册"],
                           ["企业名称", "统一社会信用代码", "地址"], [NAME, CODE, ADDRESS]], "visible")})
    sheet = book["名录"]
    sheet.merge_cells("A2:B2")
    path = tmp_path / "merged.xlsx"
    book.save(path)
    firms, report = load(path)
    assert firms[NAME]["credit_code"] == CODE and firms[NAME]["address"] == ADDRESS
    assert actions(report, "header")


def test_header_split_over_two_rows_with_a_vertical_merge(tmp_path):
    """企业名称 spanning two header rows, 注册 over 地址 / 经营 over 范围: the second level is no firm."""
    path = tmp_path / "two.csv"
    path.write_text(f"企业名称,注册,经营\n,地址,范围\n{NAME},{ADDRESS},气体传感器\n", encoding="utf-8")
    firms, _ = load(path)
    assert list(firms) == [NAME]
    assert firms[NAME]["address"] == ADDRESS and firms[NAME]["business_scope"] == "气体传感器"


def test_english_headers(tmp_path):
    """Company Name, Unified Social Credit Code, Address, Business Scope map to the fields."""
    path = tmp_path / "english.csv"
    path.write_text("Company Name,Unified Social Credit Code,Registered Address,Business Scope,Date of Establishment\n"
                    f"{NAME},{CODE},{ADDRESS},gas sensors,2015-03-02\n", encoding="utf-8")
    firms, _ = load(path)
    firm = firms[NAME]
    assert (firm["credit_code"], firm["address"], firm["business_scope"], firm["founded"]) == \
        (CODE, ADDRESS, "gas sensors", "2015-03-02")


@pytest.mark.parametrize("encoding", ["big5", "gb18030", "utf-16", "utf-16-le", "utf-8-sig"])
def test_traditional_headers_in_any_common_encoding(tmp_path, encoding):
    """企業名稱/統一社會信用代碼/註冊地址 in Big5, GB18030 or UTF-16: names read as written."""
    name, address = "鄭州甲傳感科技有限公司", "鄭州市高新區梧桐街1號"
    path = tmp_path / f"{encoding}.csv"
    path.write_bytes(f"企業名稱,統一社會信用代碼,註冊地址\n{name},{CODE},{address}\n".encode(encoding))
    firms, report = load(path)
    assert list(firms) == [name] and firms[name]["address"] == address
    assert firms[name]["credit_code"] == CODE
    assert not actions(report, "skipped")


def test_a_hidden_first_sheet_is_skipped_and_said(tmp_path):
    """The hidden sheet's rows are not read as data; the visible sheet loads; the report names the sheet."""
    book = _book({"旧名录": ([["企业名称", "注册地址"], ["新乡旧企业有限公司", "新乡市"]], "hidden"),
                  "名录": ([["企业名称", "注册地址"], [NAME, ADDRESS]], "visible")})
    path = tmp_path / "hidden.xlsx"
    book.save(path)
    firms, report = load(path)
    assert list(firms) == [NAME]
    hidden = actions(report, "hidden")
    assert hidden and "旧名录" in hidden[0]["message"]


def _with_cached_value(path, cell: str, value: str) -> None:
    """Write Excel's cached value into a formula cell openpyxl saved without one."""
    with zipfile.ZipFile(path) as archive:
        files = {n: archive.read(n) for n in archive.namelist()}
    sheet = next(n for n in files if n.startswith("xl/worksheets/sheet"))
    xml = files[sheet].decode("utf-8")
    xml, count = re.subn(rf'<c r="{cell}"([^>]*)>(<f>[^<]*</f>)(<v\s*/>|<v></v>)?',
                         rf'<c r="{cell}" t="str"\1>\2<v>{value}</v>', xml)
    assert count == 1
    files[sheet] = xml.encode("utf-8")
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)


def test_formulas_give_their_cached_values_and_uncached_ones_are_reported(tmp_path):
    """A formula with a saved value reads as that value; one without is reported with its cell."""
    book = _book({"名录": ([["企业名称", "注册地址", "经营范围"],
                           [NAME, '="郑州市"&"高新区梧桐街1号"', "气体传感器"],
                           ["郑州乙传感科技有限公司", '=B2', "压力传感器"]], "visible")})
    path = tmp_path / "formulas.xlsx"
    book.save(path)
    _with_cached_value(path, "B2", ADDRESS)
    firms, report = load(path)
    assert firms[NAME]["address"] == ADDRESS
    assert "address" not in firms["郑州乙传感科技有限公司"]
    formula = actions(report, "formula")
    assert len(formula) == 1 and "B3" in formula[0]["message"] and "=B2" in formula[0]["message"]


def _all_digit_credit_code() -> str:
    from kg.names import credit_code_problem

    for last in range(10 ** 4):
        code = f"9141010078670{last:04d}"
        for check in "0123456789":
            if credit_code_problem(code + check) is None:
                return code + check
    raise AssertionError("no all-digit code")


def test_dates_and_codes_stored_as_numbers(tmp_path):
    """Serial dates become dates; an exact integer code is kept; a float code is reported unrecoverable."""
    exact = _all_digit_credit_code()
    book = _book({"名录": ([["企业名称", "统一社会信用代码", "股票代码", "成立日期"],
                           [NAME, None, 651, 42065],
                           ["郑州乙传感科技有限公司", 1, None, datetime(2019, 1, 1)],
                           ["郑州丙传感科技有限公司", 9.14101e17, None, "2020-01-01"]], "visible")})
    path = tmp_path / "numbers.xlsx"
    book.save(path)
    # a tool that writes the integer exactly (openpyxl itself writes it as a double)
    with zipfile.ZipFile(path) as archive:
        files = {n: archive.read(n) for n in archive.namelist()}
    sheet = next(n for n in files if n.startswith("xl/worksheets/sheet"))
    files[sheet] = files[sheet].replace(b'<c r="B3" t="n"><v>1</v>', f'<c r="B3" t="n"><v>{exact}</v>'.encode())
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    firms, report = load(path)
    assert firms[NAME]["founded"] == "2015-03-02" and firms[NAME]["stock_code"] == "000651"
    assert firms["郑州乙传感科技有限公司"]["founded"] == "2019-01-01"
    assert firms["郑州乙传感科技有限公司"]["credit_code"] == exact
    lost = actions(report, "unrecoverable")
    assert len(lost) == 1 and lost[0]["row"] == 3 and "text" in lost[0]["message"]
    assert "credit_code" not in firms["郑州丙传感科技有限公司"]


def test_csv_serial_dates_scientific_codes_and_stripped_zeros(tmp_path):
    """In a CSV: 42065 in 成立日期 is a date, 9.14101E+17 is reported, 651 becomes 000651."""
    path = tmp_path / "excel.csv"
    path.write_text("企业名称,统一社会信用代码,股票代码,成立日期\n"
                    f"{NAME},9.14101E+17,651,42065\n", encoding="utf-8")
    firms, report = load(path)
    firm = firms[NAME]
    assert (firm["founded"], firm["stock_code"]) == ("2015-03-02", "000651")
    assert "credit_code" not in firm and actions(report, "unrecoverable")


def test_nul_and_bare_carriage_return(tmp_path):
    """A NUL early or late is removed and reported by row; a bare CR in an unquoted cell makes no phantom firm."""
    rows = ["企业名称,注册地址"] + [f"郑州{i:03d}传感科技有限公司,郑州市" for i in range(300)]
    rows[1] = "郑州甲传感\x00科技有限公司,郑州市"
    rows[250] = "郑州乙传感\x00科技有限公司,郑州市"
    rows[120] = "郑州丙传感科技有限公司,郑州市\r高新区"
    path = tmp_path / "odd.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    firms, report = load(path)
    assert len(firms) == 300
    assert "郑州甲传感科技有限公司" in firms and "郑州乙传感科技有限公司" in firms
    assert firms["郑州丙传感科技有限公司"]["address"] == "郑州市 高新区"
    fixed = {r["row"]: r["message"] for r in actions(report, "normalised")}
    assert "NUL" in fixed[1] and "NUL" in fixed[250] and "carriage return" in fixed[120]


def test_refused_shapes_say_what_to_change(tmp_path):
    """No name column → use --map; binary data → give a registry."""
    path = tmp_path / "noname.csv"
    path.write_text("地址,电话\n郑州市,123\n", encoding="utf-8")
    with pytest.raises(SourceError, match="--map"):
        load(path)
    path = tmp_path / "binary.csv"
    path.write_bytes(b"PK\x03\x04\x00\x00\x08\x00" * 2000)  # a zip (an .xlsx) named .csv
    with pytest.raises(SourceError, match="registry"):
        load(path)


def test_open_text_files_still_load():
    """An open file (not a path) of CSV text keeps working."""
    graph = KnowledgeGraph()
    graph.add_facts(read_registry(io.StringIO(f"企业名称\n{NAME}\n"), name="x.csv"))
    assert graph.resolve(NAME, "Firm")
