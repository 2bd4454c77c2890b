"""Each extraction rule, on sentences written for the test (not from the corpus)."""
from __future__ import annotations

from kg.loaders.extract import extract_text
from kg.loaders.records import to_records
from kg.loaders.sentences import split_sentences


def records(text, **home):
    return to_records(extract_text(text, "t.txt", **home))


def names(text, etype, **home):
    return [r["name"] for r in records(text, **home) if r["type"] == etype]


def test_target_list_after_a_courting_trigger():
    """A list after 大力引进 … 等龙头企业 is a list of target firms."""
    rows = [r for r in records("洛阳市大力引进宇航精工、澜海电子、北辰材料等龙头企业。")
            if r["type"] == "firm"]
    assert [(r["name"], r["role"]) for r in rows] == [
        ("宇航精工", "target"), ("澜海电子", "target"), ("北辰材料", "target")]


def test_cooperation_with_is_target():
    """加强与A、B等企业的合作 makes A and B targets."""
    rows = {r["name"]: r["role"] for r in records("加强与星河药业、远山医疗等知名企业的合作。")
            if r["type"] == "firm"}
    assert rows == {"星河药业": "target", "远山医疗": "target"}


def test_supported_backbone_firms_are_local():
    """支持A、B等骨干企业 makes A and B local firms."""
    rows = {r["name"]: r["role"] for r in records("支持青禾集团、恒远重工等骨干企业做大做强。")
            if r["type"] == "firm"}
    assert rows == {"青禾集团": "local", "恒远重工": "local"}


def test_firms_that_invest_here_are_local():
    """A list followed by 在我市投资 names local firms, whatever verb came before."""
    rows = {r["name"]: r["role"] for r in records("截至去年,松川电气、海岳食品等8家龙头企业在我市投资。")
            if r["type"] == "firm"}
    assert set(rows.values()) == {"local"}


def test_firm_count_pattern_with_award_is_local():
    """X等N家企业入选… names a local firm."""
    rows = {r["name"]: r["role"] for r in records("明岳科技等12家企业入选省级专精特新企业。")
            if r["type"] == "firm"}
    assert rows == {"明岳科技": "local"}


def test_platforms_typed_by_suffix():
    """Universities, institutes, labs, centres, events and funds are typed by their suffix."""
    text = ("积极对接南江大学、东岭材料研究院、滨海智能制造重点实验室、北岸检测技术研究中心等机构。"
            "成功举办第三届中原智能装备博览会。设立开封市产业转型投资基金。")
    kinds = {r["name"]: r["kind"] for r in records(text) if r["type"] == "platform"}
    assert kinds["南江大学"] == "university"
    assert kinds["东岭材料研究院"] == "institute"
    assert kinds["滨海智能制造重点实验室"] == "lab"
    assert kinds["北岸检测技术研究中心"] == "center"
    assert kinds["中原智能装备博览会"] == "event"
    assert kinds["开封市产业转型投资基金"] == "fund"


def test_generic_carriers_are_not_platforms():
    """Kinds of carrier (国家重点实验室、便民服务中心) are not named platforms."""
    text = "推动国家重点实验室、产业技术研究院等科研机构开放共享。各办事处便民服务中心延时服务。"
    assert names(text, "platform") == []


def test_zones_by_suffix_and_long_forms_merge():
    """洛阳经济技术开发区 and 洛阳经开区 are one zone; a bare 经开区 is that zone too."""
    text = "洛阳经济技术开发区获批。洛阳经开区引进项目。经开区要加快发展。"
    zones = [r for r in records(text) if r["type"] == "zone"]
    assert len(zones) == 1
    assert {zones[0]["name"], *zones[0]["aliases"]} >= {"洛阳经济技术开发区", "洛阳经开区", "经开区"}


def test_bare_high_tech_zone_follows_the_documents_home():
    """A bare 高新区 is the home zone: inferred from the text, or given explicitly."""
    assert names("开封市召开会议。高新区要强化创新。", "zone") == ["开封高新区"]
    assert names("高新区要强化创新。", "zone", home_zone="许昌高新区") == ["许昌高新区"]


def test_kinds_of_zone_are_not_zones():
    """各开发区, 省级开发区 and a planned 示范区 of no name are not zones."""
    text = "支持各开发区扩区调规,每年新增2个省级开发区,打造飞地经济示范区。"
    assert names(text, "zone") == []


def test_regions_from_the_gazetteer_not_inside_names():
    """Regions are matched by full or short name, but not inside a firm's or platform's name."""
    text = "强化与四川、湖南等地产业合作,积极对接长沙理工大学等高校。"
    assert sorted(names(text, "region")) == ["四川", "湖南"]


def test_county_named_after_its_city_is_a_region():
    """哈密市伊吾县 names a county even when the gazetteer lacks it."""
    assert "伊吾县" in names("与哈密市伊吾县签订战略合作协议。", "region")


def test_chain_with_dashes_and_its_industry():
    """A chain written A—B—C before X产业链 has links in order and industry X."""
    rows = [r for r in records("建成“硅料—电池片—组件—电站”的光伏产业链。") if r["type"] == "chain"]
    assert rows[0]["name"] == "光伏" and rows[0]["links"] == ["硅料", "电池片", "组件", "电站"]


def test_chain_written_as_a_list_called_a_whole_chain():
    """A、B、C的X全产业链 is a chain whose links are the listed items."""
    rows = [r for r in records("加快打造整车设计、动力总成、智能座舱的新能源汽车全产业链。")
            if r["type"] == "chain"]
    assert rows[0]["links"] == ["整车设计", "动力总成", "智能座舱"]


def test_industries_from_lists_and_headings():
    """Industries come from 围绕…等产业 lists and field headings like 装备制造业。"""
    text = "围绕光伏、储能、氢能等新兴产业开展招商。\n现代物流。\n依托港口发展多式联运。"
    found = set(names(text, "industry"))
    assert {"光伏", "储能", "氢能", "现代物流"} <= found


def test_project_with_its_investment():
    """投资N亿元的X项目 is a project with its investment."""
    rows = [r for r in records("签约投资25亿元的华岳新能源电池项目。") if r["type"] == "project"]
    assert rows[0]["name"] == "华岳新能源电池项目" and rows[0]["investment"] == "25亿元"


def test_traditional_and_full_width_forms_fold():
    """Traditional characters and full-width forms are read as simplified, half-width."""
    rows = records("鄭州高新區積極引進ＡＢＣ科技、宇航精工等龍頭企業。")
    assert {"ABC科技", "宇航精工"} <= {r["name"] for r in rows if r["type"] == "firm"}


def test_records_name_and_quote_the_document_as_written():
    """A traditional text's records name entities and quote sentences in its own characters
    (the simplified name, which the graph keeps, is an alias); simplified text is unchanged."""
    rows = records("蘇州工業園區積極引進寧德時代、華潤微電子等龍頭企業，\n建設半導體產業園。")
    firm = next(r for r in rows if r["type"] == "firm" and r["name"].startswith("華"))
    assert firm["name"] == "華潤微電子" and "华润微电子" in firm["aliases"]
    assert firm["evidence"] == "蘇州工業園區積極引進寧德時代、華潤微電子等龍頭企業，建設半導體產業園。"
    plain = records("苏州工业园区积极引进宁德时代、华润微电子等龙头企业，\n建设半导体产业园。")
    firm = next(r for r in plain if r["type"] == "firm" and r["name"].startswith("华"))
    assert firm["name"] == "华润微电子" and "华润微电子" not in firm["aliases"]
    assert firm["evidence"] == "苏州工业园区积极引进宁德时代、华润微电子等龙头企业，建设半导体产业园。"


def test_line_break_inside_a_name_is_joined_and_quoted_as_written():
    """A line break inside a sentence is removed for reading; the quote keeps it."""
    text = "围绕装备制造产业链的短板环节,今年以来积极对接宇航精工、澜海\n\n电子等龙头企业。"
    ex = extract_text(text, "t.txt")
    firm = next(e for e in ex.entities if e.name == "澜海电子")
    start, end = firm.mentions[0].span()
    assert text[start:end] == "澜海\n\n电子"


def test_sentences_split_and_map_back():
    """Sentences split at 。！？; and spans map back to the original text."""
    text = "第一句。第二句！第三句"
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == ["第一句。", "第二句!", "第三句"]
    for s in sentences:
        start, end = s.span(0, len(s.text))
        assert len(text[start:end]) == len(s.text)


def industries(text, **home):
    return {r["name"]: r["role"] for r in records(text, **home) if r["type"] == "industry"}


def test_industry_names_starting_with_common_modifiers_are_kept():
    """新/大/高/数字 at the start and 材料/家 inside do not disqualify an industry."""
    found = industries("围绕新型储能、大数据、高端纺织、先进材料、智能家居等新兴产业开展招商。")
    assert {"新型储能", "大数据", "高端纺织", "先进材料", "智能家居"} <= set(found)


def test_every_list_of_a_clause_is_read():
    """A clause with two 等 lists gives the items of both."""
    found = industries("面向光伏、风电等主导产业及氢能、储能等新兴领域布局项目。")
    assert {"光伏", "风电", "氢能", "储能"} <= set(found)


def test_leading_verbs_are_cut_from_the_first_item():
    """提升发展/主要涵盖 before the first item are not part of its name."""
    found = industries("提升发展果酒酿造、茶饮等特色产业。主要涵盖光电显示、储能等产业。")
    assert {"果酒酿造", "茶饮", "光电显示", "储能"} <= set(found)


def test_list_of_firms_or_regions_after_deng_is_not_industries():
    """等行业龙头企业 names firms; 等地区产业转移 names places; neither gives industries."""
    text = ("积极对接星河药业、远山医疗等行业龙头企业。"
            "承接珠江口、渤海湾等地区产业转移。依托人才、土地等优势投资关联产业。")
    assert not industries(text)


def test_list_head_must_be_an_industry_noun_not_chain_or_project():
    """等产业链 / 等产业化 / 等重大产业项目 do not make a list of industries."""
    text = ("做强风机叶片、塔筒等产业链。推进钙钛矿电池、储氢瓶等新产品产业化。"
            "滨湖工厂、云岭科学城等重大产业项目开工。")
    assert not industries(text)


def test_service_list_head_gives_service_role():
    """甲、乙等高品质生活性服务业 lists service industries."""
    found = industries("有序推动养老托育、家政服务等高品质生活性服务业发展。")
    assert found.get("养老托育") == "service"


def test_focus_phrase_names_an_industry():
    """以X为重点的Y产业 names both X and Y."""
    found = industries("提升以储能为重点的新能源产业的竞争力。")
    assert {"储能", "新能源"} <= set(found)


def test_trigger_list_without_deng():
    """围绕甲、乙、丙开展招商 and 培育壮大甲、乙。 are industry lists without 等."""
    found = industries("围绕光伏组件、储能电池、氢能装备开展招商引资。培育壮大低空经济、海洋牧场。")
    assert {"光伏组件", "储能电池", "氢能装备", "低空经济", "海洋牧场"} <= set(found)


def test_trigger_list_of_qualities_is_not_industries():
    """聚焦甲、乙, without 开展 after it, is not read as a list of industries."""
    assert not industries("聚焦绿色安全、品质效益,推动转型升级。")


def test_sentence_opening_on_its_field():
    """在X方面, / X领域 at the start of a sentence names the field X."""
    found = industries("在光伏玻璃方面,引进一批企业。风电装备领域重点发展叶片。")
    assert {"光伏玻璃", "风电装备"} <= set(found)


def test_service_work_fields_are_not_industries():
    """在X服务方面 / 城市X方面 / 另一方面 are work areas, not industries."""
    text = "在人才服务方面,优化政策。城市供水方面,推进改造。另一方面,加强监管。"
    assert not industries(text)


def test_headings_that_are_tasks_are_not_industries():
    """保障用地需求。/ 面临挑战。 are headings of tasks, not fields."""
    assert not industries("保障用地需求。\n面临挑战。\n打通出海通道。")


def test_heading_joined_by_he_names_two_industries():
    """光伏和储能产业。 as a heading names 光伏 and 储能."""
    assert {"光伏", "储能"} <= set(industries("光伏和储能产业。\n依托龙头企业发展。"))


def test_technology_fields_before_a_breakthrough_are_not_industries():
    """在甲、乙等领域实现突破 names technologies, not industries."""
    assert not industries("力争在固态电解质、柔性封装等领域实现关键技术突破。")


def test_industry_word_inside_a_carrier_name_is_not_an_industry():
    """X产业研究院 / X产业博览会 are carriers; X is not read as a developed industry."""
    found = industries("委托海岳光电产业研究院编制规划。办好中国国际储能产业博览会。")
    assert "海岳光电" not in found and "中国国际储能" not in found


def test_parenthesised_detail_and_joined_last_item():
    """甲(细目)、乙 gives 甲; a last item 丙物流和丁物流 gives both."""
    found = industries("主要承接光伏制造(组件)、储能装备等领域。巩固冷链物流、快递物流和航空物流等特色物流。")
    assert {"光伏制造", "储能装备", "快递物流", "航空物流"} <= set(found)


def platforms(text, **home):
    return {r["name"]: r.get("kind") for r in records(text, **home) if r["type"] == "platform"}


def test_named_fund_with_yindao_is_kept():
    """设立X投资引导基金: 引导 inside a fund name does not reject it."""
    assert "洛阳市天使投资引导基金" in platforms("设立洛阳市天使投资引导基金,撬动社会资本。")


def test_verb_jianli_ends_the_name_on_its_left():
    """建立X平台: the platform name starts after 建立."""
    assert "开封市招商服务云平台" in platforms("建立开封市招商服务云平台。")


def test_suffix_followed_by_hua_or_tixi_is_no_name():
    """…基金化改革 and …实验室体系 are not platforms."""
    found = platforms("深化专项资金基金化改革。抢抓省重构实验室体系建设机遇。")
    assert not found


def test_generic_carrier_words_alone_are_not_platforms():
    """博士后科研工作站, 离岸孵化器, 中试基地, 经贸洽谈会 alone are generic carriers."""
    text = ("支持企业建设博士后科研工作站。建立离岸孵化器。建设一批中试基地。"
            "举办经贸洽谈会。打造投资环境展示平台。")
    assert not platforms(text)


def test_country_named_platforms_and_level_academies_are_names():
    """中国…博览会 and 省科学院 are names though their words are generic."""
    found = platforms("参加中国国际工业博览会。对接省科学院。")
    assert {"中国国际工业博览会", "省科学院"} <= set(found)


def test_head_noun_after_deng_is_not_a_platform():
    """…等国际一流大学 is the head noun of a list, not a named university."""
    assert "国际一流大学" not in platforms("加强与南江大学、北岭大学等国际一流大学合作。")


def test_carrier_to_be_built_is_not_a_platform():
    """打造X中心 / 创建X大学 name an aim, not an existing platform."""
    assert not platforms("围绕打造区域商贸流通中心,优化布局。支持学院创建职业技术大学。")


def test_chamber_named_only_by_a_place_is_generic():
    """异地新乡商会 / 各地洛阳商会 are kinds of chamber, not named ones."""
    assert not platforms("组建异地洛阳商会,联系各地洛阳商会。")


def test_platform_before_a_count_word_and_another_name():
    """A与B两大基地及C中心: B is a name of its own, not an inner suffix."""
    found = platforms("依托南江农科院与洛阳市农科院两大科研基地及国家种质创新中心等平台。")
    assert "洛阳市农科院" in found


def test_group_under_a_platform_head_is_a_firm():
    """依托X集团、Y集团等国资平台: the groups are firms, not platforms."""
    rows = records("依托洛阳市城投集团、洛阳文旅集团等国资平台。")
    assert not [r for r in rows if r["type"] == "platform"]
    assert "洛阳市城投集团" in {r["name"] for r in rows if r["type"] == "firm"}


def test_expo_name_containing_dun_hao_is_not_cut():
    """An expo named after several fields (…农业、食品及包装机械展览会) keeps its whole name."""
    found = platforms("组织参加第五届中原装备博览会、2024年马来西亚农业、食品及包装机械展览会等国际展会。")
    assert "马来西亚农业、食品及包装机械展览会" in found
    assert "中原装备博览会" in found and "包装机械展览会" not in found


def test_industry_phrase_inside_brackets_is_a_detail():
    """装备制造(…加工业) names 装备制造; the bracketed 加工业 is a detail, not an industry."""
    found = industries("主要承接装备制造(零件加工业、机床)、绿色食品等领域。")
    assert "装备制造" in found and "零件加工业" not in found


def test_fields_of_results_or_foreign_capital_are_not_industries():
    """在甲、乙等领域取得成果 / 等领域外资限制 are not lists of industries."""
    text = "力争在固态电池、柔性屏幕等领域取得一批标志性成果。放宽养老、托育等领域外资限制。"
    assert not industries(text)


def test_industry_word_before_land_or_policy_is_no_industry():
    """增加工业用地 / 产业政策 do not make an industry of the words before them."""
    assert not industries("采取弹性年期等形式增加工业用地供给。落实光电产业政策。")


def test_a_clause_of_bare_enumeration_commas_is_no_crash():
    """A clause holding nothing but 、 (a table export's empty cells) yields no mention and no error."""
    out = extract_text("新乡市，、、，大力引进宁德时代、比亚迪等龙头企业。", "edge.txt")
    names = {e.name for e in out.entities}
    assert "新乡市" in names


def test_a_fold_drops_the_name_words_it_tagged_and_recompiles():
    """A word of the name extractor's lists tagged with a document (lexicon.SOURCED) is out
    of the patterns in that document's fold and back after it: 申办 (tagged 003) makes a
    span with a platform's suffix a clause, 缺乏 (tagged 003) ends the words before a zone."""
    from kg.loaders import lexicon
    from kg.loaders.extract_name_checks import valid_name
    from kg.loaders.extract_name_zones import zone_start
    text = "缺乏澜舟高新区"
    assert not valid_name("澜舟申办中心", "Platform") and zone_start(text, 0, 4) == 2
    with lexicon.use_fold("003_x"):
        assert valid_name("澜舟申办中心", "Platform") and zone_start(text, 0, 4) == 0
    assert not valid_name("澜舟申办中心", "Platform") and zone_start(text, 0, 4) == 2
