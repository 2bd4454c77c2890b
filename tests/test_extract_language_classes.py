"""Extraction rules for classes of the language met on pages outside the corpus (the
eleventh round), each tested on sentences written for the test: zones named after
townships, lists of places, verbs of covering and of distance, slogans, clauses in lists,
strategy slogans and region groups that are no industries."""
from __future__ import annotations

from kg.loaders.extract import extract_text
from kg.loaders.records import to_records


def names(text: str, etype: str) -> set:
    return {r["name"] for r in to_records(extract_text(text, "t.txt")) if r["type"] == etype}


def test_a_zone_named_after_its_township_is_a_zone():
    # 柳泉 and 新店 are townships (镇/乡), no county: the zone is named after them
    assert names("近日,柳泉经开区举行重点项目集中开工仪式。", "zone") == {"柳泉经开区"}
    assert names("新店工业园区全年招引项目30个。", "zone") == {"新店工业园区"}
    # a word that only starts like a township is no place (新一|轮), nor a kind of park
    assert names("全省推动新一轮开发区整合提升。", "zone") == set()
    assert names("加快化工园区规范化建设。", "zone") == set()


def test_a_list_of_places_names_no_firms():
    text = "招商小分队赴深圳、苏州、无锡等地拜访企业60余家。"
    assert names(text, "firm") == set()
    assert {"深圳", "苏州", "无锡"} <= names(text, "region")
    assert names("瞄准珠三角、闽东南等重点区域龙头企业开展精准招商。", "firm") == set()
    # a level of projects after 等 is no place: the items stay projects
    assert names("云溪物流园、长岭水厂二期等省市重点项目加快推进。", "project") == \
        {"云溪物流园", "长岭水厂二期"}


def test_what_a_verb_of_covering_or_distance_governs_is_no_name():
    text = "本次签约项目涵盖电池壳体、热管理、电控等项目,总投资12亿元。"
    assert names(text, "firm") == set() and names(text, "project") == set()
    text = "园区距离临江国际机场、龙门港等交通枢纽均在半小时车程内。"
    assert names(text, "project") == set()


def test_names_inside_a_quoted_slogan_are_no_names():
    text = "坚持“外建平台,内育主体”,围绕新材料产业开展招商。"
    assert names(text, "platform") == set()


def test_a_clause_standing_in_a_list_is_no_name():
    text = "招商团队以敢打敢拼、勇于担当的作风招引了20个优质项目。"
    assert names(text, "project") == set() and names(text, "firm") == set()


def test_an_adverb_opening_an_honour_clause_is_no_firm():
    text = "全县经济总量居全市首位,成功入选全国县域经济百强县。"
    assert names(text, "firm") == set()
    assert names("星拓电子成功入选国家级专精特新小巨人企业。", "firm") == {"星拓电子"}


def test_place_strategies_region_groups_and_demonstratives_are_no_industries():
    text = "在生态立县方面,全县茶叶产值增长12%;在商贸兴县方面,新增市场主体三千户。"
    assert not {"生态立县", "商贸兴县"} & names(text, "industry")
    text = "长三角、环太湖、成渝等三大储能产业先行区初步形成。"
    assert not {"长三角", "环太湖", "成渝"} & names(text, "industry")
    text = "当地选择了储能电池这个产业作为突破口。"
    assert not any("这个" in n for n in names(text, "industry"))


def test_a_known_firms_output_is_no_trade_and_making_verbs_stay_in_trades():
    text = "比亚迪整车产量突破80万辆,新能源汽车产量稳居全省第一。"
    assert names(text, "industry") == {"新能源汽车"}
    assert "合成生物" in names("前瞻布局合成生物产业。", "industry")


def test_counted_quoted_kinds_and_the_country_name_no_carrier_or_firm():
    assert names("四大“科创平台”全面起势。", "platform") == set()
    text = "该市是“推动中国储能电池汽车商业化示范项目”试点城市之一。"
    assert "中国" not in names(text, "firm")


def test_works_opening_with_a_product_or_a_joining_verb_name_no_firm():
    assert names("投资30亿元的锂电池隔膜及配套项目签约落地。", "firm") == set()
    assert names("启动投资8亿元的产城融合示范(一期)项目。", "firm") == set()


def test_ranked_lists_closed_by_deng_and_trades_before_a_chain_position():
    text = "全区形成了以精细化工、新材料、装备制造等为主导的产业体系。"
    assert {"精细化工", "新材料", "装备制造"} <= names(text, "industry")
    assert "储能电池" in names("加快储能电池产业上下游产业项目招引。", "industry")


def test_a_company_winning_an_honour_and_a_firm_founded_are_firms():
    assert names("东坞水产公司获评省级水产良种场。", "firm") == {"东坞水产公司"}
    assert names("2003年星澜能源科技成立,专注燃料电池电堆研发。", "firm") == {"星澜能源科技"}
    assert names("园区成立以来累计引进项目百余个。", "firm") == set()


def test_works_bounded_by_an_investment_by_a_capacity_or_signed_in_a_run():
    text = "总投资6亿元的储能电池和光伏组件研发制造项目在园区签约。"
    assert names(text, "project") == {"储能电池和光伏组件研发制造项目"}
    text = "投资30亿元人民币建设的年产10万套电驱动系统及关键零部件项目落户该区。"
    assert names(text, "project") == {"年产10万套电驱动系统及关键零部件项目"}
    text = "园区与甲方分别签订精密铸件生产线项目、分布式光伏发电项目投资协议。"
    assert {"精密铸件生产线项目", "分布式光伏发电项目"} <= names(text, "project")
    # a run of works described by kind, signed by nobody, names none
    text = "新开工项目中,既有高端轴承项目、精密铸件项目,也有新材料项目。"
    assert names(text, "project") == set()
    # two works joined by 和 without an investment before them stay apart
    assert "甲项目和乙项目" not in names("推进星河项目和云帆项目建设。", "project")


def test_lists_of_kinds_to_attract_and_kinds_of_firms_name_no_firm():
    text = "柑橘产业链方面,招引种苗繁育、农资农具、果品综合利用等项目。"
    assert names(text, "firm") == set()
    text = "打造以跨国公司、国内医药龙头企业为主体的生物医药产业集群。"
    assert names(text, "firm") == set()


def test_a_leading_character_that_begins_a_word_stays_and_places_are_no_works():
    text = "推介会上,园区与同仁堂健康药业、云帆新材料等企业签约。"
    assert "同仁堂健康药业" in names(text, "firm")
    text = "这次洽谈会期间,上海嘉定区、经济技术开发区联合推出甲乙产业园、丙丁产业园等项目。"
    projects = names(text, "project")
    assert "上海嘉定区" not in projects and {"甲乙产业园", "丙丁产业园"} <= projects
    assert not any(n.startswith(("这次", "济")) for n in names(text, "platform") | projects)


def test_zone_names_start_after_verbs_of_going_and_siting():
    text = "考察团先后到龙湾新区、青溪科技城参观。"
    assert "龙湾新区" in names(text, "zone")
    text = "智能装备产业园项目同样选址云溪都市工业园,总投资3亿元。"
    assert "云溪都市工业园" in names(text, "zone")


def test_ranks_formulas_districts_and_figures_spaced_apart():
    assert names("旨在建成全球前十大、国内前三大封测企业。", "firm") == set()
    text = "通过“创业苗圃—科技孵化器—企业加速器—科技产业园”的孵化链条培育企业。"
    assert names(text, "platform") == set() and names(text, "firm") == set()
    assert names("对江岸区制造业的数字化转型起到引领作用。", "industry") == set()
    text = "新签约年产 5000 吨有机肥生产线等农产品深加工项目 2 个。"
    assert "年产5000吨有机肥生产线" in names(text, "project")
    text = "以新发展理念助推产业升级,带动半导体高尖端技术产业企业集聚。"
    assert names(text, "industry") == set()


def test_placeholders_ellipses_waiting_and_the_first_of_its_kind_name_no_firm():
    assert names("某电子有限公司计划扩产。", "firm") == set()
    assert names("打破了‘先建厂房再等企业’的传统模式。", "firm") == set()
    assert names("该公司成为国内第一家量产车规级芯片的企业。", "firm") == set()
    text = "新能源汽车产业园项目、垃圾焚烧处理项目……一个个项目签约落地。"
    assert not any("…" in n for n in names(text, "project"))


def test_verbs_of_dividing_marking_and_anchoring_open_no_zone_and_ranges_no_chain():
    text = "产业园占地300亩,分为生产区、办公区、配套居住区三大功能区。"
    assert names(text, "zone") == set()
    assert "标志着合作区" not in names("项目集中签约,标志着合作区迈入新阶段。", "zone")
    text = "每年选取3—5个重点产业链核心缺失环节实行揭榜挂帅。"
    assert names(text, "chain") == set()
    assert names("园区现有研发人员330名。", "industry") == set()


def test_fields_and_salts_in_lists_of_firms_and_works_name_no_firm():
    text = "重点支持医药研发、保健品生产和医药流通等企业发展。"
    assert names(text, "firm") == set()
    text = "以该项目引进磷酸铁锂、新能源方形电池等生产项目。"
    assert "磷酸铁锂" not in names(text, "firm")
    assert names("签约集成电路重点项目、外资重大项目共52个。", "project") == set()


def test_a_kind_of_place_a_partys_role_and_an_activity_before_a_base_are_cut():
    assert names("资源地产业转型初见成效。", "industry") == set()
    text = "挤塑设备项目投资方江苏星拓塑机科技有限公司成立于2010年。"
    assert "江苏星拓塑机科技有限公司" in names(text, "firm")
    assert "星拓电子" in names("星拓电子研发生产总部、云帆医学总部等项目签约。", "firm")


def test_verbs_of_doing_using_and_aiding_capital_regions_and_zones_make_no_trade():
    text = ("做精生活服务业,运用数字技术改造传统产业,更多民间资本进入储能产业,"
            "加强长株潭地区物流产业协作,推动保税区发展保税维修产业。")
    found = names(text, "industry")
    assert not any(w in n for n in found for w in ("做精", "运用", "资本", "地区", "保税区"))


def test_the_texts_own_place_counts_of_works_and_a_person_in_a_works_name_are_cut():
    text = "全市重点项目集中开工仪式在我市星河新能源汽车配套产业园隆重举行。"
    assert names(text, "zone") == {"星河新能源汽车配套产业园"}
    text = "园区今年新开工汽车座椅生产六大项目。"
    assert not any(n.endswith("六大项目") for n in names(text, "project"))
    text = "县长王建平在云溪工业园区铁路专用线通车仪式上致辞。"
    assert not any(n.startswith("王") for n in names(text, "project"))


def test_time_processes_uses_and_policy_steps_make_no_trade_or_chain():
    text = "1—5月份,全市推进产业现代化,产品可广泛应用于动力电池,强化平台支撑。"
    found = names(text, "industry")
    assert not {"月份", "现代化", "平台支撑"} & found
    assert not any("用于" in n for n in found)
    assert names("坚持“链主引领—集群发展”的产业链培育路径。", "chain") == set()
    text = "做优做精机器人、循环经济两大特色产业,前瞻布局氢能源一大未来产业。"
    rows = {r["name"]: r for r in to_records(extract_text(text, "t.txt")) if r["type"] == "industry"}
    assert "机器人" in rows and rows["氢能源"]["role"] == "future"


def test_a_product_of_the_templates_opening_a_works_name_is_no_firm():
    text = "风电龙头计划投资5亿元建设储能装备制造项目。"
    assert "储能装备" not in names(text, "firm")
    # a firm's name still opens its works before the product
    assert "宏景科技" in names("总投资3亿元的宏景科技储能装备制造项目开工。", "firm")
