"""Extraction rules hold on sentences written for these tests, not taken from the corpus:
lists closed by counts, clean firm names, aliases, chains in several wordings, roles with
aspect, and each document's own subject place."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from kg.facts import Relation
from kg.loaders.documents import read_document
from kg.loaders.extract import extract_text
from kg.loaders.records import to_records

SAMPLES = Path(__file__).parent / "fixtures" / "corpus" / "docs"

HEFEI = (
    "合肥高新技术产业开发区（以下简称合肥高新区）是国务院批准设立的首批国家级高新区之一。\n"
    "园区以人工智能和量子信息为两大主导产业，集聚了一批创新型企业。\n"
    "合肥高新区着力打造“量子材料—量子器件—量子通信设备—量子应用服务”的量子信息产业链。\n"
    "园区内龙头企业科大讯飞股份有限公司牵头建设智能语音国家新一代人工智能开放创新平台。\n"
    "国盾量子(科大国盾量子技术股份有限公司)在园区建成量子通信设备生产基地。\n"
    "下一步，合肥高新区将积极引进华为、阿里巴巴等人工智能领军企业。\n"
    "依托中国科学技术大学，园区共建量子信息科学国家实验室。\n"
)


def records(text, **home):
    return to_records(extract_text(text, "test.txt", **home))


def of_type(rows, etype):
    return {r["name"]: r for r in rows if r["type"] == etype}


@pytest.fixture(scope="module")
def hefei():
    return records(HEFEI)


def test_hefei_industries_and_chain(hefei):
    """The paragraph's two leading industries and its spelled-out chain are found."""
    industries = of_type(hefei, "industry")
    assert industries["人工智能"]["role"] == "leading"
    assert industries["量子信息"]["role"] == "leading"
    chains = [r["links"] for r in hefei if r["type"] == "chain"]
    assert ["量子材料", "量子器件", "量子通信设备", "量子应用服务"] in chains


def test_hefei_firms_have_clean_names(hefei):
    """Firms carry their own names, no ranking words or brackets; the bracketed full name
    is an alias of the short one."""
    firms = of_type(hefei, "firm")
    assert "科大讯飞股份有限公司" in firms and "科大讯飞" in firms["科大讯飞股份有限公司"]["aliases"]
    assert "科大国盾量子技术股份有限公司" in firms["国盾量子"]["aliases"]
    assert not any("龙头" in name or "(" in name or "园区" in name for name in firms)
    assert firms["华为"]["role"] == "target" and firms["国盾量子"]["role"] == "local"


def test_hefei_is_one_zone_with_its_alias(hefei):
    """(以下简称合肥高新区) makes an alias, not a second zone."""
    zones = of_type(hefei, "zone")
    assert list(zones) == ["合肥高新区"]
    assert "合肥高新技术产业开发区" in zones["合肥高新区"]["aliases"]


def test_list_closed_by_a_count():
    """甲、乙、丙、丁四大整车企业: four firms, no 等 needed."""
    firms = of_type(records("开发区集聚了长河汽车、云岭重工、青禾电子、北辰动力四大整车企业。"), "firm")
    assert set(firms) == {"长河汽车", "云岭重工", "青禾电子", "北辰动力"}
    assert {r["role"] for r in firms.values()} == {"local"}


def test_list_closed_by_deng_with_a_count_and_a_ranking_noun():
    """甲、乙等13家…企业 with a ranking noun before the first name: clean names."""
    rows = records("园区已引进链主企业星河科技和蓝海智能、云帆电子等13家领军企业。")
    assert set(of_type(rows, "firm")) == {"星河科技", "蓝海智能", "云帆电子"}


@pytest.mark.parametrize("sentence, role", [
    ("高新区将积极引进星河科技、蓝海智能等企业。", "target"),
    ("近年来园区先后引进星河科技、蓝海智能等企业。", "local"),
    ("星河科技、蓝海智能等企业已落户园区。", "local"),
    ("星河科技、蓝海智能等企业拟落户园区。", "target"),
    ("全力招引星河科技、蓝海智能等头部企业。", "target"),
    ("园区拥有星河科技、蓝海智能等骨干企业。", "local"),
    ("集成电路产业链将依托星河科技、蓝海智能等重点企业。", "local"),
])
def test_roles_follow_cue_class_and_aspect(sentence, role):
    """Attracting verbs give targets unless done; presence verbs give local unless to come."""
    firms = of_type(records(sentence), "firm")
    assert firms and {r["role"] for r in firms.values()} == {role}, firms


@pytest.mark.parametrize("sentence, links", [
    ("园区形成了“原料-电芯-模组”协同发展格局。", ["原料", "电芯", "模组"]),
    ("打造集研发设计、整机制造、运营服务于一体的无人机全产业链。",
     ["研发设计", "整机制造", "运营服务"]),
    ("推动电芯材料、电芯制造和电池回收全产业链发展。", ["电芯材料", "电芯制造", "电池回收"]),
    ("构建从光伏硅料、到组件制造、到电站运营全过程产业生态。", ["光伏硅料", "组件制造", "电站运营"]),
    ("力促氢能“制储输加用”全产业发展。", ["制", "储", "输", "加", "用"]),
    ("布局氨能“制储运加用”氨能全产业链。", ["制", "储", "运", "加", "用"]),
    ("谋划氢能制储运加用全产业链。", ["制", "储", "运", "加", "用"]),
    ("围绕矿石→冶炼→精深加工完善铜产业链。", ["矿石", "冶炼", "精深加工"]),
    ("打造从晶棒到切片、组件、电站的光伏全产业链。", ["晶棒", "切片", "组件", "电站"]),
    ("上游重点发展隔膜、电解液,中游发展电芯制造,下游发展储能系统和回收利用。",
     ["隔膜", "电解液", "电芯制造", "储能系统", "回收利用"]),
])
def test_chains_in_the_wordings_people_write(sentence, links):
    """A chain spelled out by dashes, 集…于一体, A、B和C全产业链, 从…到…, or compressed."""
    chains = [r["links"] for r in records(sentence) if r["type"] == "chain"]
    assert links in chains


def test_a_quoted_slogan_before_a_verb_is_no_compressed_chain():
    assert not [r for r in records("通过“双长制”做好产业链招商。") if r["type"] == "chain"]


def test_a_dashed_run_of_places_is_no_chain():
    """“甲—乙—丙” of cities is a corridor, not a chain."""
    assert not [r for r in records("共建“广州—深圳—香港”科技走廊。") if r["type"] == "chain"]


def test_zone_names_ending_in_new_area_or_science_city():
    """Zones named X新区 or X科学城 are found; a bare kind (国家级新区) is not a zone."""
    zones = set(of_type(records("前湾新区与丝路科学城签署协议,共建国家级新区。"), "zone"))
    assert {"前湾新区", "丝路科学城"} <= zones and "国家级新区" not in zones


def test_a_city_plan_attaches_to_the_city_not_the_zone():
    """The 新乡市 plan's targets and firms attach to 新乡市, even with --zone 新乡高新区."""
    path = SAMPLES / "003_b7d2662c2d01476f.txt"
    for home in ({}, {"home_zone": "新乡高新区"}):
        facts = [f for f in read_document(path, **home) if isinstance(f, Relation)]
        targets = [f for f in facts if f.rel == "TARGETS"]
        located = [f for f in facts if f.rel == "LOCATED_IN" and f.src.label == "Firm"]
        assert targets and located
        assert {(f.src.label, f.src.name) for f in targets} == {("Region", "新乡市")}
        assert {(f.dst.label, f.dst.name) for f in located} == {("Region", "新乡市")}


def test_a_zone_news_item_attaches_to_the_zone():
    """A news item titled with its zone attaches its firms to that zone; --zone elsewhere
    does not move them."""
    text = "滁州经开区新签约项目12个\n园区先后引进星河科技、蓝海智能等企业。\n"
    ex = extract_text(text, "news.txt", home_zone="郑州高新区")
    assert ex.subject == ("Zone", "滁州经开区")


def test_the_fallback_home_is_used_where_the_document_does_not_say():
    """A text naming no place of its own attaches to the --zone given."""
    ex = extract_text("园区先后引进星河科技等企业。", "x.txt", home_zone="许昌高新区")
    assert ex.subject == ("Zone", "许昌高新区")


def test_list_ended_by_a_modifier_before_the_firm_head():
    """甲、乙、丙全国前三的…龙头企业: three firms, located here."""
    firms = of_type(records("园区集聚了星澜、云帆、蓝湾全国前三的智能终端龙头企业。"), "firm")
    assert set(firms) == {"星澜", "云帆", "蓝湾"}
    assert {r["role"] for r in firms.values()} == {"local"}


def test_industries_closed_by_a_count_and_economies():
    """甲、乙两大…产业 and 发展X经济 name industries; 民营经济 does not."""
    rows = records("打造了光电显示、新材料两大千亿级产业。大力发展银发经济,促进民营经济发展壮大。")
    names = set(of_type(rows, "industry"))
    assert {"光电显示", "新材料", "银发经济"} <= names and "民营经济" not in names


def test_infrastructure_is_a_project_where_it_is_built():
    """A named railway being built is a project; a facility only used is not."""
    assert "梅龙高铁" in of_type(records("加快梅龙高铁建设。"), "project")
    assert not of_type(records("旅客经新郑机场出行。"), "project")


@pytest.mark.parametrize("sentence, name", [
    ("加快建设雁门关跨海通道。", "雁门关跨海通道"),
    ("推进滇中水资源配置工程建设。", "滇中水资源配置工程"),
    ("建成青山油田群。", "青山油田群"),
    ("开工建设南岭水利枢纽。", "南岭水利枢纽"),
])
def test_named_works_of_every_kind_are_projects(sentence, name):
    """Corridors, water works, oil fields and hubs are built like railways."""
    assert name in of_type(records(sentence), "project")


@pytest.mark.parametrize("sentence", ["加快建设跨江跨海通道。", "新建煤电机组。",
                                      "完成12宗大中型灌区改造。"])
def test_a_kind_of_work_is_no_project(sentence):
    """A work named only by what kind it is (跨海通道, 煤电机组) names no project."""
    assert not of_type(records(sentence), "project")


def test_fairs_by_their_short_forms_and_key_labs_by_their_field():
    """广交会-style short forms name fairs; a key lab's field names it however common."""
    platforms = of_type(records("办好进博会、服贸会等展会,建设精密制造全国重点实验室。"),
                        "platform")
    assert {"进博会", "服贸会", "精密制造全国重点实验室"} <= set(platforms)
    assert not of_type(records("新建3个全国重点实验室。"), "platform")


@pytest.mark.parametrize("sentence", ["建设县域医疗次中心。", "完善社会治安综合治理中心。",
                                      "建设概念验证中心。", "筹建理工类大学。"])
def test_public_services_and_kinds_of_centre_are_no_platforms(sentence):
    """Sub-centres, governance centres and kinds of centre or university name no platform."""
    assert not of_type(records(sentence), "platform")


@pytest.mark.parametrize("sentence, name", [
    ("提速梅龙高铁建设。", "梅龙高铁"), ("用好管好港珠澳大桥,推进二期建设。", "港珠澳大桥"),
    ("做好广清永高铁建设。", "广清永高铁"),
])
def test_verbs_of_carrying_out_govern_a_work(sentence, name):
    """提速/做好/用好管好 stand before the work's name, not inside it."""
    assert set(of_type(records(sentence), "project")) == {name}


@pytest.mark.parametrize("sentence", [
    "在就业、教育、医疗、社会保障等领域办成了一批大事。", "坚持大抓产业、主攻工业。",
    "全面掀起产业大招商热潮。", "优化战略性产业集群发展体系。", "以科技创新引领产业创新。",
    "规上服务业营收增长8%。", "开展百强服务业企业评选。",
    "培育数字消费、绿色消费、健康消费、低空消费。",
])
def test_public_fields_and_campaign_words_are_no_industries(sentence):
    """Fields of public policy and the verbs of a campaign before 产业 name no trade."""
    assert not of_type(records(sentence), "industry")


def test_a_trade_measured_by_its_output_is_an_industry():
    """What a report measures by 产量/产值/增加值 is a trade; totals and a plant's year are not."""
    found = of_type(records("光伏组件、锂电池行业增加值分别增长12%、9%。"), "industry")
    assert {"光伏组件", "锂电池"} <= set(found)
    assert not of_type(records("规上工业增加值增长6%,项目达产后预计年产值50亿元。"), "industry")


def test_a_route_section_named_by_its_ends_is_a_project():
    """甲至乙 in a clause that builds roads or railways names a section; 截至 does not."""
    found = of_type(records("开工建设平远至武平、湛江至南宁等高速公路。"), "project")
    assert {"平远至武平", "湛江至南宁"} <= set(found)
    assert not of_type(records("截至目前,加快建设高速公路。"), "project")
    assert not of_type(records("平远至武平的旅客逐年增多。"), "project")


def test_a_work_opened_moved_or_extended_is_a_project():
    """Opening, approving or moving a work builds it; an extension is part of its name."""
    assert "梅龙高铁" in of_type(records("梅龙高铁开通运营。"), "project")
    found = of_type(records("加紧威海机场迁建、梅州长潭水库扩建。"), "project")
    assert {"威海机场迁建", "梅州长潭水库扩建"} <= set(found)
    assert not of_type(records("加紧威海机场迁建。"), "firm")


def test_a_phase_keeps_its_work_and_a_place_names_a_work():
    """机场二期 is one project; a frequent place before 机场 still names one (广州新机场)."""
    found = of_type(records("烟台机场二期转场运营,广州新机场获批立项,推进重庆东站建设。"), "project")
    assert {"烟台机场二期", "广州新机场", "重庆东站"} <= set(found)
    assert "烟台机场" not in found
    assert not of_type(records("建设通用机场。"), "project")


def test_a_quality_before_a_rank_of_industry_keeps_the_list():
    """等前景无限的未来产业 heads a list of industries; 等产品为主的产业 does not."""
    found = of_type(records("发展人工智能、量子科技等前景无限的未来产业。"), "industry")
    assert {"人工智能", "量子科技"} <= set(found)
    assert not of_type(records("引进以生产钢结构、门窗幕墙等产品为主的产业项目。"), "industry")


def test_research_carriers_of_every_kind_are_platforms():
    """高等 is a word, not a list's 等; 科技创新院, 实验站, 大科学装置 are carriers; their
    科技创新 names no firm."""
    rows = records("推动湖南高等研究院、湘江科技创新院建设,建设江门中微子实验站。")
    assert {"湖南高等研究院", "湘江科技创新院", "江门中微子实验站"} <= set(of_type(rows, "platform"))
    assert not of_type(rows, "firm")


def test_a_policy_class_of_projects_is_no_project():
    """保交房项目, 白名单项目 name classes of projects under a policy, not one project."""
    assert not of_type(records("推进保交房项目、白名单项目建设。"), "project")


def test_a_kind_of_work_inside_a_zone_name_does_not_cut_it():
    """重庆国际铁路港综保区 is one zone; an overseas cooperation zone named by kind is none."""
    rows = records("建设重庆国际铁路港综保区,推进境外经贸合作区建设。")
    assert set(of_type(rows, "zone")) == {"重庆国际铁路港综保区"}
    assert "重庆国际铁路" not in of_type(rows, "project")


def test_a_compass_part_of_a_province_and_a_kind_of_park_are_no_zones():
    """渝东北片区 is a part of a province; 大学科技园 a kind of park; 郑州高新区 a zone."""
    rows = records("推动渝东北片区、渝东南片区协同发展,在郑州高新区建设大学科技园。")
    assert set(of_type(rows, "zone")) == {"郑州高新区"}


def test_a_list_after_a_development_verb_may_close_on_a_bare_deng():
    """加快发展甲、乙、丙等, …: the fields are industries though no head noun follows 等."""
    rows = records("加快发展研发设计、工业设计、检测认证等,推进示范城市建设。")
    assert {"研发设计", "工业设计", "检测认证"} <= set(of_type(rows, "industry"))


def test_two_fields_joined_by_he_after_a_development_verb():
    """发展甲和乙 names two fields; 发展经济和社会事业, 培育经营主体和社会化服务 do not."""
    rows = records("落实负面清单,发展信息技术外包和知识流程外包。")
    assert {"信息技术外包", "知识流程外包"} <= set(of_type(rows, "industry"))
    assert not of_type(records("大力发展经济和社会事业,培育新型农业经营主体和社会化服务。"),
                       "industry")


def test_a_quality_word_opens_the_theme_of_a_meeting():
    """高质量 cuts a name after a verb, but inside a meeting's name it is its theme."""
    rows = records("办好儒商大会、绿色低碳高质量发展大会等活动,办好文旅产业高质量发展大会。")
    assert {"绿色低碳高质量发展大会", "文旅产业高质量发展大会"} <= set(of_type(rows, "platform"))
    assert "发展大会" not in of_type(rows, "platform")


def test_short_items_of_a_list_of_works_are_no_firms():
    """雄商、津潍等6个高铁项目 lists railways by their ends, not firms."""
    assert not of_type(records("雄商、津潍、济滨等6个高铁项目加快推进。"), "firm")


def test_a_verb_inside_a_product_word_does_not_cut_a_name():
    """发动机 holds 发动; the project keeps its whole name and its investment."""
    projects = of_type(records("总投资3.5亿元的星河博佩发动机零部件项目开工建设。"), "project")
    assert projects["星河博佩发动机零部件项目"]["investment"] == "3.5亿元"


def test_a_firm_named_with_a_verb_keeps_it():
    """联合 is a verb and a firm's 字号: 联合汽车电子 stays whole."""
    assert "联合汽车电子" in of_type(records("依托联合汽车电子、星河科技等电子信息龙头企业。"), "firm")


def test_a_first_list_item_ending_in_a_function_word_is_kept():
    """A brand ending in 的 or 了 (美的) after 引进 is a list item, not a boundary."""
    firms = of_type(records("园区积极引进乐了、星河科技、云帆电子等家居龙头企业。"), "firm")
    assert {"乐了", "星河科技", "云帆电子"} <= set(firms)
    assert {r["role"] for r in firms.values()} == {"target"}


def test_well_known_firms_count_in_a_firm_context_only():
    """Listed short names are firms beside other firms or after a cue; an ordinary word that
    is also a short name (太阳能) and a name inside a longer phrase (岭南文化) are not."""
    firms = of_type(records("积极引进比亚迪、宁德时代等龙头企业。依托贵州轮胎建设轮胎产业园。"), "firm")
    assert {"比亚迪", "宁德时代", "贵州轮胎"} <= set(firms)
    assert firms["比亚迪"]["role"] == "target" and firms["贵州轮胎"]["role"] == "local"
    plain = of_type(records("推动太阳能发电发展，依托岭南文化地标建设街区。"), "firm")
    assert not {"太阳能", "岭南"} & set(plain)


def test_a_user_adds_firm_names_for_recognition():
    """A name the gazetteer lacks is recognised once the user adds it (as kg build does with
    the firms of its registries)."""
    from kg.loaders import extract_known
    text = "园区依托澜舟微电子建设芯片基地。"
    try:
        assert "澜舟微电子" not in of_type(records(text), "firm")
        extract_known.add_known_firms(["澜舟微电子"])
        assert "澜舟微电子" in of_type(records(text), "firm")
    finally:
        extract_known.reset()


def test_registry_short_names_are_known_while_documents_are_read(tmp_path):
    """kg build reads the registries first; their firms' short names are then recognised
    in the documents (and linked to the registry firm), and forgotten afterwards."""
    from kg.build import build_graph
    from kg.loaders import extract_known
    registry = tmp_path / "firms.csv"
    registry.write_text("企业名称,证券简称\n澜舟微电子股份有限公司,澜舟微电子\n", encoding="utf-8")
    doc = tmp_path / "plan.txt"
    doc.write_text("许昌高新区依托澜舟微电子建设芯片基地。\n", encoding="utf-8")
    graph = build_graph([doc], [registry]).graph
    firm = graph.find("澜舟微电子", "Firm")
    assert firm == "Firm/澜舟微电子股份有限公司"
    assert {"doc": "plan.txt", "quote": "澜舟微电子"}.items() <= graph.node(firm)["sources"][-1].items()
    assert "澜舟微电子" not in extract_known.known_firms()


def test_a_works_named_after_a_known_firm_names_the_firm():
    """A listed project 隆基绿能光伏产业园 opens with a listed firm; a laboratory named like
    one does not."""
    firms = of_type(records("推动隆基绿能光伏产业园、星河新能源变速箱等项目建设。"
                            "深度融入神农种业实验室建设。"), "firm")
    assert "隆基绿能" in firms and "神农种业" not in firms


def test_a_known_firm_after_the_place_of_a_works_name():
    """肇庆宁德时代二阶段工程: the firm follows the place that opens the works name."""
    firms = of_type(records("加快许昌宁德时代二期工程、星河新能源变速箱等项目建设。"), "firm")
    assert "宁德时代" in firms


def test_project_list_items_named_by_their_firm():
    """In a list of projects, an item that is a firm's works (a place before its 字号, or a
    product after it) is a project and yields the firm; a bare 字号 stays a firm."""
    rows = records("今年开工建设星驰高端轴承、宜宾恒锐、蓝格等一批重大项目。")
    projects, firms = of_type(rows, "project"), of_type(rows, "firm")
    assert "星驰高端轴承" in projects and "星驰" in firms
    assert "宜宾恒锐" in projects and not {"宜宾恒锐", "宜宾"} & set(firms)
    assert "蓝格" in firms and "蓝格" not in projects


def test_route_project_yields_no_firm():
    """A line named by its two ends (甲至乙) is a project; neither end is a firm."""
    rows = records("加快建设临泉至界首、涡阳至蒙城等高速公路项目。")
    assert not {"临泉", "涡阳", "临泉至界首"} & set(of_type(rows, "firm"))


def test_public_services_are_not_platforms():
    """Medical and rescue centres, employment services and government financing vehicles
    are public services (left out by the gold schema); a research centre beside them stays."""
    rows = records("该市建成华东区域应急救援中心和省级医学中心，整合市属国有融资平台，"
                   "设立星海新材料研究院。")
    platforms = set(of_type(rows, "platform"))
    assert "星海新材料研究院" in platforms
    assert not any(w in p for p in platforms for w in ("救援", "医学", "融资"))


def test_upgrade_verb_and_count_filler_are_not_part_of_a_platform():
    rows = records("迭代升级云上企业服务平台，布局建设20家左右星海智能制造实验室。")
    platforms = set(of_type(rows, "platform"))
    assert "云上企业服务平台" in platforms
    assert not any(p.startswith(("升级", "迭代", "左右")) for p in platforms)


def test_transport_works_and_their_sections_are_projects():
    """Kinds of works (avenues, pipelines, navigation hubs, ports of entry) and a named
    section of a line are projects where the sentence builds them; 分段 is no section."""
    rows = records("加快建设青禾大道、安平天然气长输管道和澄溪航电枢纽，"
                   "沪宁高铁常州至无锡段、渠阳高速东山段建成通车，柳湾高铁分段开通。")
    projects = set(of_type(rows, "project"))
    assert {"青禾大道", "安平天然气长输管道", "澄溪航电枢纽", "沪宁高铁常州至无锡段",
            "渠阳高速东山段"} <= projects
    assert "柳湾高铁" in projects and "柳湾高铁分段" not in projects


def test_industry_lists_closed_by_cluster_or_growth_point():
    """等…集群, 等国家级产业集群 and 等新增长点 head lists of industries."""
    rows = records("推动海工装备、智能家电等集群发展，做强光学镜头、特种纸等国家级产业集群，"
                   "积极培育低空物流、氢能重卡等新增长点。")
    industries = set(of_type(rows, "industry"))
    assert {"海工装备", "智能家电", "光学镜头", "特种纸", "低空物流", "氢能重卡"} <= industries


def test_whole_chain_list_develops_industries_but_covering_list_is_links():
    rows = records("推动光伏玻璃、储能电池全产业链发展。")
    assert {"光伏玻璃", "储能电池"} <= set(of_type(rows, "industry"))
    rows = records("形成覆盖硅料、硅片、电池片的全产业链。")
    assert not {"硅料", "硅片"} & set(of_type(rows, "industry"))


def test_firms_named_by_group_or_company_form():
    """字号 + 集团/公司 is a firm (a legal form); a kind of firm (跨国公司, 医疗集团) is not; a
    firm named after the document's own province is local."""
    rows = records("江西省南昌市加快发展。江西铜业物流集团营收突破百亿元，新组建省黔茶集团、"
                   "省数产集团，支持跨国公司设立总部，推进紧密型医疗集团建设。")
    firms = of_type(rows, "firm")
    assert {"江西铜业物流集团", "省黔茶集团", "省数产集团"} <= set(firms)
    assert not {"跨国公司", "医疗集团", "紧密型医疗集团"} & set(firms)
    assert firms["江西铜业物流集团"]["role"] == "local"


def test_known_firm_opening_a_works_name_is_not_a_common_word():
    """中国联通 opens with the common word 中国, yet a known firm names its own works."""
    rows = records("中国联通数据中心已建成投用。")
    assert "中国联通数据中心" in of_type(rows, "project")
    assert "中国联通" in of_type(rows, "firm")


def test_indexes_and_city_roles_are_not_platforms():
    """An index is a statistic and 西部金融中心-type designations are roles of a place."""
    rows = records("建设东南亚区域合作中心和国际消费中心，发布创新活力指数，组建澄湖数字研究院。")
    platforms = set(of_type(rows, "platform"))
    assert "澄湖数字研究院" in platforms
    assert not any(p.endswith(("指数", "合作中心", "消费中心")) for p in platforms)


def test_a_county_written_short_is_no_firm():
    """招远一期-type works are named by their county (招远市 written 招远), not by a firm;
    a firm whose short name is also a county's (吉利, 吉利区) stays a firm in a firm list."""
    rows = records("开工蓬莱一期、龙口二期等核电项目。")
    firms = set(of_type(rows, "firm"))
    assert not {"蓬莱", "龙口"} & firms
    rows = records("吸引了沃尔沃亚太、吉利等30余家整车企业参展。")
    assert "吉利" in of_type(rows, "firm")


def test_fields_before_leading_firms_are_not_firms():
    """甲、乙等领域的龙头企业: the items are fields; 甲、乙等行业龙头企业: the items are firms."""
    rows = records("引进精密铸造、液压传动等领域的龙头企业。引进澜沧重工、博岳电子等行业龙头企业。")
    firms = set(of_type(rows, "firm"))
    assert not {"精密铸造", "液压传动"} & firms
    assert {"澜沧重工", "博岳电子"} <= firms


def test_ordinary_phrases_in_a_project_list_are_neither_firms_nor_projects():
    """滨海旅游、智慧物流等项目 names kinds of project (ordinary words only); 华为科技,
    卧龙集团-type items (字号 + trade word or legal form) stay firms even when the 字号 is a
    common word."""
    rows = records("科学布局滨海旅游、智慧物流、光明科技、卧龙集团等项目。")
    firms, projects = set(of_type(rows, "firm")), set(of_type(rows, "project"))
    assert not {"滨海旅游", "智慧物流"} & (firms | projects)
    assert {"光明科技", "卧龙集团"} <= firms


def test_industry_phrases_do_not_run_over_verbs_risks_or_fillers():
    rows = records("切实防范化解金融领域风险。紧盯产业需求强攻关。精准拆弹控风险。"
                   "在做强临港经济上下功夫、求实效。新建10个左右制造业创新中心。"
                   "更大力度发展茶旅产业。")
    industries = set(of_type(rows, "industry"))
    assert not any(("风险" in n or "防范" in n or "功夫" in n or "实效" in n
                    or n.startswith(("紧盯", "左右", "度")) for n in industries)), industries
    assert "茶旅" in industries


def test_zone_named_after_a_district_written_short():
    """璧山工业园区: a district written without 区 names the park, so it is a zone; the
    short county name 滨海 stays an ordinary word elsewhere."""
    rows = records("璧山工业园区获批国家级经济技术开发区。")
    assert "璧山工业园区" in of_type(rows, "zone")


def test_catalogue_zone_and_the_zone_a_park_lies_in():
    """A zone of the shipped catalogue is a zone however generic its core (两江新区); a
    park named inside a new area yields the new area too."""
    rows = records("做优做强两江新区等开放平台。签约仪式在遂宁临港新区北部产业园举行。")
    zones = set(of_type(rows, "zone"))
    assert "两江新区" in zones or "重庆两江新区" in zones
    assert {"遂宁临港新区", "遂宁临港新区北部产业园"} <= zones


def test_fields_named_for_safety_or_combination_are_not_industries():
    rows = records("聚焦渔船、仓储、燃气等重点行业领域，开展隐患排查整治。"
                   "做好文旅与体育、康养等领域的结合文章。完善珠澳经济特别合作区管理体制。"
                   "聚焦智能网联汽车、工业母机等重点产业领域，加快培育壮大。")
    industries = set(of_type(rows, "industry"))
    assert not {"渔船", "仓储", "燃气", "康养", "珠澳经济"} & industries, industries
    assert {"智能网联汽车", "工业母机"} <= industries


def test_industry_of_a_designated_cluster():
    """The industry of 国家先进制造业集群-type designations is what the places precede."""
    rows = records("园区申创江苏省高端医疗器械先进制造业集群获批。"
                   "无锡市集成电路集群入选国家先进制造业集群。")
    industries = set(of_type(rows, "industry"))
    assert {"高端医疗器械", "集成电路"} <= industries, industries


def test_trades_measured_by_revenue_or_steady_output():
    rows = records("碳纤维材料产值保持两位数增长,工业软件主营业务收入预计增长12%。")
    assert {"碳纤维材料", "工业软件"} <= set(of_type(rows, "industry"))


def test_fields_before_a_platform_head_are_not_platforms():
    """生物制造、绿色农药等省实验室: the items are the fields the labs are named by."""
    rows = records("启动建设生物制造、绿色农药等省实验室。")
    assert not {"生物制造", "绿色农药"} & set(of_type(rows, "platform"))


def test_navigation_bar_names_nothing():
    rows = records("中国装备资讯网 资讯中心 动态 专题\n星海高新区产值创新高。\n")
    assert not of_type(rows, "platform")


def test_overlapping_boundary_words_and_counted_kinds():
    """集聚|集成电路 is not 聚集|成电路; 上千个小镇 is a count of a kind, no zone."""
    rows = records("园区已集聚集成电路产业规上企业80家。全国兴起上千个小镇。")
    assert "集成电路" in of_type(rows, "industry")
    assert not of_type(rows, "zone")


def test_rank_before_its_industries():
    """主导产业为甲、乙和丙 / 新兴产业主要包括甲、乙等: the rank first, then the list."""
    rows = records("园区主导产业为光学镜头、特种纸和海工装备。新兴产业主要包括低空物流、合成生物等。")
    industries = of_type(rows, "industry")
    assert {industries[n]["role"] for n in ("光学镜头", "特种纸", "海工装备")} == {"leading"}
    assert {industries[n]["role"] for n in ("低空物流", "合成生物")} == {"emerging"}


def test_project_with_investment_after_and_its_firm_before_the_place():
    """…基地二期项目,总投资50亿元: a stated investment makes a named project; 字号 + trade
    word before the works' place (远景汽车|湖州基地) is its firm, however ordinary the 字号."""
    rows = records("园区签约落地远景汽车湖州基地二期项目,总投资50亿元。")
    projects, firms = of_type(rows, "project"), of_type(rows, "firm")
    assert projects["远景汽车湖州基地二期项目"]["investment"] == "50亿元"
    assert "远景汽车" in firms


def test_place_and_trade_word_are_no_firm():
    """秀洲区科技孵化器 is named by its district and field: 秀洲区科技 is no firm."""
    rows = records("秀洲区科技孵化器加快建设。")
    assert "秀洲区科技孵化器" in of_type(rows, "platform")
    assert not of_type(rows, "firm")


def test_rank_after_its_industries_without_yi_and_builder_role():
    rows = records("海工装备已成为园区首位产业，光学镜头及配件、特种纸为两大主导产业。"
                   "该项目由澜沧控股有限公司投资建设。")
    industries = of_type(rows, "industry")
    assert {industries[n]["role"] for n in ("海工装备", "光学镜头及配件", "特种纸")} == {"leading"}
    assert of_type(rows, "firm")["澜沧控股有限公司"]["role"] == "local"


def test_works_of_a_known_firm_is_a_project():
    """A works name led by a known (listed) firm is a project where the sentence builds it."""
    rows = records("比亚迪高端电池产业化项目开工建设。")
    assert "比亚迪高端电池产业化项目" in of_type(rows, "project")
    assert "比亚迪" in of_type(rows, "firm")


def test_list_after_a_count_of_projects_names_projects():
    rows = records("今年新开工项目86个,包括澜沧重工新能源装备基地、星澈光电显示模组产业化项目等。")
    projects = set(of_type(rows, "project"))
    assert {"澜沧重工新能源装备基地", "星澈光电显示模组产业化项目"} <= projects


def test_a_known_firms_base_is_a_project():
    rows = records("建成比亚迪动力电池抚州基地,推动宁德时代宜宾基地二期投产。")
    projects = set(of_type(rows, "project"))
    assert {"比亚迪动力电池抚州基地", "宁德时代宜宾基地二期"} <= projects
    assert {"比亚迪", "宁德时代"} <= set(of_type(rows, "firm"))


def test_latin_short_name_in_brackets_is_not_part_of_the_name():
    """…产业园(BioPark) ends at 产业园; a bracketed place (深圳) stays in a name; the
    industrial park a park's name opens with is a zone too."""
    rows = records("昆山工业园区生物医药产业园(BioPark)已集聚企业300余家。哈尔滨工业大学(深圳)加快建设。")
    zones = set(of_type(rows, "zone"))
    assert {"昆山工业园区生物医药产业园", "昆山工业园区"} <= zones
    assert "哈尔滨工业大学(深圳)" in of_type(rows, "platform")


def test_guiding_verb_governs_a_firm_but_names_a_guidance_fund():
    rows = records("引导澜沧集团做大做强。设立星海市创业投资引导基金。")
    assert "澜沧集团" in of_type(rows, "firm")
    assert "星海市创业投资引导基金" in of_type(rows, "platform")


def test_firm_named_after_its_rank_noun():
    rows = records("支持本地企业天马微电子扩产。链主企业星澈科技牵头组建创新联合体。龙头企业以并购拓展市场。")
    firms = of_type(rows, "firm")
    assert {"天马微电子", "星澈科技"} <= set(firms)
    assert firms["天马微电子"]["role"] == "local"
    assert not any(n.startswith("以") for n in firms)


def test_partner_formed_like_a_firm():
    """与星澈科技签署…: a partner formed like a firm (字号 + trade word) is a target firm;
    与 between two fields names none."""
    rows = records("园区与星澈科技签署战略合作协议。推动文化与旅游合作发展。")
    firms = of_type(rows, "firm")
    assert firms["星澈科技"]["role"] == "target"
    assert set(firms) == {"星澈科技"}


@pytest.mark.parametrize("sentence, name", [
    # the industry the text writes between the links and 产业链
    ("打造“晶圆—封装—测试”的集成电路产业链。", "集成电路"),
    ("围绕矿石→冶炼→精深加工完善铜产业链。", "铜"),
    # written right before the links, after the verbs that govern them
    ("加快构建光伏“硅料—硅片—电池片—组件”全产业链。", "光伏"),
    ("着力形成无人机“研发设计—整机制造—运营服务”产业链。", "无人机"),
    ("推动储能“电芯—变流器—系统集成”产业链发展。", "储能"),
    # the one industry the sentence names before the chain
    ("培育壮大低空经济,构建“材料—零部件—整机—运营”全产业链。", "低空经济"),
    ("全市重点发展新型储能产业,上游发展正极材料、负极材料,中游发展储能电芯,下游发展储能电站。",
     "新型储能"),
    # the word most links share
    ("推动钠离子电池材料、钠离子电池、钠离子电池系统全产业链发展。", "钠离子电池"),
])
def test_a_chain_is_named_by_the_industry_the_text_gives_it(sentence, name):
    """Never a placeholder: the chain's industry is read where a reader finds it."""
    chains = [r["name"] for r in records(sentence) if r["type"] == "chain"]
    assert chains == [name]


def test_a_chain_no_industry_names_is_named_by_its_links_and_makes_no_industry():
    """With no industry anywhere, two such chains stay two chains (a shared placeholder such
    as 产业 merged them into one) and neither becomes an Industry that develops a chain; each is
    named by its ends (stages such as 原料, 中间体, 零部件 tell no template)."""
    from kg.graph import KnowledgeGraph
    from kg.loaders.graph_facts import to_facts

    graph = KnowledgeGraph()
    for n, text in enumerate(("基地已构建“原料—中间体—成品”协同体系。",
                              "园区已形成“整车—零部件—后市场”发展格局。")):
        graph.add_facts(to_facts(extract_text(text, f"t{n}.txt")))
    chains = sorted(data["name"] for _, data in graph.nodes("Chain"))
    assert chains == ["原料—成品", "整车—后市场"]
    assert not [data for _, data in graph.nodes("Industry")]


def _firm_industries(text):
    return {r["name"]: r.get("industry") for r in records(text) if r["type"] == "firm"}


def test_a_field_a_sentence_opens_on_lasts_to_the_end_of_its_paragraph():
    """在X方面,… sets the field of its paragraph, not of the rest of the document (a report's
    困难群众帮扶方面 became the industry of every firm named pages later)."""
    found = _firm_industries("在新能源汽车方面,大力引进比亚迪股份有限公司。同时对接宁德时代新能源科技股份有限公司。\n"
                             "园区与华为技术有限公司签约建设区域总部。")
    assert found["比亚迪股份有限公司"] == "新能源汽车"
    assert found["宁德时代新能源科技股份有限公司"] == "新能源汽车"
    assert not found["华为技术有限公司"]


def test_a_field_written_as_the_object_of_a_verb_is_no_topic():
    found = _firm_industries("扩大专项债券投向领域,支持中国建筑股份有限公司参与项目建设。")
    assert not found["中国建筑股份有限公司"]


def test_a_heading_that_states_something_is_no_field_and_one_that_names_a_field_is():
    """外贸外资结构向优。 (a statement: a preposition in it) sets no field; 氢能与储能。 does,
    for its section, across the sub-heading that names none."""
    found = _firm_industries("外贸外资结构向优。\n引进沃尔玛百货有限公司。")
    assert not found["沃尔玛百货有限公司"]
    found = _firm_industries("氢能与储能。\n大力引进亿华通科技股份有限公司。\n1.发展目标\n"
                             "对接国家电网有限公司。")
    assert found["亿华通科技股份有限公司"] == "氢能与储能"
    assert found["国家电网有限公司"] == "氢能与储能"


@pytest.mark.parametrize("sentence, name", [
    ("同时对接宁德时代新能源科技股份有限公司。", "宁德时代新能源科技股份有限公司"),   # 对 of 对接
    ("园区与华为技术有限公司签约建设区域总部。", "华为技术有限公司"),               # 为 of 华为
    ("高新区和深圳市大疆创新科技有限公司签署协议。", "深圳市大疆创新科技有限公司"),
    ("项目由中国建筑第八工程局有限公司承建。", "中国建筑第八工程局有限公司"),
])
def test_a_full_name_starts_after_the_word_before_it_not_inside_a_word(sentence, name):
    """A one-character word (与, 和, 由, 对 …) bounds a full name only where it is a word
    of its own: the 为 of 华为 and the 对 of 对接 are parts of words."""
    assert [r["name"] for r in records(sentence) if r["type"] == "firm"] == [name]


def test_a_zone_before_a_product_word_opening_with_works_is_still_a_zone():
    """工程 ends a zone's works (开发区|工程), but 工程机械 is a product: the title's zone is the
    document's subject, and its firms are located there."""
    ex = extract_text("徐州经开区工程机械营收再创新高\n园区内企业先后引进星河重工等企业。\n", "n.txt")
    assert ex.subject == ("Zone", "徐州经开区")


def test_a_sentence_opening_on_a_slogan_of_effort_names_no_industry():
    """引大育强方面, (a verb first: an effort) is no industry; 装备制造方面, is."""
    rows = records("引大育强方面,新签约项目12个。装备制造方面,新增规上企业8家。")
    assert [r["name"] for r in rows if r["type"] == "industry"] == ["装备制造"]


def test_a_news_item_about_a_zone_named_after_no_place_is_the_zones():
    """A zone named without its city (云湖新区: its readers know where it is) that the text
    names at least as often as the city is the text's subject; a text about the city that
    names such a zone once stays the city's."""
    zone = extract_text("记者从云湖新区商务局获悉,今年新区引进星河智能科技有限公司等企业12家。\n"
                        "云湖新区将加快建设智能装备产业园,宜昌市有关部门表示全力支持。", "a.txt")
    assert zone.subject == ("Zone", "云湖新区")
    city = extract_text("记者从宜昌市商务局获悉,宜昌市今年引进星河智能科技有限公司等企业12家。\n"
                        "云湖新区将加快建设智能装备产业园,宜昌市有关部门表示全力支持。", "b.txt")
    assert city.subject == ("Region", "宜昌市")


def test_a_zone_is_found_by_its_catalogue_name_and_lies_in_the_catalogues_city():
    """A text writes 两江新区; planners write 重庆两江新区 (the zone catalogue's name): the
    zone holds it as an alias, so `kg zone` and the named queries find it. Its region is
    the catalogue's, not the city the text names most (贵安新区 in a text about firms from
    深圳 lay in 深圳市)."""
    from kg.graph import KnowledgeGraph
    from kg.loaders.graph_facts import to_facts
    from kg.queries.common import place

    graph = KnowledgeGraph()
    graph.add_facts(to_facts(extract_text(
        "来自深圳市的星河智能科技有限公司落户贵安新区。贵安新区已引进数据中心项目12个。", "a.txt")))
    zone = place(graph, "贵州贵安新区")
    assert zone == place(graph, "贵安新区")
    assert [graph.node(r)["name"] for r in graph.out(zone, "IN_REGION")] == ["贵阳市"]
    uncatalogued = KnowledgeGraph()  # a zone the catalogue does not hold gets no other name
    uncatalogued.add_facts(to_facts(extract_text("云湖新区今年引进星河智能科技有限公司。", "b.txt")))
    assert [data["aliases"] for _, data in uncatalogued.nodes("Zone")] == [[]]


@pytest.mark.parametrize("sentence, zone", [
    ("云湖智能装备产业园开园。", "云湖智能装备产业园"),   # 开园: the park opens, no longer name
    ("滨江科学城开城!", "滨江科学城"),
])
def test_a_park_that_opens_is_named_before_its_opening(sentence, zone):
    assert [r["name"] for r in records(sentence) if r["type"] == "zone"] == [zone]


def test_a_bare_zone_kind_in_a_province_text_is_the_city_zone_it_names():
    """A text placed in a province (its cities named only inside zone names) that says 高新区
    means the city's zone it names (南昌高新区), never a zone made of the province's name."""
    ex = extract_text("江西省推进开发区改革创新。南昌高新区今年引进星河智能科技有限公司。"
                      "高新区还建成科技企业孵化器3家。", "a.txt")
    assert ex.home_zone == "南昌高新区"
    assert "江西高新区" not in {e.name for e in ex.entities if e.label == "Zone"}


def test_local_firms_of_a_sentence_that_opens_on_a_zone_are_that_zones():
    """A city text's sentence that opens on one of its zones (据介绍,云湖新区…先后落户这里)
    places its local firms in that zone, more precisely than in the city."""
    from kg.loaders.graph_facts import to_facts

    text = ("新乡市加快推进先进制造业高质量发展。\n"
            "据介绍,云湖新区以智能装备企业为主,近年来,星河智能科技有限公司、蓝海电子有限公司"
            "等企业先后落户这里。\n新乡市还培育了银河精密机械有限公司等一批骨干企业。")
    ex = extract_text(text, "a.txt")
    located = {(f.src.name, f.dst.name) for f in to_facts(ex)
               if getattr(f, "rel", None) == "LOCATED_IN" and f.src.label == "Firm"}
    assert ("星河智能科技有限公司", "云湖新区") in located
    assert ("蓝海电子有限公司", "云湖新区") in located
    assert ("银河精密机械有限公司", "新乡市") in located
    zones = {r["name"]: r.get("zone") for r in to_records(ex) if r["type"] == "firm"}
    assert zones["星河智能科技有限公司"] == "云湖新区" and not zones["银河精密机械有限公司"]


@pytest.mark.parametrize("text, firms, trade", [
    ("苏州已形成以甲芯微电子、乙晶半导体等为龙头的晶圆制造业、以丙设计等为引领的设计业。",
     ["甲芯微电子", "乙晶半导体"], "晶圆制造"),
    ("在整车方面，以星途汽车为代表的整车企业建成智能工厂。", ["星途汽车"], "整车"),
    ("园区先后引进甲能科技、乙源动力等一批储能电池领域企业。", ["甲能科技", "乙源动力"], "储能电池"),
    ("目前已落地甲翼汽车、乙途汽车2家新能源汽车企业。", ["甲翼汽车", "乙途汽车"], "新能源汽车"),
])
def test_a_list_headed_by_its_trade_gives_its_firms_that_industry(text, firms, trade):
    """以…为龙头的X业, …为代表的X企业, …等一批X领域企业, N家X企业: the firms are in X."""
    found = {r["name"]: r.get("industry") for r in records(text) if r["type"] == "firm"}
    assert {name: found.get(name) for name in firms} == {name: trade for name in firms}


@pytest.mark.parametrize("text", [
    "支持甲星集团、乙华化工等骨干企业做大做强。",
    "引进甲瑞科技、乙盛股份等世界500强企业。",
    "培育甲创科技、乙新材料等专精特新企业。",
    "引进甲美、乙尔等知名品牌企业。",
])
def test_a_list_headed_by_a_rank_or_designation_names_no_trade(text):
    """骨干企业, 500强企业, 专精特新企业, 品牌企业 say how good or how big, not what is made."""
    rows = [r for r in records(text) if r["type"] == "firm"]
    assert rows and not any(r.get("industry") for r in rows)


def test_a_bylines_newspaper_is_not_what_the_news_is_about():
    """来源:湖北日报 in the dateline names the publisher's province, not the subject: the local
    firms of the story are the city's its body names."""
    text = ("星河动力电池项目正式投产\n"
            "2024-03-08 09:12 来源:湖北日报 编辑:王五\n"
            "3月7日,星河动力电池项目投产仪式在荆门高新区举行。\n"
            "目前,荆门高新区已落地甲锂科技、乙能新材料等电池企业。\n")
    ex = extract_text(text, "news.txt")
    assert ex.subject == ("Zone", "荆门高新区")
    local = {r["name"]: r.get("zone") for r in to_records(ex) if r["type"] == "firm"}
    assert local == {"甲锂科技": "荆门高新区", "乙能新材料": "荆门高新区"}


def test_a_new_area_answers_to_its_own_name():
    """宜宾三江新区 is found as 三江新区 (a new area goes by its own name); 郑州高新区 does not
    answer to the bare 高新区 of every city."""
    from kg.graph import KnowledgeGraph
    from kg.loaders.graph_facts import to_facts

    g = KnowledgeGraph()
    g.add_facts(to_facts(extract_text("宜宾三江新区和郑州高新区都在发展动力电池产业。", "a.txt")))
    assert g.node(g.find("三江新区", "Zone"))["name"] == "宜宾三江新区"
    assert "高新区" not in g.node(g.find("郑州高新区", "Zone"))["aliases"]


def test_a_pages_list_of_other_stories_is_not_the_article():
    """After 相关阅读 a page lists other stories: their places and firms are not the text's
    (and do not outnumber the zone the article is about)."""
    text = ("柳南新区，重任在肩。按照行动计划，柳南新区要在2025年实现工业产值突破千亿元。\n"
            "柳南新区将依托甲汽车电子等龙头企业，引进发展汽车电子产业。\n"
            "相关阅读\n"
            "武汉市新能源汽车推广成效显著。武汉市引进乙动力科技有限公司。武汉市，故乡情。\n")
    ex = extract_text(text, "news.txt")
    assert ex.subject == ("Zone", "柳南新区")
    names = {r["name"] for r in to_records(ex)}
    assert "甲汽车电子" in names and not any("乙动力" in n or "武汉" in n for n in names)


@pytest.mark.parametrize("text, not_industry", [
    ("所谓链式改造，是指由制造业龙头企业牵头建设数字平台。", "指由制造业"),
    ("因地制宜布局技术密集型产业，支持灵活就业。", "技术密集型"),
    ("加快发展生物医药等高成长性产业。", "高成长性"),
])
def test_a_kind_a_property_or_a_clause_names_no_industry(text, not_industry):
    """劳动密集型/高成长性 say what sort of industry, 是指由… is a clause: none is a trade,
    while the trade beside them still is."""
    names = {r["name"] for r in records(text) if r["type"] == "industry"}
    assert not_industry not in names
    assert not any(n.endswith(("型", "性")) or "由" in n for n in names)


def test_a_making_trade_beside_a_service_is_no_service():
    """推动先进制造业和现代服务业深度融合: 服务业 is the service, 先进制造业 is not one."""
    roles = {r["name"]: r["role"] for r in records("推动先进制造业、现代服务业深度融合。")
             if r["type"] == "industry"}
    assert roles.get("现代服务业") == "service" and roles.get("先进制造业") != "service"


def test_a_lists_own_head_gives_its_items_their_role():
    """甲、乙等主导产业 are leading and 丙、丁等战略性新兴产业 emerging, whatever section they
    stand in."""
    roles = {r["name"]: r["role"] for r in records(
        "园区将围绕光电信息、精密仪器等主导产业，布局合成生物、商业航天等战略性新兴产业。")
        if r["type"] == "industry"}
    assert roles.get("光电信息") == "leading" and roles.get("精密仪器") == "leading"
    assert roles.get("合成生物") == "emerging" and roles.get("商业航天") == "emerging"


def _located(text: str) -> dict:
    """{name: place} of the LOCATED_IN facts of projects and firms read from ``text``."""
    from kg.loaders.graph_facts import to_facts

    return {f.src.name: f.dst.name for f in to_facts(extract_text(text, "a.txt"))
            if getattr(f, "rel", None) == "LOCATED_IN" and f.src.label in ("Project", "Firm")}


def test_a_province_reports_works_lie_in_the_city_they_are_written_with():
    """A province's report writes its cities' works and firms with the city first (洛阳|…电站
    项目, 郑州|宇通客车): they lie in that city, which lies in the province; a route joins
    places and stays the province's, and so does a work of no place."""
    located = _located(
        "河南省政府工作报告\n河南省加快洛阳星河储能电站项目、开封至周口高速、郑州云湖数据中心项目"
        "建设，支持郑州宇通客车、洛阳中信重工等企业扩大产能。河南省加快云湖数据中心项目建设。")
    assert located["洛阳星河储能电站项目"] == "洛阳市"
    assert located["郑州云湖数据中心项目"] == "郑州市"
    assert located["郑州宇通客车"] == "郑州市" and located["洛阳中信重工"] == "洛阳市"
    # a firm named after its home town elsewhere, written after a city of the province
    assert _located("山东省政府工作报告\n山东省推进济宁宁德时代新能源电池等项目建设。"
                    )["宁德时代"] == "济宁市"
    assert located["开封至周口高速"] == "河南省"
    assert located["云湖数据中心项目"] == "河南省"


def test_a_zones_document_keeps_its_works_in_the_zone():
    """A zone's own document: a work named after the zone's city is the zone's (the zone
    is the more precise place), and a place outside the document's region moves nothing."""
    located = _located("郑州高新区2024年工作总结\n郑州高新区加快郑州云湖数据中心项目建设。"
                       "郑州高新区引进星河智能科技有限公司。")
    assert located["郑州云湖数据中心项目"] == "郑州高新区"


def test_a_province_reports_zone_of_no_place_lies_in_the_province():
    """A zone the catalogue does not hold and whose name has no place lies in the province
    the report is about, not in the city the report names most."""
    from kg.loaders.graph_facts import to_facts

    text = ("湖北省政府工作报告\n湖北省支持武汉、武汉、武汉加快发展。"
            "湖北省建设云湖智能装备产业园。")
    regions = {f.src.name: f.dst.name for f in to_facts(extract_text(text, "a.txt"))
               if getattr(f, "rel", None) == "IN_REGION"}
    assert regions.get("云湖智能装备产业园") == "湖北省"


def test_a_provinces_profile_lists_the_projects_of_its_cities():
    """kg zone 河南省 lists the works that lie in its cities; kg zone 洛阳市 its own."""
    from kg.graph import KnowledgeGraph
    from kg.loaders.graph_facts import to_facts
    from kg.queries import zone_profile

    graph = KnowledgeGraph()
    graph.add_facts(to_facts(extract_text(
        "河南省政府工作报告\n河南省加快洛阳星河储能电站项目、郑州云湖数据中心项目建设。", "a.txt")))
    for place, projects in (("河南省", ["洛阳星河储能电站项目", "郑州云湖数据中心项目"]),
                            ("洛阳市", ["洛阳星河储能电站项目"])):
        rows = {r["field"]: r["value"] for r in zone_profile(graph, place)}
        assert rows["projects"] == sorted(projects), place


@pytest.mark.parametrize("text", [
    "加快推进云湖水资源优化配置工程（含星河水库扩建）、滨江水资源一体化配置工程等前期工作。",
    "深入推进“星河强芯”、核心软件攻关、“璀璨计划”等工程。",
    "打响“云湖技工”“云湖家政”等劳务品牌。",
])
def test_no_name_keeps_a_quote_or_bracket_it_does_not_close(text):
    """A name cut out of a quoted or bracketed phrase drops the mark it does not close and
    the words that open a bracketed detail (含…); one left spanning two quoted names is none."""
    for row in records(text):
        name = row["name"]
        assert not name.startswith(("含", "包括")), name
        for open_, close in ("“”", "()", "（）"):
            assert name.count(open_) == name.count(close), name


def test_a_works_named_in_a_bracketed_detail_is_found_whole():
    names = {r["name"] for r in records(
        "加快推进云湖水资源优化配置工程（含星河水库扩建）建设。") if r["type"] == "project"}
    assert "星河水库扩建" in names


@pytest.mark.parametrize("title", ["河南省政府工作报告。", "云湖新区产业发展规划。", "关于加快发展低空经济的实施意见。"])
def test_a_documents_title_names_no_field(title):
    """A short line ending in a kind of document (报告, 规划, 意见 …) is the title, not a
    field heading: it is no industry, and the text's own industries still are."""
    rows = records(title + "\n大力发展新能源汽车产业。")
    names = {r["name"] for r in rows if r["type"] == "industry"}
    assert "新能源汽车" in names
    assert not any(n.endswith(("报告", "规划", "意见")) for n in names), names


@pytest.mark.parametrize("text, industry", [
    ("深入推进煤炭产业结构战略性调整。", "煤炭"),
    ("关键软件产业规模跃居全国首位。", "关键软件"),
])
def test_the_size_or_make_up_of_a_trade_names_the_trade(text, industry):
    assert industry in {r["name"] for r in records(text) if r["type"] == "industry"}


@pytest.mark.parametrize("text", ["全市产业规模突破千亿元。", "主导产业规模不断壮大。", "优化产业结构。",
                                  "战略性新兴产业规模达到1200亿元。", "高新区产业规模持续扩大。",
                                  "三大产业结构比例为5:40:55。"])
def test_the_size_or_make_up_of_industry_at_large_names_no_trade(text):
    assert not [r["name"] for r in records(text) if r["type"] == "industry"]


@pytest.mark.parametrize("text", ["推动“企业之家”服务向开发区等延伸。", "鼓励“星河云”平台向高新区拓展。"])
def test_a_quoted_name_before_a_preposition_makes_no_zone(text):
    """A quote closed before 向/对/在… does not carry a zone's name across the preposition
    (“企业之家”服务向开发区 is a service reaching the zones, no zone)."""
    assert not [r["name"] for r in records(text) if r["type"] == "zone"]


def test_a_quoted_zone_name_stays_whole():
    names = {r["name"] for r in records("建设“一带一路”国际合作示范区，推动中国(河南)自由贸易试验区"
                                        "郑州片区发展。") if r["type"] == "zone"}
    assert {"“一带一路”国际合作示范区", "中国(河南)自由贸易试验区郑州片区"} <= names


def test_a_rare_word_among_kinds_of_things_is_no_firm():
    """闲置厂房、土地、楼宇等…项目 lists kinds of assets: 楼宇 is rare in the dictionary, yet beside
    ordinary words it is one more kind, no firm; coined names listed before 项目 still are."""
    assert not [r for r in records("围绕闲置厂房、土地、楼宇等策划编制招商项目。") if r["type"] == "firm"]
    firms = {r["name"] for r in records("加快宏景、铁建重工等项目建设。") if r["type"] == "firm"}
    assert firms == {"宏景", "铁建重工"}


def test_a_listed_name_that_opens_with_quoted_words_keeps_them():
    """In a list, “一带一路”侨商大会 keeps its quoted words (they are the name's); items quoted
    whole (“星河”、“云湖”) still lose their marks."""
    rows = records("国际友城大会、“一带一路”侨商大会等成功举办。引进“星河”、“云湖”等企业。")
    assert "“一带一路”侨商大会" in {r["name"] for r in rows if r["type"] == "platform"}
    assert {"星河", "云湖"} <= {r["name"] for r in rows if r["type"] == "firm"}


def test_fields_before_a_trades_firms_are_no_firms():
    """芯片、机器人等新一代信息技术产业的上下游企业: the items are the field's products, the firms
    are the ones of that field (none named)."""
    rows = records("为芯片、机器人、物联网传感器等新一代信息技术产业的上下游企业提供服务。")
    assert not [r["name"] for r in rows if r["type"] == "firm"]


def test_firms_listed_before_a_trades_leaders_are_no_trades():
    """星河科技、云湖电子等新能源汽车产业的龙头企业: firms of the trade, not trades; the trade is."""
    rows = records("引进星河科技、云湖电子等新能源汽车产业的龙头企业。")
    assert {"星河科技", "云湖电子"} <= {r["name"] for r in rows if r["type"] == "firm"}
    assert {r["name"] for r in rows if r["type"] == "industry"} == {"新能源汽车"}


def test_a_firm_written_with_guoji_keeps_it_in_its_works():
    """正威国际|新材料项目: 字号 + 国际 is how such a firm is written; a place + 国际 (深圳国际会展
    中心) names no firm."""
    rows = records("总投资5亿元的正威国际新材料项目将提供服务。加快深圳国际会展中心二期建设。")
    assert {r["name"] for r in rows if r["type"] == "firm"} == {"正威国际"}


def test_an_event_joined_to_its_second_name_by_ji_is_the_first():
    """暨 joins a second name of the same occasion: when the part before it is a whole
    event's name (甲城产业大会), that is the event; a part that is no event by itself
    (中国·甲省合作暨技术转移大会) keeps the whole name."""
    rows = records("2024甲城产业大会暨乙城国际展览会于5月举行。积极参加中国·甲省合作暨技术转移大会等活动。")
    assert sorted(of_type(rows, "platform")) == ["中国·甲省合作暨技术转移大会", "甲城产业大会"]


def test_a_numbered_institute_of_a_group_is_one_platform():
    """甲电科38所 (a group's abbreviation and the number it gives its institute) is one
    research institute, not the firm its first two characters spell; a count of schools
    (新建高校13所、幼儿园60所) names nothing."""
    rows = records("以乙芯微电子、甲电科38所等为龙头,支持丙航科工二院建设。新建高校13所、幼儿园60所。")
    platforms = of_type(rows, "platform")
    assert sorted(platforms) == ["丙航科工二院", "甲电科38所"]
    assert platforms["甲电科38所"]["kind"] == "institute"
    assert not [n for n in of_type(rows, "firm") if n.startswith(("甲电", "丙航"))]


def test_tertiary_trades_and_economies_of_consuming_are_services():
    """An industry whose head is a tertiary trade (旅游, 物流: GB/T 4754 sections F–T) or an
    economy named by a way of consuming (银发经济) is a service unless the text ranks it; an
    economy of a domain (数字经济) stays other, a ranked one keeps its rank."""
    rows = records("甲市大力发展康养旅游、冷链物流、银发经济等新业态。壮大数字经济和海洋经济。"
                   "重点发展装备制造、文化旅游等主导产业。")
    roles = {name: row["role"] for name, row in of_type(rows, "industry").items()}
    assert roles == {"康养旅游": "service", "冷链物流": "service", "银发经济": "service",
                     "数字经济": "other", "海洋经济": "other", "装备制造": "leading",
                     "文化旅游": "leading"}


def test_a_section_on_traditional_industries_ranks_nothing():
    """传统产业 are the industries to upgrade, not leading ones; a section on them ends the
    previous section's rank (新兴产业 here) instead of carrying it on."""
    rows = records("（一）壮大新兴产业\n重点发展甲材料、乙芯片。\n"
                   "（二）提质发展传统产业\n推动冶金、建材产业改造升级。\n")
    roles = {name: row["role"] for name, row in of_type(rows, "industry").items()}
    assert roles == {"甲材料": "emerging", "乙芯片": "emerging", "冶金": "other", "建材": "other"}


def test_a_rank_in_running_text_lasts_to_its_paragraph_end():
    """主导产业 in a paragraph's opening words ranks that paragraph's industries; the next
    paragraph (肉牛、茶叶) is ranked by its own words or its section's heading, not by it."""
    rows = records("甲省做强主导产业，重点发展装备制造、新材料。\n加快培育肉牛、茶叶、辣椒等农业产业。\n")
    roles = {name: row["role"] for name, row in of_type(rows, "industry").items()}
    assert roles == {"装备制造": "leading", "新材料": "leading", "肉牛": "other", "茶叶": "other",
                     "辣椒": "other"}


def test_a_list_before_a_noun_that_projects_modify_names_no_projects():
    """…等项目建设资金: the phrase's last noun (资金) is its head, so the items are kinds of
    funding, not works; …等项目建设 / …等项目前期工作 still list projects."""
    rows = records("争取超长期特别国债、地方预算内投资等项目建设资金增长。加快甲乙铜冶炼、丙丁储能电站等项目建设。"
                   "做好戊己高铁、庚辛城际等项目前期工作。")
    projects = of_type(rows, "project")
    assert not {"超长期特别国债", "地方预算内投资"} & set(projects)
    assert {"甲乙铜冶炼", "丙丁储能电站", "戊己高铁", "庚辛城际"} <= set(projects)


def test_a_works_named_with_its_phases_listed_is_the_works():
    """桂平水资源配置工程一期、二期建设: both phases of one works are built, and the project is
    the works; a phase named alone (宣威电厂三期) stays that phase."""
    rows = records("加快桂平水资源配置工程一期、二期建设。推进宣威电厂三期建设。")
    assert {"桂平水资源配置工程", "宣威电厂三期"} <= set(of_type(rows, "project"))
    assert "桂平水资源配置工程一期" not in of_type(rows, "project")


def test_a_place_spelled_by_the_ends_of_other_words_is_no_region():
    """开放招商水平 spells 商水, 推广东营 spells 广东, 罗浮山县 spells 浮山县: a place's name
    that begins inside a word, or written short ends inside one, is no region; the same
    names standing as words are regions."""
    spelled = set(of_type(records("甲区开放招商水平提升，推广东营经验，建设罗浮山县镇村示范区。"),
                          "region"))
    assert not {"商水", "商水县", "广东", "广东省", "浮山县"} & spelled
    standing = set(of_type(records("支持商水县、东营市和广东省企业合作。"), "region"))
    assert {"商水县", "东营市", "广东省"} <= standing


def test_a_place_or_thing_word_is_no_firm_name():
    """A word the dictionary has as a place or a common noun (鄱阳湖区, 水务) is no firm's 字号
    at the head of a works or in a list of firms; a coined one (宏骏) is."""
    rows = records("加快鄱阳湖区重点圩堤一期建设。提高水务、农业、商贸等重组企业竞争力。"
                   "建成宏骏新材料二期项目。")
    firms = set(of_type(rows, "firm"))
    assert "宏骏" in firms and not {"鄱阳湖区", "水务"} & firms


def test_the_dictionary_word_for_a_kind_of_carrier_is_no_platform():
    """高峰论坛 alone is the word for a kind of meeting; 赣州稀土产业高峰论坛 names one."""
    platforms = set(of_type(records("成功举办高峰论坛。举办赣州稀土产业高峰论坛。"), "platform"))
    assert platforms == {"赣州稀土产业高峰论坛"}


def test_firms_named_by_the_works_built_here_are_local():
    """甲、乙等项目提速建设: a firm named as an item of a list of works being built is a
    local firm (GOLD-SCHEMA: firms whose projects are built there)."""
    firms = of_type(records("电子信息制造业集群加速发展，宏骏微电子、弗泰半导体等项目提速建设。"), "firm")
    assert {name: row["role"] for name, row in firms.items()} == {"宏骏微电子": "local",
                                                                  "弗泰半导体": "local"}


def test_a_places_industrial_cluster_is_a_leading_trade_named_whole():
    """赣州高新区稀土永磁产业集群产值…: the cluster's trade is 稀土永磁, ranked leading (a
    place's 产业集群 is a trade it has concentrated), and no name starts inside 高新区."""
    rows = records("赣州高新区稀土永磁产业集群产值突破百亿元。")
    roles = {name: row["role"] for name, row in of_type(rows, "industry").items()}
    assert roles == {"稀土永磁": "leading"}


def test_a_zone_before_manufacturing_is_where_it_is_not_a_trade():
    """郑州高新区制造业 and 辖区所有制造业 are manufacturing of a place, no trade of its own;
    装备制造业 is one."""
    rows = records("加快郑州高新区制造业数字化发展。对辖区所有制造业企业实施综合评价。壮大装备制造业。")
    assert set(of_type(rows, "industry")) == {"装备制造业"}


def test_a_level_of_government_is_no_industry():
    """市级|先进制造业集群: the level of the designation, no trade."""
    rows = records("设立市级先进制造业集群重点产业链。培育省级稀土永磁先进制造业集群。")
    assert not {"市级", "省级"} & set(of_type(rows, "industry"))


def test_policy_verbs_引育_and_发动_govern_names_and_compass_sites_are_no_firms():
    """引育 (引进培育) and 发动 govern what follows (引育|保险、证券等机构 lists kinds, 发动|千人
    植树大会战), but 发动机 stays inside a name; a site named by a compass point in a list
    of works (半岛北等海上风电项目) is no firm."""
    rows = records("积极引育保险、证券、风投等机构。发动千人植树大会战。"
                   "总投资2亿元的中德宏骏发动机零部件项目签约落地。开工半岛北等海上风电项目。")
    platforms, firms = of_type(rows, "platform"), of_type(rows, "firm")
    assert "引育保险" not in platforms and not [n for n in platforms if n.startswith("发动")]
    assert "中德宏骏发动机零部件项目" in of_type(rows, "project")
    assert "半岛北" not in firms


def test_a_group_running_into_a_known_firm_is_two_firms_and_numerals_name_firms():
    """五粮液集团泸州老窖 (no mark between) is two firms; 三一集团 is a firm though its 字号
    is numerals (a known firm's name before 集团 is no generic phrase)."""
    firms = set(of_type(records("五粮液集团泸州老窖等龙头企业率先复产。支持三一集团、九阳股份等企业扩产。"),
                        "firm"))
    assert {"五粮液集团", "泸州老窖", "三一集团", "九阳股份"} <= firms
    assert "五粮液集团泸州老窖" not in firms


def test_segments_and_tracks_of_a_trade_are_industries_not_firms():
    """甲、乙等板块 / 等赛道: the segments a plan divides a trade into are fields like 等领域
    (医用新材料 ends in a trade word, yet names no firm); a restructuring of a group's
    business segments (等板块业务整合) develops none of them."""
    rows = records("新材料产业重点推动碳纤维、医用新材料、金属新材料等板块提质扩量。"
                   "积极布局低空经济、商业航天等新赛道。推动建筑、酒店、类金融等板块业务整合。")
    assert not of_type(rows, "firm")
    assert {"碳纤维", "医用新材料", "金属新材料", "低空经济", "商业航天"} <= set(of_type(rows, "industry"))
    assert not {"建筑", "酒店", "类金融"} & set(of_type(rows, "industry"))


def test_a_governments_working_session_is_no_platform_and_its_zone_is_named():
    """2024年度某高新区总结表彰大会: the zone's own session of summing up and honouring is no
    event (GOLD-SCHEMA leaves government bodies out), 年度 belongs to the date, and the
    zone the session is named by is found; a contest of the zone is an event."""
    rows = records("1月9日,2024年度潍坊高新区总结表彰大会召开。全市招商引资工作会议召开。"
                   "2025年度潍坊高新区创新创业大赛启动。")
    assert set(of_type(rows, "platform")) == {"潍坊高新区创新创业大赛"}
    assert "潍坊高新区" in of_type(rows, "zone")


def test_slogan_verbs_and_pressing_verbs_make_no_names():
    """“找”项目 / “盯”项目: one quoted character is a slogan's verb, the phrase before it no
    firm; 力促 and 关注 govern what follows (力促|宏骏机器人…项目, 高度关注|行业协会)."""
    rows = records("精准出击“找”项目,坚韧不拔“盯”项目。力促宏骏机器人、弗泰新材料等一批项目实现突破。"
                   "通过高度关注行业协会动向拓宽渠道。")
    firms, projects = set(of_type(rows, "firm")), set(of_type(rows, "project"))
    assert not [n for n in projects if "“" in n] and not {"精准出击", "坚韧不拔"} & firms
    assert "宏骏机器人" in firms and not [n for n in firms if n.startswith("力促")]
    assert not [n for n in of_type(rows, "platform") if n.startswith("高度")]


def test_grasping_verbs_and_a_places_whole_economy_are_no_industries():
    """首抓工业、重抓制造业: a verb of grasping governs the fields; 我区经济 is the place's
    whole economy, no trade."""
    rows = records("以数字化为引领,首抓工业、重抓制造业。全力推动我区经济高质量发展。")
    names = set(of_type(rows, "industry"))
    assert not [n for n in names if "抓" in n or n.startswith("我区")]


def test_a_firm_opening_a_clause_on_its_output_is_local_and_no_trade():
    """宏骏电子建成投产 / 弗泰科技年均产值保持…增长: a firm's name opening a clause on its
    production is a local firm; its output measures no trade, and 高速增长 is no
    expressway; 扩产项目 is the works, not a firm's clause."""
    rows = records("电子产业加快发展,弗泰科技年均产值保持两位数高速增长,宏骏电子建成投产并实现上规。"
                   "宁德时代产值突破百亿元。加快宏骏高速建设。")
    firms = of_type(rows, "firm")
    assert {n: firms[n]["role"] for n in ("弗泰科技", "宏骏电子", "宁德时代")} == dict.fromkeys(
        ("弗泰科技", "宏骏电子", "宁德时代"), "local")
    assert not {"弗泰科技年均", "宁德时代"} & set(of_type(rows, "industry"))
    assert set(of_type(rows, "project")) == {"宏骏高速"}


def test_firms_taken_into_a_programme_are_local_and_firms_are_the_subject_of_a_verb():
    """甲、乙等5家企业纳入市…计划: taken into the place's programme, as 入选; 甲、乙等龙头企业
    构筑新能源产业集群: the firms are the head of the list, the verb after them governs the
    cluster, and 构筑 governs the trade's name."""
    rows = records("宏骏、弗泰等5家企业纳入市“倍增计划”。"
                   "统筹推进宏润、中广核等龙头企业构筑新能源产业集群。")
    firms = of_type(rows, "firm")
    assert {n: firms[n]["role"] for n in ("宏骏", "弗泰")} == {"宏骏": "local", "弗泰": "local"}
    assert {"宏润", "中广核"} <= set(firms) and "新能源" in of_type(rows, "industry")


def test_works_named_after_an_amount_or_a_firm_ending_in_的():
    """总投资150亿元宏骏磷酸铁锂项目: the amount is no part of the name; 芜湖美的…产业园项目:
    the 的 of 美的 ends a firm's name, no modifier; 2条…生产线 counts a kind of works; a
    place's kind of project (重庆市铜梁区重大招商项目) names none, a place's phase does."""
    rows = records("总投资150亿元宏骏磷酸铁锂项目已经签约。总投资50亿元的芜湖美的厨热家电产业园项目开工。"
                   "用时半年建成2条SMT贴片生产线。重庆市铜梁区重大招商项目集中签约。加快梅州二期建设。")
    projects = set(of_type(rows, "project"))
    assert {"宏骏磷酸铁锂项目", "芜湖美的厨热家电产业园项目", "梅州二期"} <= projects
    assert not [n for n in projects if "生产线" in n or "招商" in n]


def test_a_zone_lies_in_the_city_it_is_named_after_whatever_city_the_text_names():
    """长沙经开区 in a text about 常德市 and 岳阳市 lies in 长沙市 (the zone's own place, as
    the graph has it), not in the text's city."""
    rows = records("省领导带队到常德市、岳阳市开展调研。常德市工程机械企业将供应商引入长沙经开区。")
    assert of_type(rows, "zone")["长沙经开区"]["region"] == "长沙市"


def test_industries_of_a_line_opening_on_a_zone_are_that_zones():
    """An overview of several zones (甲新区：发展A、B。乙高新区：发展C): each line's trades are
    its zone's; a trade two lines name stays the document's (no one zone has it alone)."""
    from kg.loaders.graph_facts import to_facts
    text = ("各开发区规划重点如下,共同壮大新材料产业。\n宁波前湾新区:重点发展智能汽车、生物医药等产业。\n"
            "深圳高新区:布局量子科技、生物医药等未来产业。\n")
    rows = records(text)
    zone_of = {n: r.get("zone") for n, r in of_type(rows, "industry").items()}
    assert zone_of["智能汽车"] == "宁波前湾新区" and zone_of["量子科技"] == "深圳高新区"
    assert zone_of["生物医药"] == zone_of["新材料"]
    facts = list(to_facts(extract_text(text, "t.txt")))
    develops = {(f.src.name, f.dst.name) for f in facts if getattr(f, "rel", "") == "DEVELOPS"}
    assert {("深圳高新区", "量子科技"), ("宁波前湾新区", "智能汽车")} <= develops


def test_positions_on_a_chain_and_legal_forms_name_no_trade_or_zone():
    """甲、乙等上游产业: 上游/中游/下游 are positions on a chain, no trades; a firm's registered
    name before a zone's (宏骏科技有限公司楚雄高新区新能源产业…) ends at its legal form."""
    rows = records("重点发展单晶硅拉棒、切片等上游产业,配套发展石墨件、逆变器件等下游产业。"
                   "宏骏(武汉)科技有限公司楚雄高新区新能源产业投资建设项目加快建设。")
    industries = set(of_type(rows, "industry"))
    assert {"单晶硅拉棒", "逆变器件"} <= industries and not {"上游", "下游"} & industries
    assert not [n for n in industries if "公司" in n]
    assert not [n for n in of_type(rows, "zone") if "公司" in n]


def test_county_zones_written_short_are_zones_not_economies():
    """齐河经济开发区, 宜章经开区: a county written without 县 before a zone type names the
    zone; 平原|经济 before 开发区 is no economy."""
    rows = records("以齐河经济开发区、平原经济开发区和临邑经济开发区为组团。在宜章经开区新建偏光片基地。")
    zones = of_type(rows, "zone")
    assert {"齐河经济开发区", "平原经济开发区", "临邑经济开发区", "宜章经开区"} <= set(zones)
    assert zones["宜章经开区"]["region"] == "宜章县" and zones["齐河经济开发区"]["region"] == "齐河县"
    assert not [n for n in of_type(rows, "industry") if n.endswith("经济")]


def test_hiring_verbs_and_counts_of_people_end_names():
    """甲协会聘请四位专家为协会顾问: 聘请 governs people, a count of people (四位) is in no name."""
    rows = records("宏骏县光电产业协会聘请四位国家级专家教授为协会顾问。")
    assert set(of_type(rows, "platform")) == {"宏骏县光电产业协会"}


def test_works_named_by_a_chemical_or_material_product():
    """宏骏癸二酸、弗泰热熔胶等项目: works named by the compound or material they make are
    projects (a compound's class ends its name: 酸, 酯, 胶 …), not firms; a product alone
    (己二酸、聚酯等项目) names no project."""
    rows = records("开工宏骏癸二酸、弗泰热熔胶等项目。加快己二酸、聚酯等一批项目落地。")
    assert not {"宏骏癸二酸", "弗泰热熔胶", "己二酸", "聚酯"} & set(of_type(rows, "firm"))
    assert {"宏骏癸二酸", "弗泰热熔胶"} <= set(of_type(rows, "project"))
    assert not {"己二酸", "聚酯"} & set(of_type(rows, "project"))


def test_roads_power_and_water_works_are_named_by_places_not_firms():
    """成渝高速公路扩容, 理塘索绒光伏发电, 引大济岷等重大水利工程: public works are named by
    places and rivers, not by a firm's 字号; 宏骏|新材料 in a list of projects is the firm
    (a new-X trade word after its 字号), and 比亚迪半导体产业化 is the firm's line, no trade."""
    rows = records("提速实施成渝高速公路扩容、理塘索绒光伏发电等重大交通项目。开工建设引大济岷等重大水利工程。"
                   "推动中储粮、隆腾新材料等续建项目投产。推动比亚迪半导体产业化。")
    firms = set(of_type(rows, "firm"))
    assert not {"成渝", "理塘索绒", "引大济岷"} & firms
    assert {"成渝高速公路扩容", "理塘索绒光伏发电", "引大济岷"} <= set(of_type(rows, "project"))
    assert "隆腾新材料" in firms and "比亚迪半导体" not in of_type(rows, "industry")


def test_a_bare_zone_type_in_a_county_citys_text_is_the_named_zone():
    """恩施市 is written 恩施 before a zone type, though 恩施 alone is its prefecture's short
    name: a bare 高新区 in a text on 恩施市 that names 恩施高新区 is that zone, one entity."""
    text = ("近年来,恩施高新区加快发展富硒食品产业。宏骏公司是高新区引进的第一家上市企业,"
            "总部迁至恩施市,带动恩施市富硒产业发展。")
    extraction = extract_text(text, "t.txt")
    assert extraction.home_zone == "恩施高新区"
    assert [e.name for e in extraction.entities if e.label == "Zone"] == ["恩施高新区"]


def test_groups_with_coined_names_institutes_run_as_companies_and_kinds_of_firm():
    """由研祥集团投资…: a 字号 the dictionary knows neither whole nor in words is coined;
    但在集团内部 and 城投公司 name no firm (function words, a kind of firm); an institute run
    as a joint-stock company (…汽车工程研究院股份有限公司) is the institute, its 工程 no end."""
    rows = records("由宏祥集团投资30亿元设立西南基地。子公司独立于母公司,但在集团内部存在层级关系。"
                   "支持城投公司转型。中国宏骏工程研究院股份有限公司董事长出席签约活动。")
    firms = set(of_type(rows, "firm"))
    assert "宏祥集团" in firms and not {"但在集团", "城投公司"} & firms
    assert "中国宏骏工程研究院股份有限公司" in of_type(rows, "platform")


def test_a_count_after_a_kind_of_carrier_names_no_carrier():
    """获批河南省工程研究中心9家: a count of a designation, no one carrier."""
    rows = records("获批湖北省工程研究中心9家,获批武汉市工程技术研究中心和重点实验室31家。")
    assert not of_type(rows, "platform")


def test_officials_campaign_dates_and_firm_names_hold_no_other_entity():
    """县领导甲某 is an official, 2024年第一季度…“开门红”项目 a campaign, no project; 上海宏骏
    高新产业技术集团 is a firm whose 产业 names no trade; 跨国公司领导人峰会 is an event."""
    rows = records("县领导李某某及香港宏信集团、上海宏骏高新产业技术集团等企业负责人参加签约仪式。"
                   "我县举行2024年第一季度招商引资“开门红”项目集中签约仪式。举办跨国公司领导人青岛峰会。")
    firms = set(of_type(rows, "firm"))
    assert {"香港宏信集团", "上海宏骏高新产业技术集团"} <= firms
    assert not [n for n in firms if "领导" in n]
    assert not of_type(rows, "project") and not of_type(rows, "industry")
    assert "跨国公司领导人青岛峰会" in of_type(rows, "platform")


def test_a_firm_named_after_the_province_of_a_county_citys_text_is_local():
    """A text on 恩施市 (a county-level city of 恩施州, in 湖北省): a firm named after 湖北 is
    the place's own, as one named after the city is (the province is two levels up)."""
    text = ("恩施高新区加快发展富硒产业,总部迁至恩施市。走进园区,湖北宏骏富硒食品股份有限公司生产车间里"
            "机器轰鸣。恩施市富硒产业加快发展。")
    firms = of_type(records(text), "firm")
    assert firms["湖北宏骏富硒食品股份有限公司"]["role"] == "local"


def test_a_county_written_short_names_a_zone_only_in_its_own_province():
    """平原示范区 in a text on 新乡市 (河南) lies in 新乡市: 平原 is also 德州's 平原县 (山东),
    a county of another province, so the zone is placed by the text, not by that county."""
    rows = records("新乡市加快平原示范区建设。新乡市推动平原示范区高质量发展。")
    assert of_type(rows, "zone")["平原示范区"]["region"] == "新乡市"


def test_a_chains_focus_fields_are_its_segments_other_focus_fields_are_topics():
    """聚焦甲、乙等重点领域 after a chain as subject lists the chain's segments (industries);
    after no chain it lists topics of work (生态环境共保共治…), which are no industries."""
    chain = records("智能网联汽车产业链将依托长安汽车、赛力斯等龙头企业,重点聚焦车规级芯片、激光雷达、"
                    "智能座舱等重点领域。")
    assert {"车规级芯片", "激光雷达", "智能座舱"} <= set(of_type(chain, "industry"))
    topics = records("两地聚焦生态环境共保共治、基础设施互联互通、历史文化遗产保护等重点领域,深化区域合作。")
    assert not of_type(topics, "industry")


def test_a_list_right_after_a_firm_noun_names_firms():
    """关联企业 + 甲电缆、乙电气、丙线缆: the items end in trade words and follow a firm noun,
    so they are firms though a 字号 be a word of the language (北洋, 远帆)."""
    rows = records("园区成功引入链主企业上下游关联企业北洋电缆、宏宇电气、远帆线缆。")
    assert {"北洋电缆", "宏宇电气", "远帆线缆"} <= set(of_type(rows, "firm"))


def test_winners_of_titles_in_any_clause_are_local_firms_and_prizes_close_no_list():
    """A clause opening on what won a title or a place on a list of firms names a local firm,
    in the sentence's later clauses too; 二等奖 is a prize's rank, not a list closed by 等;
    a causative verb (让江苏成为…) opens no firm."""
    rows = records("园区新增规上企业12家,宏骏机械荣膺省级“专精特新”示范企业,蓝湾制药连续入选全国医药"
                   "工业百强,宏泰集团获评国家级数字商务企业。鹰岭纺机荣获国家科技进步二等奖、获批专精特新"
                   "“小巨人”企业。让江苏成为创新企业集聚地。")
    firms = of_type(rows, "firm")
    assert {n: firms[n]["role"] for n in ("宏骏机械", "蓝湾制药", "宏泰集团")} == dict.fromkeys(
        ("宏骏机械", "蓝湾制药", "宏泰集团"), "local")
    assert not [n for n in firms if "科技进步" in n or "江苏" in n]


def test_scopes_selves_ranks_and_time_words_name_no_trade_or_zone():
    """中国制造业 is the nation's, 自身 a reflexive, 战略产业 a rank of industry; a period
    (“十四五”期间) opens no zone's name; a counted list under a preposition (开发区对甲、乙三大
    支柱产业集群) takes its items and the head's rank."""
    rows = records("研究自身产业基础,构建“一区一战略产业”格局,宏骏机械荣膺中国制造业单项冠军示范企业。"
                   "“十四五”期间市经开区加快发展。"
                   "开发区对输配电装备、化工新材料、新能源装备三大支柱产业集群进行梳理。")
    industries = of_type(rows, "industry")
    assert not {"研究自身", "战略", "中国制造业"} & set(industries)
    assert {industries[n]["role"] for n in ("输配电装备", "化工新材料", "新能源装备")} == {"leading"}
    assert not [n for n in of_type(rows, "zone") if "期间" in n]


def test_kinds_of_works_in_ordinary_words_are_no_projects():
    rows = records("引进装备制造企业、电缆、变压器配套原材料及组件等项目。")
    assert not of_type(rows, "project")


def test_a_clause_saying_what_listed_items_all_are_types_them():
    """开工项目6个,包括甲、乙、丙,均为…配套企业: the items are firms (whose works start here),
    though a place open their names (宁德博发 is 博发's plant's firm, named with its home)."""
    rows = records("集中开工项目3个,包括宁德鸿发、江苏岚盛、宏骏科技,均为动力电池配套企业,总投资9亿元。")
    firms = of_type(rows, "firm")
    assert {n: firms.get(n, {}).get("role") for n in ("宁德鸿发", "江苏岚盛", "宏骏科技")} == dict.fromkeys(
        ("宁德鸿发", "江苏岚盛", "宏骏科技"), "local")
    assert not of_type(rows, "project")


def test_a_rank_between_trade_and_industry_is_the_role_not_the_name():
    """紧盯新能源汽车首位产业: the trade is 新能源汽车, leading; 双主导产业 likewise; 预计达产产值
    measures no trade (预计 and 达产 are verbs)."""
    rows = records("园区紧盯新能源汽车首位产业,确立生物医药双主导产业战略。项目预计达产产值18亿元。")
    industries = of_type(rows, "industry")
    assert industries["新能源汽车"]["role"] == "leading" and industries["生物医药"]["role"] == "leading"
    assert not [n for n in industries if re.search("首位|主导|紧盯|预计|达产|双", n)]


def test_a_done_aspect_makes_an_attracted_works_local_and_two_capacities_make_one_works():
    """成功引进了甲…项目: the works came, its firm is local; 积极引进乙…项目 is still a target.
    年产1GW电池和1GW组件项目: 和 before a second capacity joins one works's products."""
    rows = records("成功引进了宏骏科技动力电池及配套项目。积极引进蓝湾科技新能源电池项目。"
                   "凌峰年产1GW高效电池和2GW组件项目总投资10亿元。")
    firms = of_type(rows, "firm")
    assert firms["宏骏科技"]["role"] == "local" and firms["蓝湾科技"]["role"] == "target"
    assert of_type(rows, "project")["凌峰年产1GW高效电池和2GW组件项目"]["investment"] == "10亿元"


def test_party_sessions_counted_kinds_and_stations_are_no_carriers():
    """…工委第七次扩大会议 is a party body's session (no event, and 八届市委 no zone); 畜牧、蔬菜
    两个省实验室 counts kinds of lab; 高速新区站 is a station named after the area."""
    rows = records("中共泰州八届市委经济技术开发区工委第五次扩大会议在泰州经济技术开发区召开。"
                   "启动畜牧、蔬菜两个省实验室建设。推动京港澳高速新区站建成投用。")
    assert set(of_type(rows, "zone")) == {"泰州经济技术开发区"}
    assert not of_type(rows, "platform")


def test_focus_verbs_govern_targets_and_slogans_or_bindings_name_no_trade():
    """紧盯比亚迪全产业链: a firm courted; 强工业兴产业 is a slogan; 结合甲、乙等新业态 opens on
    a verb that is no part of the first field."""
    rows = records("坚持强工业兴产业,紧盯比亚迪全产业链。结合数字金融、智慧医疗等新业态。")
    assert of_type(rows, "firm")["比亚迪"]["role"] == "target"
    industries = set(of_type(rows, "industry"))
    assert "数字金融" in industries and not [n for n in industries if "兴" in n or "结合" in n]


def test_a_zone_the_text_only_plans_is_not_its_home():
    """A city's report that plans a new zone (打造…郑南产业新城) is about the city: its trades
    are the city's, not the planned zone's."""
    rows = records("新郑将加快发展装备制造产业。打造与中原科技城错位互补的郑南产业新城。")
    assert of_type(rows, "industry")["装备制造"].get("zone") is None
    assert of_type(rows, "industry")["装备制造"].get("region") == "新郑市"


def test_placeholders_of_templates_name_nothing_and_zones_are_no_trades():
    """A work summary written as a template (XX经济开发区, XX 人工智能产业园, ××药业) names
    nothing where the placeholder stands; 园区经济 and 园区产业 are the zone's, no trades; 几大
    counts kinds of carrier."""
    rows = records("XX高端医药产业园区列入省级创建名单,为XX医药产业提供平台。以 XX 人工智能产业园、"
                   "××药业等为核心,拓展园区经济总量,对园区产业进行补链。几大产业园平台稳步建设。"
                   "围绕有色金属深加工和生物医药两大主导产业加大招商力度。")
    assert set(of_type(rows, "industry")) == {"有色金属深加工", "生物医药"}
    assert not of_type(rows, "zone") and not of_type(rows, "firm") and not of_type(rows, "platform")


def test_a_chain_whose_links_are_a_templates_takes_its_name_but_makes_no_industry():
    """“多晶硅—硅片—电池片” with no trade written: the links are the 光伏 template's, so the
    chain is called 光伏; the text wrote no industry, so no Industry is made of it."""
    rows = records("园区已形成“多晶硅—硅片—电池片”协同格局。")
    assert [(r["name"], r["links"]) for r in rows if r["type"] == "chain"] == [
        ("光伏", ["多晶硅", "硅片", "电池片"])]
    assert not of_type(rows, "industry")


def test_a_rule_failing_on_one_sentence_costs_that_sentence_not_the_document(monkeypatch, caplog):
    """A fault of the rules on one sentence (as a StopIteration once was) is logged with the
    document and sentence, and every other sentence is still read."""
    import kg.loaders.extract as extract

    real = extract.sentence_names

    def failing(sentence):
        if "故障" in sentence.text:
            raise StopIteration
        return real(sentence)

    monkeypatch.setattr(extract, "sentence_names", failing)
    with caplog.at_level("WARNING", logger="kg.extract"):
        rows = records("园区故障句引进宏骏科技。郑州高新区引进蓝湾科技等企业。")
    assert "蓝湾科技" in of_type(rows, "firm") and "宏骏科技" not in of_type(rows, "firm")
    assert "test.txt: 第 1 句未能抽取" in caplog.text


def test_an_officer_of_a_firm_in_a_list_names_the_firm_before_the_title():
    """甲科技董事长乙、丙集团总经理丁等出席: the items are people of the firms, and the firms are
    what they name; an institute run as a company before a title is read as one carrier."""
    rows = records("宏城汽车工程研究院股份有限公司董事长任某某、宏骏科技董事长张某、蓝湾集团总经理李某等"
                   "企业家代表出席签约活动。")
    assert {"宏骏科技", "蓝湾集团"} <= set(of_type(rows, "firm"))
    assert "宏城汽车工程研究院股份有限公司" in of_type(rows, "platform")
    assert not [n for n in of_type(rows, "firm") if re.search("董事长|总经理|某", n)]


def test_nouns_verbs_swallowed_eras_formulas_and_industrialisation_works():
    """培育发展创新药: 创新药 is a noun, not the verb 创新 + 药; 小核酸优势产业 is 小核酸, leading;
    数字经济时代 is an era; “核心区+扩展区”… is a formula of parts, no zone; 质子医疗产业化基地
    is a works, no trade."""
    rows = records("培育发展创新药、医疗器械、医药服务3个特色产业。巩固发展小核酸优势产业。"
                   "召开数字经济时代产业融合发展大会。形成“核心区+扩展区+联动区”的有域无界园区。"
                   "宏骏质子医疗产业化基地生产质子放疗设备。")
    industries = of_type(rows, "industry")
    assert {"创新药", "医疗器械", "医药服务", "小核酸"} <= set(industries)
    assert industries["小核酸"]["role"] == "leading"
    assert not [n for n in industries if "时代" in n or "质子" in n]
    assert not of_type(rows, "zone")


def test_verbs_after_firm_nouns_fairs_and_places_travelled_to():
    """龙头企业进行重点联系: 进行 is a verb, no firm's name; …招商会 is a fair, no 商会; the
    places a county's team travels to (赴重庆、宁波…等地) are not where the text is."""
    rows = records("选择有投资意向的龙头企业进行重点联系。筹备“11.18”上海招商会。"
                   "组建三支队伍赴宁波、江阴等地招商,加快发展汽车零部件产业。")
    assert not of_type(rows, "firm")
    assert of_type(rows, "platform")["“11.18”上海招商会"]["kind"] == "event"
    assert of_type(rows, "industry")["汽车零部件"].get("region") is None


def test_a_table_row_ends_with_its_line():
    """A plan's table written as text: a row whose last cell is a list (…、航空航天) ends with
    its line, so the next row's zone is no longer glued to it (航空航天黄埭高新区片区)."""
    rows = records("重点片区 涵盖范围 重点产业布局\n"
                   "相城经开区片区 北桥街道 智能装备、先进材料、航空航天、电子信息、生物医药\n"
                   "黄埭高新区片区 黄埭镇 电子信息、智能装备、先进材料、生物医药、航空航天\n")
    zones = set(of_type(rows, "zone"))
    assert "黄埭高新区片区" in zones and not [z for z in zones if "航空航天" in z]


def test_known_firms_inside_works_names_after_brackets_groups_and_short_places():
    """奇瑞（贵州）产业基地: a bracketed place between a known firm and its base; 三一集团氢能重卡:
    the known short name's group, though 三一 reads as figures; 深汕比亚迪汽车工业园二期: a rare
    known name after a two-character place no gazetteer holds."""
    rows = records("推动吉利贵阳基地、奇瑞（贵州）产业基地扩大整车生产规模。"
                   "大力推进三一集团氢能重卡、中联重科智能工厂等项目。加快深汕比亚迪汽车工业园二期建设。")
    assert {"吉利", "奇瑞", "三一集团", "中联重科", "比亚迪"} <= set(of_type(rows, "firm"))


def test_a_layout_tables_industry_column_names_its_rows_industries():
    """A plan's table as text: the header's last cell names industries (重点产业布局), so each
    row's last-cell list is industries, of the row's zone when it opens on one; a merged
    cell of one short line keeps the table going; a line of prose ends it."""
    rows = records("表2 产业布局情况\n"
                   "重点片区 涵盖范围 重点产业布局\n"
                   "相城经开区片区 北桥街道 智能装备、先进材料\n"
                   "苏相合作区\n"
                   "(漕湖街道) 电子信息、工业互联网\n"
                   "下一步园区将加快建设有关载体,推进招商、服务等工作。\n"
                   "甲 乙 丙、丁\n")
    industries = set(of_type(rows, "industry"))
    assert {"智能装备", "先进材料", "电子信息", "工业互联网"} <= industries
    assert not {"丙", "丁", "招商"} & industries
