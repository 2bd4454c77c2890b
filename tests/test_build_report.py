"""`kg build` says what it did with each registry: rows read, loaded, merged, conflicts, refused, problems."""
from click.testing import CliRunner

from kg.cli import cli
from kg.workspace import Workspace


def _registry(tmp_path, bad_rows=8):
    rows = ["企业名称,统一社会信用代码,注册地址",
            "郑州甲传感科技有限公司,91410100MA3X00002E,郑州市高新区梧桐街1号",
            "郑州甲传感科技有限公司,91410100MA3X00002E,郑州市高新区梧桐街1号",  # merged
            "新乡乙材料有限公司,91410100MA3X00002E,新乡市高新区新二街2号"]      # conflict
    rows += [f",,郑州市第{i}号" for i in range(bad_rows)]                          # refused
    path = tmp_path / "firms.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_build_prints_per_file_counts_and_the_first_problems(tmp_path):
    """stderr: 读取/载入/合并/代码冲突/拒收 for the file, five problems with file and row, then a count."""
    ws = tmp_path / "ws"
    result = CliRunner().invoke(cli, ["build", "-r", str(_registry(tmp_path)), "-w", str(ws)])
    assert result.exit_code == 0, result.output
    assert "firms.csv: 读取 11 行，载入 3，合并 1，代码冲突 1，拒收 8" in result.stderr
    problems = [line for line in result.stderr.splitlines() if line.startswith("  firms.csv 第")]
    assert len(problems) == 5 and "第3行" in problems[0]  # the conflict first
    assert "另有 4 条问题" in result.stderr and result.stdout == ""
    report = Workspace(ws).manifest()["report"]
    assert sum(r["action"] == "skipped" for r in report) == 8


def test_build_verbose_prints_every_problem(tmp_path):
    """With -v every problem is printed, each naming the file and the row."""
    result = CliRunner().invoke(cli, ["build", "-v", "-r", str(_registry(tmp_path)), "-w", str(tmp_path / "ws")])
    problems = [line for line in result.stderr.splitlines() if line.startswith("  firms.csv 第")]
    assert len(problems) == 9 and "另有" not in result.stderr


def test_a_code_two_files_give_to_different_firms_is_reported(tmp_path):
    """One credit code, two firms, two files: both kept, the conflict printed with both files and rows."""
    a, b = tmp_path / "a.csv", tmp_path / "b.csv"
    a.write_text("企业名称,统一社会信用代码\n郑州甲传感科技有限公司,91410100MA3X00002E\n", encoding="utf-8")
    b.write_text("企业名称,统一社会信用代码\n新乡乙材料有限公司,91410100MA3X00002E\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", "-r", str(a), "-r", str(b), "-w", str(tmp_path / "ws")])
    assert result.exit_code == 0, result.output
    line = next(x for x in result.stderr.splitlines() if "91410100MA3X00002E is given to" in x)
    assert "a.csv row 1" in line and "b.csv row 1" in line
