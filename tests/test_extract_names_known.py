"""Names on sentences written for these tests: major firms off the A-share listing
(rankings shipped as firms_major.tsv) and the context a known short name needs, a product
after a brand, and industries of two characters."""
from __future__ import annotations

import csv

from kg.loaders import extract_known
from kg.loaders.extract import extract_text
from kg.loaders.gazetteer_firms import derive_short, table_names
from kg.loaders.records import to_records


def firms(text):
    return {r["name"] for r in to_records(extract_text(text, "test.txt")) if r["type"] == "firm"}


def test_a_short_name_drops_legal_form_holding_words_and_place():
    assert derive_short("浙江澜舟控股集团有限公司") == "澜舟"
    assert derive_short("澜舟投资控股有限公司") == "澜舟"
    assert derive_short("中国澜舟有限公司") == "澜舟"


def test_no_short_name_when_the_rest_is_ordinary_words_or_a_place():
    assert derive_short("河南电力集团有限公司") == ""  # place + ordinary words
    assert derive_short("中国国际航运股份有限公司") != "国际航运"  # 中国 opens a long name


def test_ranking_tables_are_read_by_their_rank_column():
    text = "|排名|公司名称|营收|\n|---:|:---|---:|\n|1|澜舟集团有限公司|9|\n|注|说明|x|\n"
    assert table_names(text) == ["澜舟集团有限公司"]


def rows_of(path):
    with path.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def test_shipped_table_is_what_the_builder_derives():
    """Every short name of the shipped table comes from its full name by the rules above."""
    rows = rows_of(extract_known.MAJOR_TSV)
    assert len(rows) > 1000 and all(r["full"] and r["lists"] for r in rows)
    sample = rows[::97]
    assert all(derive_short(r["full"]) == r["short"] for r in sample)


def test_a_firm_known_only_from_the_rankings_is_found_after_a_cue():
    """A firm not on the A-share listing, named by its short name after a cue."""
    names = {r["short"] for r in rows_of(extract_known.MAJOR_TSV)}
    listed = {r["short"] for r in rows_of(extract_known.FIRMS_TSV)}
    assert "奇瑞" in names - listed
    assert "奇瑞" in firms("园区依托奇瑞建设整车基地。")


def test_a_known_name_starting_inside_a_word_is_no_firm():
    with extract_known.extra_firms(["海星辰"]):
        assert "海星辰" in firms("园区依托海星辰建设基地。")
        assert "海星辰" not in firms("依托上海星辰大道建设街区。")


def test_an_ordinary_word_needs_the_firm_head_close_by():
    """美的 (a listed name and a common word) is a firm before 等家电企业, not when 企业 comes
    at the end of a clause about something else."""
    assert "美的" in firms("园区引进美的等家电企业。")
    assert "美的" not in firms("以美的设计打动企业和市场。")


def test_a_product_after_a_brand_is_no_part_of_the_firm():
    """A works named 字号 + product (新能源汽车, 动力电池, 汽车零部件: terms of the chain
    templates) yields the 字号 as its firm; 字号 + a trade word that opens no product
    (星澈科技) stays the firm's name."""
    found = firms("加快建设澜舟新能源汽车项目、星澈动力电池生产基地等重大项目。")
    assert {"澜舟", "星澈"} <= found and not {"澜舟新能源", "星澈动力"} & found
    found = firms("推动澜舟汽车零部件、星澈科技智能传感器产业园等项目开工建设。")
    assert {"澜舟", "星澈科技"} <= found and "澜舟汽车" not in found


def test_an_industry_of_two_characters_is_a_noun():
    """现代产业, 帮扶产业, 粤西产业 name no trade (a time word, a verb, a place); 钢铁, 化工, 文旅
    do."""
    def industries(text):
        return {r["name"] for r in to_records(extract_text(text, "t.txt"))
                if r["type"] == "industry"}
    found = industries("全县着力壮大现代产业，做强钢铁、化工、文旅等产业。")
    assert {"钢铁", "化工", "文旅"} <= found and "现代" not in found
    found = industries("分类推进帮扶产业提升质效，推动粤西产业转型，发展白酒产业。")
    assert "白酒" in found and not {"帮扶", "粤西"} & found


def test_a_known_firm_named_like_a_place_after_the_works_place():
    """place + known firm + product (南平|长乐|动力电池项目): the firm, though 长乐 is a common
    word and a district's name; without the name known, or without a product, no firm."""
    text = "加快建设南平长乐动力电池项目。"
    assert "长乐" not in firms(text)
    with extract_known.extra_firms(["长乐"]):
        assert "长乐" in firms(text)
        assert "长乐" not in firms("加快建设南平长乐大道项目。")


def test_a_known_firm_named_by_a_common_word_before_the_works_place():
    """known firm + the works' place (星光|郑州智能工厂): the firm, though 星光 is a common
    word; a road named after the place (星光|许昌大道) names no firm."""
    text = "推进星光郑州智能工厂等项目建设。"
    assert "星光" not in firms(text)
    with extract_known.extra_firms(["星光"]):
        assert "星光" in firms(text)
        assert "星光" not in firms("加快星光许昌大道建设。")


def test_a_groups_unit_is_named_by_the_group_and_a_place():
    """澜舟集团 known: its provincial unit 澜舟湖南 is a firm where a cue stands before it;
    unknown, the same words name nothing."""
    text = "开发区与澜舟湖南签署战略合作协议。"
    assert "澜舟湖南" not in firms(text)
    with extract_known.extra_firms(["澜舟集团"]):
        assert "澜舟湖南" in firms(text)


def test_a_joint_venture_is_the_group_and_its_partners_brand():
    """澜舟 + 大众 (a common word as brand) before a product term: the venture 澜舟大众 is the
    works' firm, not 澜舟 alone; a group head that is a common word of the language
    (平安, from 平安银行) names no unit (平安广东 is a slogan)."""
    text = "加快建设澜舟大众新能源汽车项目。"
    with extract_known.extra_firms(["澜舟集团"]):
        found = firms(text)
    assert "澜舟大众" in found and "澜舟" not in found
    assert "平安广东" not in firms("深入推进平安广东、法治广东建设。")


def test_short_names_of_transliterated_foreign_and_scope_named_firms():
    """A place spelled by the start of a transliterated name stays in it (阿里巴巴 is no 阿里
    + 巴巴); 株式会社 is a legal form; a name with no legal form is its own short name; a
    scope word opens a description, not a 字号."""
    assert derive_short("阿里巴巴集团控股有限公司") == "阿里巴巴"
    assert derive_short("保德信金融集团") == "保德信金融"
    assert derive_short("三井物产株式会社") == "三井物产"
    assert derive_short("西门子") == "西门子"
    assert derive_short("国际航空集团") == ""
    assert table_names("|1|苹果公司（APPLE)|1|美国|\n|2|纽约梅隆银行（BANK OF NEW YORK (MELLON))|") == [
        "苹果公司", "纽约梅隆银行"]


def test_world_ranking_firms_are_known_and_found_as_subjects_of_their_acts():
    """Foreign firms plans court (西门子, 博世) are known names; a known name opening its clause
    before an act of a firm (在成都建设, 将在园区投资) is a firm; a two-character name ending
    inside an ordinary word is none (输变电|装备 names no 电装)."""
    assert {"西门子", "博世", "阿里巴巴"} <= known_names()
    assert "西门子" in firms("西门子在成都建设数字化工厂。")
    assert "博世" in firms("博世将在园区投资建设研发中心。")
    assert "腾讯" in firms("腾讯在贵安新区建设数据中心。")
    assert not firms("输变电装备基地加快建设。")


def test_a_place_before_a_firms_base_is_the_bases_own():
    rows = to_records(extract_text("推动湛江巴斯夫一体化基地建成投产。", "test.txt"))
    assert {r["name"] for r in rows if r["type"] == "project"} == {"湛江巴斯夫一体化基地"}


def known_names():
    return {r["short"] for r in rows_of(extract_known.MAJOR_TSV)} | {
        r["short"] for r in rows_of(extract_known.FIRMS_TSV)}
