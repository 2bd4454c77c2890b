"""Extraction rules for classes of the language met in long reports and on pages outside
the corpus (the twelfth round), each tested on sentences written for the test."""
from __future__ import annotations

from kg.loaders.extract import extract_text
from kg.loaders.records import to_records


def records(text: str, etype: str) -> dict:
    return {r["name"]: r for r in to_records(extract_text(text, "t.txt")) if r["type"] == etype}


def names(text: str, etype: str) -> set:
    return set(records(text, etype))


def test_a_coined_word_after_a_works_place_is_its_firm():
    # place + 字号 the dictionary lacks + what the works makes: the 字号 is the firm
    text = "抓好洛阳瑞岚碳化硅扩产、新乡锦岚隔膜扩产等项目。"
    assert {"瑞岚", "锦岚"} <= names(text, "firm")
    # a site named by its place alone is no firm (the pumped-storage sites of a report)
    assert names("加快肇庆浪江、惠州中洞等一批抽水蓄能项目建设。", "firm") == set()
    # a word of the language after the place is what the works makes, not a firm
    assert names("抓好洛阳激光装备扩产、开封汽车配件扩产等项目。", "firm") == set()


def test_chemical_parks_are_zones_and_their_classes_are_not():
    assert names("潜江化工园区全年新增项目20个,荆州化工园获批省级园区。", "zone") == \
        {"潜江化工园区", "荆州化工园"}
    assert names("全省认定化工园区45个。", "zone") == set()
    assert names("该园入选全国第七批智慧化工园。", "zone") == set()
    assert names("中心发布“十四五”中国化工园区竞争力研究成果。", "zone") == set()
    # 居 of a rank ends the name before it: the zone ranks among a class of zones
    assert names("荆门高新区综合竞争力居中部化工园区第1位。", "zone") == {"荆门高新区"}
    assert names("建设智能家居产业园。", "zone") == set()  # 家居 is no rank


def test_adverbs_open_a_clause_and_name_nothing():
    text = "园区现已有湖北甲申精密模具有限公司、湖北乙酉滤清器有限公司等6家企业签约落户。"
    assert names(text, "firm") == {"湖北甲申精密模具有限公司", "湖北乙酉滤清器有限公司"}
    text = "以甲申重工集团和乙酉起重集团为代表的行业领军企业纷纷落户开原。"
    assert names(text, "firm") == {"甲申重工集团", "乙酉起重集团"}
    text = "15家企业分别与珠海高新区投促中心、珠海高新区双创中心等单位签约。"
    assert names(text, "platform") == {"珠海高新区投促中心", "珠海高新区双创中心"}
    # a city jieba tags as an adverb (大连: "even") stays a place
    assert "大连凌水湾实验室" in names("建设大连凌水湾实验室、辽宁黄海实验室等平台。", "platform")


def test_a_firms_kind_written_before_its_name_is_cut():
    text = "全球知名的逆变器供应商深圳甲申电源科技有限公司在园区扩产。"
    assert names(text, "firm") == {"深圳甲申电源科技有限公司"}


def test_a_list_of_product_kinds_before_a_firm_head_names_no_firm():
    text = "园区已聚集光伏边框、胶膜、支架、焊带、设备、电池、组件等产业链规上企业10余家。"
    assert names(text, "firm") == set()
    # coined names beside one made of common words still name firms
    assert names("培育中触媒、通用技术、瓦轴等重点企业。", "firm") == {"中触媒", "通用技术", "瓦轴"}


def test_clusters_and_committees_are_no_firms():
    assert names("智能机器人产业集群获评省级中小企业特色产业集群。", "firm") == set()


def test_straight_quotes_around_a_chain_pair_up():
    text = '基本建成"有机硅单体—中间体—下游制品—终端产品"全产业链。'
    links = [r.get("links") for r in to_records(extract_text(text, "t.txt")) if r["type"] == "chain"]
    assert links and links[0][0] == "有机硅单体" and links[0][-1] == "终端产品"


def test_a_heading_stating_progress_names_no_industry():
    assert names("招商引资成效显著。签约亿元以上项目50个。", "industry") == set()
    assert names("装备制造业。全年产值增长12%。", "industry") == {"装备制造业"}


def test_an_institute_named_after_its_place_holds_no_firm():
    # 天目湖 is a listed firm's short name and a lake: the institute is named after the lake
    text = "江苏中关村携手中国科学院,共建天目湖先进储能研究院。"
    assert names(text, "firm") == set()
    assert names(text, "platform") == {"天目湖先进储能研究院"}


def test_a_trade_opens_on_its_product_not_on_a_places_last_character():
    text = "促进全市特色农业发展,经市农业产业化领导小组审定。"
    assert not {n for n in names(text, "industry") if n.startswith("市")}


def test_a_district_split_from_a_firm_list_is_no_firm():
    assert names("红山区与贵州甲申集团等知名企业对接合作。", "firm") == {"贵州甲申集团"}


def test_the_decisions_of_a_designation_list_end_where_a_firm_starts():
    text = "撤销温州市甲申蜂业有限公司等2家企业资格,保留乙酉禽业股份有限公司。"
    assert names(text, "firm") == {"温州市甲申蜂业有限公司", "乙酉禽业股份有限公司"}


def test_giving_and_directions_make_no_trade():
    assert names("农牧业产业化项目,为脱贫攻坚提供产业支撑。", "industry") == set()
    assert "沿江" not in names("形成化工产业园、沿江产业园、城东产业园一区三园的格局。", "industry")


def test_a_bay_opening_a_works_name_is_its_site_not_its_firm():
    text = "福宁湾时代一汽动力电池、时代科士达储能设备等项目落地建设。"
    assert "福宁湾" not in names(text, "firm")


def test_an_honours_lists_title_is_no_zone():
    text = "坂田、大运入选深圳十大人工智能集聚区,甲乙产业园入选中国十大最具投资价值锂电产业园。"
    assert names(text, "zone") & {"深圳十大人工智能集聚区", "中国十大最具投资价值锂电产业园"} == set()


def test_products_exemplifying_a_trade_and_chain_actions_are_no_firms():
    text = "突出发展以锂电池材料为代表的新能源产业,聚集以甲申新材料、乙酉锰业等为龙头的企业。"
    assert names(text, "firm") == {"甲申新材料", "乙酉锰业"}
    assert names("该产业集群围绕链主企业建链、强链、延链、补链。", "firm") == set()


def test_a_verb_before_a_lone_new_makes_no_trade():
    assert "培养新" not in names("培养新产业增长点,形成高端制造业内核。", "industry")


def test_firms_owning_the_works_after_them_and_verbs_of_serving_and_making():
    text = "重点跟踪服务甲申新材、乙酉科技、丙戌膜等龙头企业的扩建项目建设。"
    assert names(text, "firm") == {"甲申新材", "乙酉科技", "丙戌膜"}
    assert names(text, "project") == set()
    text = "主要生产小米、华为、科大讯飞等公司的电视、智慧屏等产品。"
    assert names(text, "firm") == {"小米", "华为", "科大讯飞"}


def test_a_county_opening_a_works_name_is_its_place_not_its_firms():
    text = "已开工项目中,濉溪县甲申新材料二期、相山区乙酉科技小镇等项目进展顺利。"
    firms = names(text, "firm")
    assert "甲申" in firms and not any(n.startswith(("濉溪县", "相山区")) for n in firms)


def test_a_groups_unit_and_the_texts_own_county_end_where_a_firm_starts():
    text = "成功将甲申集团的全资子公司乙酉轴承集团有限公司生产基地项目吸引到聊城落户。"
    assert "乙酉轴承集团有限公司" in names(text, "firm")
    assert not any(n.startswith("全资") for n in names(text, "firm") | names(text, "project"))
    text = "我县山西甲申醋业股份有限公司、太原市乙酉科技发展有限公司等4家企业榜上有名。"
    assert names(text, "firm") == {"山西甲申醋业股份有限公司", "太原市乙酉科技发展有限公司"}


def test_report_phrases_that_name_no_trade_zone_or_firm():
    assert names("聚焦聚力先进制造业。", "industry") == {"先进制造业"}
    assert names("综合考虑各方面因素,全区预期目标是增长6%。", "industry") == set()
    assert names("建设长三角北翼产业高地。", "industry") == set()
    assert names("产业特色鲜明。园区集聚企业500家。", "industry") == set()
    assert names("2009年3月升格国家高新区。", "zone") == set()
    assert names("推进自干型纳米金属防腐新材料项目。", "firm") == set()


def test_a_particle_is_no_link_of_a_compressed_chain():
    text = "形成从锂矿开发到电池回收利用的储能闭环全产业链布局。"
    links = [r.get("links") for r in to_records(extract_text(text, "t.txt")) if r["type"] == "chain"]
    assert not any("的" in (chain or []) for chain in links)


def test_carriers_governments_and_passives_are_no_platforms():
    assert names("以张江甲乙高科技园为主平台,全力打造智能制造。", "platform") == set()
    assert names("我代表县政府向大会报告工作。", "platform") == set()
    assert not any("被" in n for n in names("甲乙企业被国家科技部火炬中心认定为高新技术企业。",
                                             "platform"))
    assert names("建成全国最大5G车路协同自动驾驶示范区。", "zone") == set()


def test_places_written_in_full_are_no_firm_inside_a_works_name():
    assert names("新疆伊犁州新源县彩色印刷项目开工建设。", "firm") == set()


def test_classes_statements_and_zone_tails_make_no_trade():
    assert names("这次集中开工的项目主要包含产业类、基础设施类两大领域。", "industry") == set()
    assert names("主要在于产业基础扎实,链条较为完整,发展后劲足、潜力大。", "industry") == set()
    found = names("梓潼县经济开发区健康食品加工和生物医药两大主导产业实现产值21亿元。", "industry")
    assert not any(n.startswith("开区") for n in found)


def test_a_firms_description_and_a_ceremonys_venue_end_where_names_start():
    text = "培育中国高品质鸡蛋领导者甲乙丙、正大饲料等龙头企业。"
    assert "甲乙丙" in names(text, "firm")
    assert not any(n.startswith("中国高品质") for n in names(text, "firm"))
    text = "活动在主会场甲乙丙三期项目现场举行。"
    assert not any(n.startswith("主会场") for n in names(text, "project"))


def test_people_before_a_list_head_are_no_firms():
    text = "开工仪式结束后,张三丰等领导来到牧原集团永济分公司建设项目一线。"
    assert "张三丰" not in names(text, "firm")


def test_a_known_firm_after_a_place_is_its_unit_there():
    # a firm's unit or works is written by its place and short name: present there
    found = records("今年长沙比亚迪实现产值翻番,常州欣旺达二期满产。", "firm")
    assert set(found) == {"比亚迪", "欣旺达"}
    assert {r["role"] for r in found.values()} == {"local"}
    # a known name that is ordinary vocabulary stays a word after a place
    assert records("青海太阳能资源丰富。", "firm") == {}


def test_verbs_of_supplying_planning_and_aim_open_no_name():
    text = "以甲乙汽车为龙头,配套丙丁、戊己庚等零部件企业。"
    assert {"丙丁", "戊己庚"} <= names(text, "firm")
    assert "配套丙丁" not in names(text, "firm")
    assert names("规划茶艺体验园、康养民宿等项目。", "project") >= {"茶艺体验园"}
    assert "规划茶艺体验园" not in names("规划茶艺体验园、康养民宿等项目。", "project")
    # a verb of aim before a firm whose output the clause states
    assert names("力争丙丁药业产值增长20%。", "firm") == {"丙丁药业"}
    # a quantifier is no part of a trade (配套|部分|高端制造业)
    assert "部分高端制造业" not in names("以研发为主,配套部分高端制造业、现代物流等产业。", "industry")


def test_traditional_aspect_particle_makes_no_fragment():
    # 隨著 is 随着 (as), not 随 + 著化工
    found = names("隨著化工產業轉型升級步伐加快,園區發展提速。", "industry")
    assert not any(n.startswith(("著", "着")) for n in found)


def test_a_predicate_ends_the_head_after_a_list():
    # 等资源要素|不足|制约着企业: the items are resources, no firms
    text = "部分园区土地资源、环境承载等资源要素不足制约着企业发展。"
    assert names(text, "firm") == set()


def test_reported_speech_in_quotes_names_what_it_reports():
    text = ("“江苏恒澜投资有限公司计划投资20亿元的新型显示材料项目将落户东区,"
            "浙江闻岳科技集团有限公司计划投资6亿元的精密轴承项目也将落户。”负责人介绍。")
    assert {"江苏恒澜投资有限公司", "浙江闻岳科技集团有限公司"} <= names(text, "firm")
    # a slogan in quotes still names nothing
    assert names("坚持“内搭平台,外联老乡”的思路。", "platform") == set()


def test_a_cluster_winning_an_honour_is_no_firm():
    assert names("钒及钒合金产业入选国家中小企业特色产业集群。", "firm") == set()
    assert names("某县商用厨房设备入选国家级中小企业特色产业集群。", "firm") == set()
    assert names("恒澜科技入选国家级专精特新企业。", "firm") == {"恒澜科技"}


def test_grades_counts_aims_meetings_and_measures_are_no_trades():
    assert names("着力打造世界级先进制造业集群。", "industry") & {"世界级"} == set()
    found = names("以数字经济、总部经济等几大支柱产业为目标。", "industry")
    assert not found & {"目标", "大支柱"}
    assert names("其中,要素保障方面,全市将用好专项政策。", "industry") == set()
    assert not any("会议" in n for n in names("全市半年经济工作会议暨产业升级观摩会召开。", "industry"))
    assert names("茶产业综合产值增长20%。", "industry") == {"茶产业"}


def test_verbs_of_including_and_as_end_names():
    found = names("绍兴经济技术开发区正式纳入滨海新区管辖范围。", "zone")
    assert not any("纳入" in n for n in found)
    assert names("多次沟通后选择了嘉兴作为公司投资的首选地。", "firm") == set()
    assert not any(n.startswith("据") for n in names("据滨湖区融媒体中心消息,项目开工。", "platform"))


def test_event_names_and_classifying_copulas_name_no_works():
    assert names("举行石化产业推介暨招商引资项目签约会。", "project") == set()
    assert names("甲方与园区签署协议,这是乙烯下游产业项目,总投资12亿元。", "project") == set()


def test_central_state_firms_by_their_own_short_names():
    # the short names central state firms write (no rule derives them from the registered
    # names): a list beside a firm head, and a firm acting at the start of its clause
    assert names("积极对接中海油、国家电投等央企。", "firm") == {"中海油", "国家电投"}
    assert names("中储粮在我市新建粮食物流园。", "firm") == {"中储粮"}
    # a group's unit named by its place is the unit (国网|四川)
    assert "国网四川" in names("推进国网四川主配网改造、华锐电缆扩产等项目。", "firm")


def test_a_county_written_short_opens_a_works_not_its_firm():
    text = "新沂恒澜变压器、沛县华锐太阳能电池片等项目已投产。"
    assert names(text, "firm") == {"恒澜", "华锐"}
    # a zone's works named by what it makes is no firm
    assert names("内丘恒澜醋酸、市高新区锂电池等项目加快建设。", "firm") == {"恒澜"}
    # a county written short opens the place's trade, no trade's name
    assert names("推动清河羊绒产业发展。", "industry") == set()


def test_product_words_time_adverbs_and_area_words_name_nothing():
    # a known name that opens a product's word (太阳能|电池) is the product
    assert names("推进高效太阳能电池生产基地建设。", "firm") == set()
    assert names("当前宁陵经济开发区正加快建设。", "zone") == {"宁陵经济开发区"}
    assert names("该区被确定为全国产业集群区域品牌建设试点。", "zone") == set()
    assert names("共同打造具有竞争力的科技产业环境。", "industry") == set()


def test_a_parks_company_is_a_firm_and_a_zone_abbreviation_opens_a_works():
    text = "华北恒澜纺织工业园有限公司总经理介绍了园区规划。"
    assert names(text, "zone") == set()
    assert "华北恒澜纺织工业园有限公司" in names(text, "firm")
    # 经 of 经开区 is no preposition (经|由): the works' name keeps its zone
    found = names("经开区恒澜矿山机械、鑫科智能装备等项目建成投产。", "project")
    assert "经开区恒澜矿山机械" in found


def test_infrastructure_fields_counts_and_deictic_runs_are_no_trades_or_chains():
    text = "项目涵盖机械装备、铝精深加工等产业及园区标准厂房、道路、供排水等基础设施领域。"
    found = names(text, "industry")
    assert {"机械装备", "铝精深加工"} <= found and not found & {"标准厂房", "道路", "供排水"}
    assert names("实施“6313”行动计划,6条制造业重点产业链增加值增长4.6%。", "industry") == set()
    assert names("聚焦我区不锈钢全产业链竞争优势。", "chain") == set()
    assert names("打造“制储输加用”氢能全产业链。", "chain") == {"氢能"}


def test_verbs_of_using_targeting_and_sprinting_end_names():
    assert names("盘活恒澜公司低效资产。", "firm") == {"恒澜公司"}
    assert names("锁定恒澜化工股份有限公司等领先企业对接争取。", "firm") == {"恒澜化工股份有限公司"}
    assert names("助力宁陵新能源汽车产业园冲刺千亿级产业园区。", "zone") == {"宁陵新能源汽车产业园"}


def test_layout_formulas_and_list_numbers_are_no_names():
    assert names("推动全市构建“一主一副两翼多点”产业园区格局。", "zone") == set()
    assert names("积极融入全省“七地一屏一通道”建设。", "project") == set()
    assert names("②鹤山高新产业园厂房主体完成。", "zone") == {"鹤山高新产业园"}
    # a plan's period in quotes stays inside a works' name
    assert names("习酒“十四五”技改一期项目建成投产。", "project") != set()


def test_a_county_or_zone_before_a_known_firm_in_a_list_is_its_place():
    text = "宿迁经开区天合光能、泗洪斯迪克、苏宿园区长电科技等一大批企业追加投资。"
    assert {"天合光能", "斯迪克", "长电科技"} <= names(text, "firm")


def test_a_firm_measured_by_its_sales_and_exemplars_held_up_are_local():
    assert records("恒澜集团销售收入跨越百亿。", "firm")["恒澜集团"]["role"] == "local"
    found = records("经过多年招大引强,已逐步形成以恒澜光电、鑫科源等企业为代表的能源电子产业集群。", "firm")
    assert {r["role"] for r in found.values()} == {"local"} and len(found) == 2


def test_verbs_of_visiting_and_reporting_and_government_organs_name_nothing():
    found = names("书记到黔西市调研黔西航空产业城规划建设工作。", "zone")
    assert found == {"黔西航空产业城"}
    assert names("省长来到江西恒澜眼镜有限公司看产品。", "firm") == {"江西恒澜眼镜有限公司"}
    assert names("受市人民政府委托,我向大会报告全市计划执行情况。", "platform") == set()
    assert names("经开区管委会、市工信委、市科技局等单位负责人出席。", "platform") == set()
    assert names("临江路下穿高速公路涵洞改扩建项目等13个项目开工。", "firm") == set()
    # a boundary word inside a known firm's name governs nothing (中国|建设|银行)
    text = "恒澜科技股份有限公司与中国建设银行股份有限公司签署协议。"
    assert "中国建设银行股份有限公司" in names(text, "firm")


def test_a_place_of_an_item_and_zone_designations_are_no_names():
    text = "重点推进爱民区的恒澜化工邻氨基苯酚、阳明区的辰能生物质热电联产等项目。"
    found = names(text, "project")
    assert "辰能生物质热电联产" in found and not any("的" in n for n in found)
    text = "大石桥经济开发区是辽宁省重点省级开发区,获评辽宁省绿色工业园区。"
    assert names(text, "zone") == {"大石桥经济开发区"}
    assert names("全力打造鹤岗经开区1000亿级产业园区。", "zone") == {"鹤岗经开区"}


def test_ladders_regimes_abilities_and_known_firms_are_no_chains_or_trades():
    assert names("实施“产业—科技—人才—政策—服务”五位一体工作措施。", "chain") == set()
    assert names("坚持以“链长制”牵引产业链发展。", "chain") == set()
    assert names("坚持“大项目—产业链—集群化”的方向推进结构性改革。", "chain") == set()
    text = "建立“科技型中小企业—高新技术企业—科技领军企业”梯次培育体系。"
    assert names(text, "chain") == set()
    for text in ("做强企业核心竞争力。", "近85%的农户进入产业化链条。", "积极调整产业结构。",
                 "招商进度方面,已有7家厂商进驻。"):
        assert names(text, "industry") == set(), text
    assert "圣戈班" not in names("积极承接圣戈班等汽车零部件产业外溢资源。", "industry")


def test_consolidating_verbs_adverbs_of_manner_and_land_use_end_names():
    found = names("坚持夯实装备制造、食品加工两大优势产业基础。", "industry")
    assert found == {"装备制造", "食品加工"}
    assert names("主要由南繁科技城、深海科技城等板块组成。", "zone") == {"南繁科技城", "深海科技城"}
    assert names("临近育种基地的科研办公用地南繁科技城内。", "zone") == {"南繁科技城"}
    assert names("加快培育新型骨干产业。", "industry") == set()
    assert names("采访团记者在北海产业园采访产业规划。", "industry") == set()


def test_a_works_site_and_a_legal_name_inside_a_works_are_no_short_firms():
    text = "河南恒澜电缆集团有限公司防火电缆项目、大相国寺周边整体改造项目等已开工。"
    assert names(text, "firm") == {"河南恒澜电缆集团有限公司"}
    # an ordinary word right after a known name is the rest of that name (通威|太阳能)
    assert names("产品送到一路之隔的通威太阳能眉山基地加工。", "firm") == {"通威"}
    # a state programme's name holds no 字号
    assert names("加快北海国家科技兴贸创新基地建设。", "firm") == set()
    assert names("认真抓好恒澜电厂一期2×66万千瓦坑口电厂建设。", "project") >= {"恒澜电厂一期"}
    assert not any(n.startswith("×") for n in names("认真抓好恒澜电厂一期2×66万千瓦坑口电厂建设。", "project"))


def test_officials_sessions_counts_and_headings_name_nothing():
    text = "张成中、田国良等市领导还观摩了恒澜电池有限公司新能源高端制造基地。"
    assert names(text, "firm") == {"恒澜电池有限公司"}
    assert names("并邀请进驻企业代表进行两场论坛。", "platform") == set()
    assert names("抓好在历届东博会上签订的一批项目。", "platform") == set()
    assert names("招商引资成绩斐然。", "industry") == set()
    assert names("规划建设了10平方公里新能源装备制造产业园。", "zone") == set()


def test_setting_up_fostering_and_describing_words_open_no_firm():
    text = "活动会场设在恒澜电池有限公司年产10GWh电芯项目现场。"
    assert names(text, "firm") == {"恒澜电池有限公司"}
    assert names("培优扶强恒澜科技、鑫科医疗等龙头企业。", "firm") == {"恒澜科技", "鑫科医疗"}
    assert names("申报老旧小区改造、教育强国等民生社会事业项目。", "firm") == set()
    assert names("建设新材料大工厂的延链补链项目,总投资30亿元。", "project") == set()


def test_programmes_designations_products_and_stretches_are_no_names():
    assert names("2013年12月升格为河池市级工业园区。", "zone") == set()
    assert names("推动义乌—巴州东西部协作、省经信厅等单位定点帮扶。", "platform") == set()
    text = "恒澜绿能布局光伏组件项目,聚集百佳年代、光伏玻璃等5家核心配套企业。"
    assert "光伏玻璃" not in names(text, "firm") and "百佳年代" in names(text, "firm")
    assert names("沿淮洼地治理、沿岗河防洪治理四期等4个项目已开工。", "firm") == set()


def test_joint_ventures_and_known_firms_before_what_their_works_make():
    # a group's short name and its partner's brand name the venture (新能源车 is a product)
    text = "今年引进一汽丰田新能源车项目、上汽大众新能源车型项目等重大项目。"
    assert {"一汽丰田", "上汽大众"} <= names(text, "firm")
    # a product or a trade after a group's name is what its works makes, no partner
    assert "中石化氢能" not in names("中石化氢能加氢站项目投运。", "firm")
    # a known firm that is a district's name too (吉利区) makes the product after it
    assert "吉利" in names("引进吉利新能源车(湘潭基地)、比亚迪IGBT等项目。", "firm")
    assert names("吉利区石化产业园开工建设。", "firm") == set()


def test_works_under_construction_are_being_built():
    # 施工 and 在建 are verbs of building as 建设 is: the named works is a project
    assert names("宜兴抽水蓄能电站目前在建。", "project") == {"宜兴抽水蓄能电站"}
    assert names("宜兴抽水蓄能电站正在紧张施工。", "project") == {"宜兴抽水蓄能电站"}
    assert names("宜兴抽水蓄能电站运行良好。", "project") == set()


def test_names_of_cities_that_open_with_a_cut_character():
    # 日 and 和 left by a cut date or list open no name, but 日照, 日喀则 and 和田 are cities
    text = "推进日照经济技术开发区建设,日照港集团有限公司投资建设日照港三期工程。"
    assert names(text, "zone") == {"日照经济技术开发区"}
    assert names(text, "firm") == {"日照港集团有限公司"}
    assert names(text, "project") == {"日照港三期工程"}
    assert names("和田地区建设和田昆仑山工业园。", "zone") == {"和田昆仑山工业园"}
    assert names("12月5日照常举行签约仪式。", "region") == set()


def test_pieces_a_cut_leaves_and_kinds_of_meetings_name_nothing():
    # 区 and 不 left at a name's start by a cut, a figure of output: no name
    text = "商贸集聚区红十字医养结合体、万商经典等重点项目加快建设。"
    assert not any(n.startswith("区") for n in names(text, "project"))
    assert names("确保重大项目不停工、重点企业不停产。", "firm") == set()
    assert names("建设年产量达17万吨光伏玻璃盖板生产线。", "project") == set()
    assert names("建设不锈钢产业园。", "zone") == {"不锈钢产业园"}
    # the parties of a meeting written one character each: a kind of meeting
    assert names("组织政银企对接活动11场次,举办政企恳谈会。", "platform") == set()
    # 加上 (plus) and 属于 (belongs to) govern the names after them
    assert "南方轴承" in names("加上南方轴承、龙城精锻等现有的汽车零部件企业。", "firm")
    text = "在建项目中,属于现代纺织、新能源等主导行业的有476个。"
    assert "现代纺织" in names(text, "industry")
    # an area is no trade (…产业功能区 lists areas named by their trades)
    text = "打造以生物医药、轻工制造区、电子信息产业区为主导的产业功能区。"
    assert not any(n.endswith("区") for n in names(text, "industry"))


def test_a_run_of_works_closed_by_its_signing_names_each_works():
    text = "当天,常宝新材料光学膜项目、溯驭技术氢能研发生产基地项目正式签约落地。"
    assert names(text, "project") == {"常宝新材料光学膜项目", "溯驭技术氢能研发生产基地项目"}
    # a run described by its kind names none, signed or not
    assert names("当天,重大产业项目、高新技术产业项目集中签约。", "project") == set()


def test_a_products_grade_base_or_property_opens_no_firm():
    text = "推进中凝科技气凝胶、可降解纤维素膜等重点项目建设。"
    assert names(text, "firm") == {"中凝科技"}
    assert "车规级智能" not in names("车规级智能芯片封测首期、甲乙热管理产品等项目开工。", "firm")
    assert names("铜基新材料一期、攀科医药等13个项目竣工投产。", "firm") == {"攀科医药"}


def test_verbs_of_receiving_and_setting_off_govern_names():
    text = "2015年,高新区又迎来北汽新能源、西门子电机等一批重大项目。"
    assert names(text, "project") == set() and "北汽新能源" in names(text, "firm")
    text = "元旦假期后的首个工作日,扬州经开区便掀起项目建设热潮。"
    assert names(text, "project") == set() and names(text, "zone") == {"扬州经开区"}


def test_carriers_and_amenities_are_no_trades():
    text = "开工的20个项目,涵盖新能源、高端智能制造、科创载体、生活配套、民生工程等多个领域。"
    assert names(text, "industry") == {"新能源", "高端智能制造"}


def test_twentieth_batch_classes_name_nothing_wrong():
    # what is done to a works (技改, 扩能, 搬迁) closes a works' name, not a firm's
    text = "吕梁杭氧、并盛熔盐技改等一批转型项目建成投产。"
    assert "并盛熔盐技改" in names(text, "project") and "并盛熔盐" in names(text, "firm")
    # a firm of the building trade (…工程有限公司) names no works
    text = "总投资1.25亿元的秦皇岛永桢建筑工程有限公司装配式钢结构项目。"
    assert "秦皇岛永桢建筑工程有限公司" not in names(text, "project")
    # taking part, a campaign (大会战), a bare 也有 and a unit of energy open no names
    assert names("此次吉木萨尔县参展亚博会企业共有11家。", "platform") == {"亚博会"}
    assert names("依托吉木萨尔县致密油作业区大会战的机遇。", "platform") == set()
    assert names("既有新朋友,也有二期追加投资的老朋友。", "project") == set()
    assert names("20吉瓦时储能机柜(一期)、10吉瓦拉棒等项目有序推进。", "firm") == set()
    # a trade's firms, a chain, a role in quotes and a meeting named by its scope
    assert names("农产品精深加工和低空经济等企业如雨后春笋。", "firm") == set()
    text = "园区聚集了宁晏实业、滨河碳化硅等龙头企业上下游产业链支撑有力。"
    assert not any("产业链" in name for name in names(text, "firm"))
    assert names("作为首个揭牌的“链主”项目。", "project") == set()
    assert names("在全国大会作典型发言。", "platform") == set()
    # 紧扣 and 其 open no trade
    assert names("紧扣现代化工、装备制造等主导产业。", "industry") == {"现代化工", "装备制造"}
    assert "其下游精细化工" not in names("主导产业为煤化工及其下游精细化工。", "industry")


def test_firms_inside_works_are_coined_names_not_trades_places_or_acronyms():
    assert names("布局新能源精密结构件及智能装备等项目。", "firm") == set()
    assert names("积极跟踪洽谈西安交大漳州科技园等产业性项目。", "firm") == set()
    assert names("万丰航空小镇项目、SKF球轴承制造基地项目等。", "firm") == {"SKF"}
    assert names("汽车配件一条街、CNG汽车加气站项目等。", "firm") == set()
    assert "天禧极钻科技" in names("协调解决华武农业、天禧极钻科技等项目推进中的困难。", "firm")
    assert "国网湖南" in names("国网湖南电力公司储能电站项目开工。", "firm")


def test_an_invested_works_named_by_its_product_alone_is_a_kind():
    text = "中国三峡新能源有限公司在叶城投资2.5亿元建设光伏发电项目。"
    assert names(text, "project") == set()
    assert names("总投资5亿元的甲乙锂电池项目开工。", "project") == {"甲乙锂电池项目"}


def test_firm_endings_valleys_and_settling_in_a_list_of_works():
    text = "协调解决宁平炭素、益瑞宝箱、浦士达环保、华武农业等项目推进中的困难。"
    assert names(text, "firm") == {"宁平炭素", "益瑞宝箱", "浦士达环保", "华武农业"}
    assert names(text, "project") == set()
    # a valley (创谷, 智谷) is a park's name in a list of works, no firm
    text = "引进建州智汇创谷、禾川科技产业园等10亿元以上重大产业项目。"
    assert "建州智汇创谷" not in names(text, "firm")


def test_twenty_first_batch_classes():
    # a scale written between the trade and 产业集群 is the cluster's aim, not the trade's
    text = "将助力长乐向打造千亿新材料世界级产业集群又迈出坚实一步。"
    assert names(text, "industry") == {"新材料"}
    assert names("再造一个千亿级产业。", "industry") == set()
    # an area, a ranking list's class, a place's economy and a policy's aim are no trades
    assert names("可提供约800公顷产业储备用地。", "industry") == set()
    assert names("中普石油荣登全省民营企业制造业综合百强名单。", "industry") == set()
    assert names("全力推动伊犁经济高质量发展。", "industry") == set()
    assert names("高效落实国家、省、市稳经济一揽子政策。", "industry") == set()
    assert names("全面吹响产业强县三年行动号角。", "industry") == set()
    # a trade's projects are a kind; 创成 and 直通 govern what follows
    assert names("民生服务、先进制造、新兴产业等16个项目集中签约。", "project") == set()
    assert names("丽缙高新区创成省级特色生态产业平台。", "platform") == set()
    assert not any("大道" in n for n in names("南宁至武鸣城市大道直通东盟经开区。", "zone"))
    # works named after a village, a town or a farm hold no firm; nor does a polymer
    text = "塘北村光伏产业振兴三期项目、福橙共享农庄、美桃小镇等9个项目集中开工。"
    assert names(text, "firm") == set()
    assert names("与恒申公司签约PA66绿色纺织新材料项目。", "firm") == {"恒申公司"}
    # a legal name starts after the government that signs with it
    text = "呼兰区人民政府与中电光谷联合控股有限公司签署战略合作协议。"
    assert names(text, "firm") == {"中电光谷联合控股有限公司"}


def test_exemplars_of_trades_written_without_ye():
    text = ("全区已初步形成了以甲淮汽车、乙凯客车为代表的汽车及零部件,以丙立建机、ABB、丁力叉车为代表的"
            "装备制造,以戊菱、己达为代表的家电电子等四大支柱产业。")
    assert {"甲淮汽车", "乙凯客车", "丙立建机", "ABB", "丁力叉车", "戊菱", "己达"} <= names(text, "firm")
    assert not any("为代表" in n for n in names(text, "firm"))
    # an organisation or a person held up is no firm, nor are fields of technology
    assert names("坚持以习近平同志为核心的党中央集中统一领导。", "firm") == set()
    assert names("以人工智能、大数据为代表的新技术加快应用。", "firm") == set()


def test_a_trade_word_alone_after_he_is_part_of_the_firms_name():
    text = "在海辰云和医药、苗老吉、正恒永康生物等企业引领下,推动创新。"
    assert "海辰云和医药" in names(text, "firm") and "海辰云" not in names(text, "firm")
    text = "引进比亚迪和速腾聚创、宁德时代等龙头企业。"
    assert {"比亚迪", "速腾聚创", "宁德时代"} <= names(text, "firm")


def test_how_many_phases_a_plan_has_names_no_phase():
    text = "计划在广佛肇(怀集)经济合作区B区分三期建设柠檬全产业链项目。"
    assert not any(n.endswith("三期") for n in names(text, "project"))
    assert "山钢永锋临港三期" in names("推进山钢永锋临港三期、日照精品钢基地二期。", "project")


def test_a_provinces_county_level_parks_are_a_class():
    assert names("规模和增速排在广西县域工业园区前列。", "zone") == set()
    assert names("建设广西北流日用陶瓷工业园区。", "zone") == {"广西北流日用陶瓷工业园区"}


def test_twenty_second_batch_classes():
    # 著 is 着 but in the words simplified script keeps it (显著, 著名)
    from kg.loaders.sentences import fold
    assert fold("標志著該產業園建設正式拉開帷幕") == "标志着该产业园建设正式拉开帷幕"
    assert fold("著名企業顯著增長") == "著名企业显著增长"
    # 为链主 closes a list of exemplars; 助推 governs a firm; an alloy is a material
    text = "以恒信集团、国宏化工为链主企业,重点实施项目,助推恒信集团成长为千亿级企业。"
    assert names(text, "firm") == {"恒信集团", "国宏化工"}
    text = "高端智能球蝶阀研发生产基地、钛合金复合材料研发生产等项目。"
    assert "钛合金" not in names(text, "firm")
    # a trade is no firm; the places a district is made of are no trades
    text = "培育电子信息等四大新兴产业,立新制药、飞源气体等27家新上企业相继投产。"
    assert names(text, "firm") == {"立新制药", "飞源气体"}
    text = "以醴陵瓷谷、陶瓷文化主题风情街为主导的休闲旅游区;以东城大道、莲株高速两厢为主导的物流区。"
    assert names(text, "industry") == set()
    # bordering and reaching, a round of a designation, a clause and a count of one
    text = "小镇东靠醴陵市区、西临岳汝高速、北通沪昆高速。"
    assert names(text, "project") == {"岳汝高速", "沪昆高速"}
    assert names("入选第二轮全国特色小镇典型经验。", "zone") == set()
    assert names("近日,南康区内涌动着阵阵项目建设热潮。", "project") == set()
    assert names("结束了余干人口大县不通高铁的历史。", "project") == set()
    assert names("获批综合保税区,再添一个国家级对外开放大平台。", "platform") == set()
    assert names("这个总投资3.6亿元的改造项目,通过引入智能设备。", "project") == set()
    assert names("实施园区道路、管网等基础建设项目。", "project") == set()
    # a known firm's name opening an association's (中国石油和化学工业联合会) is no firm
    assert names("中国石油和化学工业联合会副秘书长一行到园区调研。", "firm") == set()
    # a 字号 with 不 in it (方不圆) is no negation
    assert "方不圆" in names("推进方不圆智能装备制造、甲乙新材料扩产等项目建设。", "firm")


def test_twenty_third_batch_classes():
    # past sessions and kinds of working meetings name no event; a viewing deck no platform
    text = "永登县往届兰洽会签约项目进展顺利,近两届兰洽会签约项目已开工11个。"
    assert names(text, "platform") == {"兰洽会"}
    assert names("重大项目集中开工现场推进会在甲乙科技园举行。", "platform") == set()
    assert names("高标准建成日出云海观景平台提升等43个重点项目。", "platform") == set()
    # a government's steering group and its members are no platform
    assert names("开放招商工作领导小组各成员单位主要领导出席。", "platform") == set()
    # having (具有) opens no trade; an aspect particle is in no firm's name
    text = "以具有一定产业基础和优势的机械制造、轻工电子等为主导产业。"
    assert names(text, "industry") == {"机械制造", "轻工电子"}
    assert names("在该公司,展厅里摆放着公司研发的产品。", "firm") == set()
    # registering a firm, and the county a firm stands in before its province-named name
    assert names("目前,企业已注册瞻望世纪航空蛟河有限公司。", "firm") == {"瞻望世纪航空蛟河有限公司"}
    text = "在杜尔伯特县黑龙江九阳豆业有限公司,工人正在作业。"
    assert names(text, "firm") == {"黑龙江九阳豆业有限公司"}
    assert names("河南省郑州市甲乙科技有限公司签约。", "firm") == {"河南省郑州市甲乙科技有限公司"}


def test_twenty_fourth_batch_classes():
    # services a platform is named by, a count of firms, amplifying, 本土 and 研发生产
    assert names("搭建小额贷款、中小企业担保等服务平台。", "platform") == set()
    assert names("屏东农业生物科技园区已进驻百余家生技公司。", "firm") == set()
    assert names("持续放大宁德时代、青拓集团等龙头企业的带动作用。", "firm") == {"宁德时代", "青拓集团"}
    assert names("壮大本土产业集群。", "industry") == set()
    text = "依托源航科技中心,研发生产航空、航天、轨道交通等领域专用材料。"
    assert "研发生产航空" not in names(text, "industry")
    # a campaign's works in quotes are a kind; a quoted park name stays a name
    assert names("“双招双引”优质项目落户数109个。", "project") == set()
    assert names("实施“中华文明探源”“海岱考古”等项目。", "project") == set()
    # a known firm with its home in a list of projects is a firm; a manufacturing centre
    # is a works, no platform
    text = "其中优质项目570个,包括美国塞拉尼斯、山东新华医疗等。"
    assert "山东新华医疗" in names(text, "firm") and names(text, "project") == set()
    text = "美的机电4.0、威王智能小家电制造中心等招引落地的新兴项目。"
    assert names(text, "platform") == set()


def test_verbs_of_engaging_and_saying_open_names():
    assert names("该企业主要从事光伏组件、储能电池等领域的生产。", "industry") >= {"光伏组件", "储能电池"}
    assert not any(n.startswith("事") for n in names("主要从事精细化工、生物医药等领域。", "industry"))
    found = names("会议特别强调纺织服装、食品加工等传统产业的升级。", "industry")
    assert not any("强调" in n for n in found) and "纺织服装" in found


def test_a_signing_states_the_investment_of_the_works_it_signs():
    text = "总投资12亿元的甲县人民政府与乙丙实业集团签订云栖湾精酿酒庄项目。"
    assert "云栖湾精酿酒庄项目" in names(text, "project")
    # a works of a kind in words of the language names none, signed or not
    assert names("总投资2亿元的甲县人民政府与丁戊木业有限公司签订家具生产项目。", "project") == set()


def test_layout_bullets_and_captions_are_no_names():
    text = "●江口光电实验室建成投用\n■ 引进华星光电等企业。"
    assert "江口光电实验室" in names(text, "platform")
    assert not any(n[0] in "●■" for t in ("platform", "firm") for n in names(text, t))
    for caption in ("签约仪式现场。", "园区一角。", "新春新开局。", "项目建设现场。"):
        assert names(caption, "industry") == set(), caption
    assert names("装备制造业。", "industry") == {"装备制造业"}  # a heading still names its field


def test_a_firm_noun_right_after_deng_heads_the_list():
    text = "甲乙冶金、丙丁化学、戊己实业等龙头企业上下游产业链条不断完善。"
    assert names(text, "firm") == {"甲乙冶金", "丙丁化学", "戊己实业"}
    # the firms' works, headed by 项目, stay works
    text = "推进甲乙电子基地、丙丁汽车高端零部件基地等龙头企业项目达产。"
    assert "甲乙电子基地" not in names(text, "firm")


def test_places_countries_towns_and_classes_are_no_firms():
    assert names("吸引了来自越南、广东、福建等地的60余名企业代表。", "firm") == set()
    text = "签约甲乙镇丙丁村生态农业项目、戊己新材料项目等8个项目。"
    assert "甲乙镇丙丁村" not in names(text, "firm")
    assert names("现有工业企业1200家、规上企业300家。", "firm") == set()
    # a known firm's short name at the start of a county's name is the county's
    assert names("新疆托克逊县签约项目12个。", "firm") == set()


def test_an_acting_heads_title_and_a_provinces_zones_are_no_places():
    assert "代县" not in names("代县长 王某某\n各位代表:", "region")
    assert "代县" in names("代县长城文化旅游带建设加快。", "region")
    assert names("全省高新区发展良好,甘肃省高新区营收增长10%。", "zone") == set()
    assert "天津市高新区" in names("天津市高新区营收增长10%。", "zone")


def test_a_joint_ventures_name_before_a_new_model_or_its_works():
    assert "一汽丰田" in names("一汽丰田全新车型技改项目总投资30亿元。", "firm")
    assert "一汽" not in names("一汽丰田全新车型技改项目总投资30亿元。", "firm")


def test_a_boundary_word_inside_a_legal_names_trade_name():
    # 企业名称 = 行政区划 + 字号 + 行业 + 组织形式: a cut that would leave no 字号 is none
    text = "落户的湖南聚力达化工有限公司、湖南推进新材料有限公司负责人发言。"
    assert {"湖南聚力达化工有限公司"} <= names(text, "firm")
    assert not any(n.startswith(("达化工", "化工")) for n in names(text, "firm"))


def test_a_zone_in_brackets_after_its_county_is_a_zone():
    # 县区合一: the county and the zone it runs as one, the zone named after a local place
    assert names("甲省进贤县(青岚经开区)举行项目集中开工。", "zone") == {"青岚经开区"}
    assert names("进贤县(青岚经开区)举行项目集中开工。", "region") >= {"进贤县"}


def test_a_count_after_deng_closes_a_list_of_chains():
    text = "着力打造粮油精深加工、先进高分子材料、海洋工程装备等5条县域重点产业链。"
    assert names(text, "industry") >= {"粮油精深加工", "先进高分子材料", "海洋工程装备"}


def test_trades_under_jujiao_are_industries_topics_are_not():
    assert names("签约项目聚焦新能源、精细化工、装备制造等领域。", "industry") == \
        {"新能源", "精细化工", "装备制造"}
    assert names("聚焦生态环境共保共治、防灾减灾等重点领域。", "industry") == set()


def test_a_quality_and_a_supply_chain_are_no_industries():
    found = names("绿色产业加快发展,完善绿色低碳产业和供应链。", "industry")
    assert "绿色" not in found and "供应链" not in found and "绿色低碳" in found


def test_parks_referred_to_by_their_kind_are_no_names():
    assert names("该合作产业园去年开工,已落地项目30个。", "zone") == set()
    assert names("在深圳举办合作产业园推介会。", "zone") == set()
    assert names("推进飞地园区建设。", "zone") == set()


def test_works_counted_or_classed_are_kinds_and_a_headquarters_is_one():
    assert names("“小而美”项目不少,“专精特”项目众多。", "project") == set()
    text = "列为全省标志性外资项目之一的远峰亚太研发生产总部中心项目落地。"
    assert names(text, "project") == {"远峰亚太研发生产总部中心项目"}
    assert names("推进区域总部项目建设。", "project") == set()
    # a signing held elsewhere names the rank of works, as without the place
    assert names("举办2024甲市招商引资重点项目(上海)集中签约仪式。", "project") == set()


def test_a_groups_unit_and_a_works_phase_keep_their_names():
    assert "华能延吉发电公司" in names("华能延吉发电公司实现产值12亿元。", "firm")
    assert names("华能延吉电厂二期项目开工建设。", "project") == {"华能延吉电厂二期项目"}
    assert "秦山核电二期项目" in names("加快建设甲乙高铁、秦山核电二期项目。", "project")
    # a firm's phase in a list is still the firm's project, and the firm is read
    assert "比亚迪" in names("推进比亚迪二期项目、宁德时代等。", "firm")


def test_works_and_holdings_in_lists_with_a_predicate_after_them():
    text = "远川新能源、星河等项目建成使产业集群初具规模。"
    assert names(text, "industry") == set() and "远川新能源" in names(text, "firm")
    assert "苏海控股" in names("苏海控股、城发集团分别获评AA+。", "firm")
    assert names("公司由国资控股。", "firm") == set()


def test_a_layouts_counted_parts_are_no_places():
    found = names("立足“一核两区三宜城市”建设目标,宜城市加快发展。", "region")
    assert found == {"宜城市"}
    text = "“一核两区三宜城市”建设加快。"
    assert names(text, "region") == set()


def test_a_long_legal_name_before_a_works_by_capacity():
    text = "在浙江甲乙丙丁高分子新材料科技有限公司年产30000吨聚酰亚胺高分子单体材料项目现场施工。"
    assert "年产30000吨聚酰亚胺高分子单体材料项目" in names(text, "project")


def test_a_firm_formed_name_opens_a_clause_on_its_honour():
    assert names("远拓新材料获批设立国家级博士后工作站。", "firm") == {"远拓新材料"}
    assert names("卓朗科技获评国家级绿色工厂。", "firm") == {"卓朗科技"}
    assert names("高新区获评国家级绿色园区。", "firm") == set()


def test_verbs_of_appearing_and_co_developing_and_leading_determiners():
    assert names("“闽作”家具亮相中国品牌博览会。", "platform") == {"中国品牌博览会"}
    text = "与甲乙能源合作开发300兆瓦渔光互补项目。"
    assert not any("合作开发" in n for n in names(text, "project"))
    assert "中新合作开发区" in names("推进中新合作开发区建设。", "zone")
    assert names("看中了当地的优势,如茶博会等平台。", "platform") == {"茶博会"}
    assert "陶瓷" in names("当地陶瓷产业逐步转型。", "industry")
    assert not any(n.startswith("该区") for n in names("该区新建电子信息产业园,吸引5家企业入驻。", "zone"))
    assert names("签约“双一流”建设高校东南大学。", "platform") == {"东南大学"}


def test_a_works_classed_by_a_copula_or_named_by_a_campaign_is_a_kind():
    text = "甲乙项目不仅是全省“双新”产业项目,也是重点项目。"
    assert names(text, "project") == set()
    assert names("举办了“开门红”产业链项目集中签约仪式。", "project") == set()
    assert names("签约一批“补链强链”项目。", "project") == set()


def test_courting_investment_is_no_trade_and_a_quoted_count_heads_trades():
    assert names("持续壮大社会招商和中介招商力量。", "industry") == set()
    text = "项目主要集中在新型建材、清洁能源、乳制品等“三新”产业。"
    assert names(text, "industry") == {"新型建材", "清洁能源", "乳制品"}
    assert names("茶叶作为全县支柱产业,加快发展。", "industry") == {"茶叶"}


def test_legal_names_after_their_zone_places_and_inside_a_known_name():
    text = "为交城经济开发区华岳新材料科技有限公司年产6000吨石英管项目奠基。"
    assert "华岳新材料科技有限公司" in names(text, "firm")
    text = "许昌经济技术开发区建设开发有限公司成立。"
    assert "许昌经济技术开发区建设开发有限公司" in names(text, "firm")
    assert "新和成维生素有限公司" in names("位于开发区的新和成维生素有限公司投产。", "firm")
    text = "河南省新乡市原阳县新乡丰源生物科技有限公司万吨食用菌深加工项目签约。"
    assert "新乡丰源生物科技有限公司" in names(text, "firm")
    assert "新乡丰源生物科技有限公司万吨食用菌深加工项目" in names(text, "project")
    assert "河南省新乡市甲乙科技有限公司" in names("河南省新乡市甲乙科技有限公司成立。", "firm")


def test_units_ranked_designations_and_labelled_paragraphs():
    assert names("将建设6台套石英管生产线。", "project") == set()
    assert names("打造国家级外贸转型基地、省级精细化工试点园区等平台。", "platform") == set()
    text = "其中化工园区3个及甲乙生态工业园区化工产业园\n\n酒泉经济技术开发区:2006年批准设立。"
    assert "酒泉经济技术开发区" in names(text, "zone")


def test_a_firms_works_by_capacity_and_what_it_does_to_its_material():
    text = "包括远川年产50万吨再生铝合金高端智能化产业项目、鑫达年产10万吨再生铜综合回收利用项目等。"
    found = names(text, "project")
    assert {"远川年产50万吨再生铝合金高端智能化产业项目", "鑫达年产10万吨再生铜综合回收利用项目"} <= found


def test_adverbs_of_time_classes_of_firms_and_demonstratives():
    assert names("鸿远石化连续三年荣获全省民营企业百强。", "firm") == {"鸿远石化"}
    assert names("有高新技术企业20家、战略性新兴企业9家、高耗能企业5家。", "firm") == set()
    assert names("这里产业蓬勃发展。", "industry") == set()
    assert names("形成了电子信息、食品五大规模产业。", "industry") == {"电子信息", "食品"}
    assert names("重点发展先进制造和现代物流两业融合产业。", "industry") & {"业融合"} == set()
    assert names("坚持走新型工业化和城镇化的道路。", "industry") == set()
    assert names("主要工作体现在五个方面。", "industry") == set()
    assert not any("、" in n for n in names("氢能在交通、电力、工业等领域应用广泛。", "industry"))


def test_scheduling_approving_linking_and_joined_events():
    text = "排出远拓科技智造园区、吉利高端商用车等120个重点项目。"
    assert not any(n.startswith("排出") for t in ("firm", "project") for n in names(text, t))
    text = "同意泰国金帆集团年产3万吨环保涂料项目在园区落地。"
    assert "泰国金帆集团年产3万吨环保涂料项目" in names(text, "project")
    assert names("联动中关村信息谷、中科创新园等平台。", "platform") >= {"中关村信息谷"}
    assert "产城联动示范区" in names("建设产城联动示范区。", "zone")
    text = "甲乙中试基地奠基仪式 暨“科创中国”主题论坛举行"
    assert not any(n.startswith("暨") for n in names(text, "platform"))
    text = "尤其是百亿级比亚迪动力电池项目一期投产。"
    assert "比亚迪动力电池项目一期" in names(text, "project") and "百亿" not in names(text, "firm")


def test_a_governing_verb_inside_a_later_item_starts_the_list():
    text = "远拓U谷、中南高科两大平台围绕惠星光电等龙头企业延链补链。"
    assert names(text, "firm") == {"惠星光电"}
    # an item that opens with its own verb is one of a run of actions
    assert "晶澳光伏" in names("推进晶澳光伏、引进天合光能等企业。", "firm")


def test_compass_districts_campaign_counts_and_a_firms_projects():
    found = names("东区重点发展新型显示,西区依托铁路物流基地。", "region")
    assert not found & {"东区", "西区"}
    assert names("射阳经济开发区“双十”项目集中签约。", "project") == set()
    assert names("兰州市兰洽会招商引资项目建设集中采访。", "project") == set()
    text = "宁夏紫荆花制药有限公司项目负责人介绍。"
    assert names(text, "project") == set() and "宁夏紫荆花制药有限公司" in names(text, "firm")


def test_titles_a_province_or_the_state_confers_are_no_zones():
    assert names("入选国家市级水网先导区。", "zone") == set()
    assert names("先后评为湖南省服务业示范集聚区。", "zone") == set()
    assert names("臺灣產業園區正成為企業的據點。", "zone") == set()
    assert names("臺灣產業園區正成為企業的據點。", "firm") == set()
    assert "湖南湘江新区" in names("湖南湘江新区加快发展。", "zone")


def test_a_core_rank_and_the_parties_before_a_university():
    assert "生命健康" in names("大兴区将临空产业、生命健康作为核心产业。", "industry")
    assert "核心" not in names("将生命健康作为核心产业。", "industry")
    assert names("南沙与华中科技大学签署合作协议。", "platform") == {"华中科技大学"}
    assert names("延边畜牧开发集团有限公司与延边大学共建中心。", "platform") >= {"延边大学"}


def test_places_visited_local_landform_places_and_a_state_groups_short_name():
    text = "先后走进丝路科学城发展中心、草堂科技产业园发展中心等地观摩项目。"
    assert names(text, "project") == set()
    assert "松木岛化工产业开发区" in names("落地松木岛化工产业开发区。", "zone")
    assert "国电投" in names("确保国电投5万吨铝型材等项目开工。", "firm")


def test_batch_28_verbs_and_newsrooms():
    text = "本次甲乙经济技术开发区共有丙丁纺织全产业链、戊己生物科技综合提取一体化等6个项目开工。"
    assert not any("共有" in n for n in names(text, "project"))
    assert names("王某某获聘为开封市科学院首席专家。", "platform") == {"开封市科学院"}
    text = "至于台湾积体电路制造股份有限公司竹南先进封测厂建厂案。"
    assert "台湾积体电路制造股份有限公司" in names(text, "firm")
    assert names("来源:巴音郭楞融媒体中心", "platform") == set()
    assert names("强力推进河池市现代林业产业园建设。", "zone") == {"河池市现代林业产业园"}


def test_batch_28_firms_sharing_a_noun_and_chemicals_alone():
    text = "引进建设龙凤、京粮、嘉丰等玉米加工及配套企业13户。"
    assert names(text, "firm") == {"龙凤", "京粮", "嘉丰"}
    assert names("开发建设玉米淀粉、葡萄糖酸钠、胚芽油等项目26个。", "project") == set()
    assert "凯赛癸二酸" in names("推进凯赛癸二酸、协鑫热熔胶等项目。", "project")


def test_batch_28_no_trades_zones_or_chains_of_this_kind():
    assert names("中药材漫山遍野孕育着康养产业,山水之间藏着产业振兴的密码。", "industry") & {
        "着康养", "藏着"} == set()
    assert names("其他园区接近饱和,并无大面积可供产业使用。", "industry") == set()
    assert names("为首府产业发展注入动力。", "industry") == set()
    assert names("专精特新产业园是指以招引专精特新企业为主要功能的平台载体。", "zone") == set()
    assert names("将被授予“浙江省专精特新产业园”称号。", "zone") == set()
    assert "瓯海专精特新产业园" in names("瓯海专精特新产业园加快建设。", "zone")
    assert names("建设国家级AI创新应用试验区。", "zone") == set()
    assert names("成为西藏规模最大的高原桃树种植示范区。", "zone") == set()
    assert names("园区构建生产-加工-销售全链条体系。", "chain") == set()


def test_batch_29_exemplar_frames_and_lines_that_name_works():
    text = "在甘泉堡经开区形成了新特能源、合盛硅业、新疆众和、隆炬为代表的新材料产业集聚发展。"
    assert {"新特能源", "隆炬"} <= names(text, "firm")
    assert "甘泉堡经开区" in names(text, "zone")
    text = "法库县以龙源新能源一体化循环利用、瑞东碳化硅为代表的17个亿元以上项目集中开工建设。"
    assert not any(n.startswith(("法库县", "沈阳")) or n.endswith("的") for n in names(text, "project"))
    text = "清单如下\n远川领先先进制程大硅片项目\n年度计划投资10.5亿元。\n联合开发及生产项目\n项目总投资3亿元。"
    assert "远川领先先进制程大硅片项目" in names(text, "project")


def test_batch_29_works_visited_handed_over_and_their_phases():
    text = "与会人员观摩了兴瑞功能性硅橡胶及基础硅橡胶项目、华东医药大健康产品产业化建设项目。"
    assert names(text, "project") == {"兴瑞功能性硅橡胶及基础硅橡胶项目", "华东医药大健康产品产业化建设项目"}
    assert names("加快建设项目。", "project") == set()
    assert names("项目二期投资24亿元,占地600亩。", "project") == set()
    assert names("并交由宁东科技创业投资有限公司负责建设运营。", "firm") == {"宁东科技创业投资有限公司"}


def test_batch_29_leading_words_guests_facilities_and_qualities():
    assert "而在修船" not in names("而在修船领域,万邦、鑫亚等修船企业订单接满。", "industry")
    assert names("覆盖有色金属、高端制造、化工新材料等核心领域。", "industry") >= {"有色金属"}
    assert names("向各位来宾介绍了开发区的概况。", "region") == set()
    assert names("建设多温区冷链仓储中心、分拣及配送中心。", "platform") == set()
    assert names("推动产业向下游高价值产业裂变升级,外销产量增长。", "industry") == set()
    assert names("该项目所在地——横州六景工业园地处经济带。", "zone") & {"地——横州六景工业园"} == set()


def test_batch_30_verbs_of_devoting_campaigns_and_time_before_a_measure():
    assert names("示范区坚持项目为王、致力产业倍增。", "industry") == set()
    assert names("甲乙新材料等预计上半年,贡献增加值4亿元。", "industry") == set()
    assert names("重点项目攻坚激活产业新动能。", "industry") == set()
    assert names("据统计,去年百色铝加工产量达307.5万吨。", "industry") == {"铝加工"}
    assert names("今年上半年铝加工产量173.3万吨。", "industry") == {"铝加工"}


def test_batch_30_approvals_borders_ministries_and_list_titles():
    assert names("西藏自治区批复林芝经济开发区。", "zone") == {"林芝经济开发区"}
    assert names("西与油田新城盘锦隔河相望。", "zone") == set()
    assert names("甲乙集团数字化车间入选工信部5G工厂名录。", "project") == set()
    assert names("甲乙集团数字化车间入选工信部5G工厂名录。", "firm") & {"工信部"} == set()
    assert names("此次对接会搭平台,助推镁产业跨越。", "platform") == set()
    assert names("您现在的位置是:首页>阻燃资讯中心", "platform") == set()


def test_batch_30_headings_captions_and_districts_named_by_age():
    assert names("支撑有力。", "industry") == set()
    assert names("调试设备。", "industry") == set()
    assert names("开发区位于尼洋河畔老城区。", "region") == set()
    assert "老城区" in names("洛阳市老城区加快发展。", "region")


def test_batch_31_connectives_abbreviations_and_programmes():
    assert names("坚定不移强攻产业、决战工业。", "industry") == set()
    assert "加之" not in names("加之如东拥有海上风电产业。", "industry")
    assert names("新引进重大项目17个,其中高企3个。", "firm") == set()
    assert not any(n.startswith("紧邻") for n in names("紧邻该公司的是甲乙能源装备有限公司。", "firm"))
    assert names("全市上下狠抓项目建设。", "project") == set()
    assert names("“苗圃计划”项目种子选手入驻。", "project") == set()
    assert names("产业分布方面,进驻企业涵盖生命健康科技。", "industry") & {"产业分布"} == set()
    assert names("围绕风光电、硅石等资源,补齐关键产业环节。", "industry") & {"关键"} == set()


def test_batch_32_progress_officials_and_adverbs():
    assert names("经济运行总体平稳。", "industry") == set()
    assert names("抢滩智能装备产业新赛道。", "industry") & {"抢滩智能装备产业"} == set()
    assert not any("步入" in n for n in names("多项专有技术步入产业化阶段。", "industry"))
    assert names("▲南投县长王大明。(图/县政府提供)\n园区已销售12块土地。", "industry") == set()
    assert names("湖北鼎泰化工有限公司董事长张三:项目投产之后,鼎泰化工将成为国内最大的有机硅生产企业。",
                 "firm") == {"湖北鼎泰化工有限公司"}
    assert not any("富民" in n for n in names("壮大乡村富民产业。", "industry"))


def test_batch_33_a_government_report_to_its_congress_names_no_event():
    text = "省政府编制了《规划纲要（草案）》，提请大会审查。经本次大会批准后组织实施。全文提交大会。"
    assert names(text, "platform") == set()


def test_batch_33_statistical_cores_seizing_verbs_and_titles_of_regions():
    assert names("全省人工智能核心产业营收增长20%。", "industry") == {"人工智能"}
    assert names("抢占低空经济、商业航天等新赛道。", "industry") == {"低空经济", "商业航天"}
    assert names("地区生产总值增长5%、居经济大省前列。", "industry") == set()
    assert names("支持扬州等地大健康产业高质量发展。", "industry") == {"大健康"}
    assert names("发展算力服务产业。", "industry") == {"算力服务"}
    assert not names("筑牢乡村产业根基。", "industry") & {"牢乡村"}
    assert not names("深化沿沪杭产业创新带、环洪泽湖科创圈、长江口产业创新协同区建设。", "industry") \
        & {"沿沪杭产业创新带", "环洪泽湖科创圈", "长江口"}
    assert names("涵盖就业、创业、养老、托幼、安居等领域。", "industry") <= {"养老"}
    assert names("承接外商制造业转移，规下制造业企业加快上云。", "industry") == set()
    assert not names("抓好软件产业发展和赋能千行百业。", "industry") & {"和赋能千行百业"}


def test_batch_33_rivers_routes_money_and_counted_classes_are_no_firms_or_works():
    assert names("推动珠江、闽江、长江三大流域内城市协同推进转型项目。", "firm") == set()
    assert names("加快沙溪河“通港达园”项目建设。", "firm") == set()
    assert names("南沿江、宁宣黄、合新高铁等重大工程开工建设。", "firm") == set()
    assert names("推动中央预算内投资、地方政府专项债券等项目开工。", "project") == set()
    assert names("高铁通车里程增至全国第5位。", "project") == set()
    assert names("甲省“四小龙”等新锐企业快速成长。", "firm") == set()
    assert names("完善跨市域集团化办学。", "firm") == set()
    assert names("加快煤制烯烃、碳化硅三期等项目建设。", "firm") == set()
    assert names("数据、多式联运、碳排放权等5大要素交易平台挂牌。", "platform") == set()


def test_batch_33_carriers_changed_renamed_or_counted_and_schools():
    assert names("推动苏新中心升级为中国—东盟贸易合作平台。", "platform") == {"苏新中心",
                                                              "中国—东盟贸易合作平台"}
    assert names("清江学院更名大学。", "platform") == {"清江学院"}
    assert names("本科院校稳步扩招。", "platform") == set()
    assert names("鸿蒙生态创新中心等一批重大科创平台建成运行。", "platform") == {"鸿蒙生态创新中心"}
    assert names("甲省健儿在奥运会、亚运会等重大赛事中成绩优异。", "platform") == set()
    assert names("甲汽车登陆港交所。", "zone") == set()


def test_batch_33_fields_of_governance_headings_and_parts_of_provinces_are_no_trades():
    assert names("深化整治金融、国企、能源、招投标等重点领域腐败。", "industry") == set()
    assert names("系统整治招标投标、政府采购等领域突出问题。", "industry") == set()
    assert names("稳住岗位。", "industry") == set()
    assert names("重塑物流体系。", "industry") == set()
    assert names("实施创业江淮升级行动，做优创业品牌和创业文化生态。", "industry") == set()
    assert names("省属高校服务新兴产业的专业占比提高到70%。", "industry") == set()
    assert names("繁荣发展文化事业文化产业。", "industry") == set()
    assert names("发展壮大懂科技懂产业的技术经理人队伍。", "industry") == set()
    assert names("脑机接口、核医疗等细分产业拔节生长。", "industry") & {"细分"} == set()
    assert names("大力发展智能原生技术、产品和服务。", "industry") & {"产品和服务"} == set()
    assert names("有序深化拓展农村一二三产业融合。", "industry") == set()
    assert names("推动科技服务等知识密集型生产性服务业加快壮大。", "industry") >= {"生产性服务业"}
    assert names("做强临海蓝色、皖西北绿色、皖东南高优三大特色农业产业带。", "industry") == set()
    assert names("城市和县城黑臭水体基本消除。", "region") == set()


def test_batch_33_corridors_models_kinds_and_whole_chain_management():
    assert names("推动“皖品皖货”上平台、上商超。", "platform") == set()
    assert names("大力发展“直播+平台+跨境电商”模式。", "platform") == set()
    assert names("举办中国5G+工业互联网大会。", "platform") == {"中国5G+工业互联网大会"}
    assert names("支持企业到境内外证券交易所上市。", "platform") == set()
    assert names("支持理工类中外合作大学建设，推进大中专院校建设。", "platform") == set()
    assert names("扎实推进“十五五”时期经济社会发展各项目标任务。", "project") == set()
    assert names("增强开放平台能级。", "platform") == set()
    assert names("推进浙赣粤运河等重大项目前期工作。", "firm") == set()
    assert names("完善“投收运处”全链条管理。", "chain") == set()
    assert names("构建“演艺+体验+消费”产业链。", "chain") == set()


def test_batch_33_a_known_short_name_before_a_section_of_places_is_a_river():
    text = "开工长江芜湖段河道治理、驷马山灌区现代化改造等工程。"
    assert "长江" not in names(text, "firm")
    assert "宁德时代" in names("加快肇庆宁德时代二阶段工程建设。", "firm")


def test_batch_34_the_trade_a_development_verb_governs_and_runs_of_city_initials():
    assert names("集中资源发展制造业十大支柱产业。", "industry") == set()
    assert names("结合实际发展生物医药、新材料等产业。", "industry") == {"生物医药", "新材料"}
    assert names("金白兰武有色金属、宝汉天工业母机等集群加快壮大。", "industry") \
        & {"宝汉天工业母机"} == set()
    assert names("共建沈大哈长产业科技创新带。", "industry") == set()
    assert names("加快建设东中部产业向西转移重要承接地。", "industry") == set()
    assert names("挖掘金融、现代物流等生产性服务业潜力。", "industry") >= {"金融", "现代物流"}
    assert not any(n.startswith("挖掘") for n in names("挖掘金融、现代物流等生产性服务业潜力。", "industry"))


def test_batch_34_governance_statistics_and_departments_are_no_trades():
    assert names("形成零基预算改革、预算绩效管理等重点领域制度机制60余项。", "industry") == set()
    assert names("持之以恒大抓产业。", "industry") == set()
    assert names("生产安全事故起数、直接经济损失分别下降36.7%、39.1%。", "industry") == set()
    assert names("推动特殊经济功能区建设。", "industry") == set()
    assert names("5户企业入选工信部未来产业优秀案例。", "industry") == set()
    assert names("新建绿色矿山75座。", "industry") == set()
    assert names("钢铁产业超3千亿元，造纸与木材加工、石化化工产业超2千亿元。", "industry") \
        & {"与木材加工"} == set()
    assert names("集成电路、人工智能三大先导产业规模增长。", "industry") == {"集成电路", "人工智能"}
    assert names("强化教育科技人才产业联动。", "industry") == set()
    assert names("深挖新质生产力、新型城镇化等重点领域投资需求。", "industry") == set()


def test_batch_34_places_slogans_public_works_and_kinds_are_no_firms():
    assert names("实施满洲里、二连浩特、策克等重点口岸提升工程。", "firm") == set()
    assert names("推进陆家嘴、徐家汇等重点商圈改造提升。", "firm") == set()
    assert names("“企呼我办”等新机制推动企业诉求解决。", "firm") == set()
    assert names("做强以昆明都市圈为龙头的滇中城市群。", "firm") == set()
    assert names("引洮二期骨干及城乡配套工程建成。", "firm") == set()
    assert names("开工建设绵遂资内铁路、南三高速、攀西特高压交流工程等项目。", "firm") == set()
    assert names("推进危化品重大危险源、煤矿等企业安全风险监测。", "firm") <= {"危化品重大危险源"}
    assert names("用诚信坚定企业发展信心。", "firm") == set()
    assert names("大力引进美的、海尔、格力等一线家电企业。", "firm") == {"美的", "海尔", "格力"}


def test_batch_34_zones_platforms_and_works_in_clauses_or_kinds():
    assert names("支持大连建设工业设计集聚区。", "zone") == set()
    assert names("建设劳动密集型产业园。", "zone") == set()
    assert names("加快建设崇明线、上海示范区线等轨道交通线。", "zone") == set()
    assert names("支持兰州大学建设中国特色世界一流大学。", "platform") == {"兰州大学"}
    assert names("沈阳地铁险资项目成功发行首单公募不动产投资信托基金。", "platform") == set()
    assert names("完善“标准地+承诺制+全代办”项目服务模式。", "project") == set()
    assert names("新创建国家级零碳园区2家、自治区级绿色工厂40家、绿色园区3家。", "project") == set()
    assert names("完成PPP存量项目清理。", "project") == set()
    assert names("推进南宁至贵港一级等航道建设。", "project") == set()
    assert "黄桶至百色" in names("续建黄桶至百色、合浦至湛江等6个铁路项目。", "project")


def test_batch_35_known_names_that_are_products_places_or_events():
    assert "机器人" not in names("推进新能源汽车、机器人、商业航天等重点项目。", "firm")
    assert names("用好中关村论坛、金融街论坛、北京文化论坛等平台。", "firm") == set()
    assert names("建成开放中国长城博物馆。", "firm") == set()
    assert names("依托海口、三亚、琼海、五指山等4家市疾控中心。", "firm") == set()
    assert names("协和基地建设顺利推进，中资信创总部、中汽新能总部、国家管网科学试验基地等央企资源落地。",
                 "firm") == {"中资信创", "中汽新能"}
    assert names("壮大曹妃甸区、渤海新区等开放平台。", "platform") == set()
    assert names("吸引卫星研发制造、火箭总装测试、卫星数据应用等企业集聚。", "firm") == set()


def test_batch_35_fields_of_work_clauses_and_counts_are_no_trades():
    assert names("民族、宗教、侨务、档案、气象等领域取得新成绩。", "industry") == set()
    assert names("疏解提质一般制造业企业。", "industry") == set()
    assert names("出台服务业扩大开放方案，集中攻关光电信息技术。", "industry") <= {"光电信息"}
    assert names("围绕以绿制绿，升级有色冶金、化工等产业。", "industry") >= {"有色冶金"}
    assert names("社会大局和谐稳定。", "industry") == set()
    assert names("粮食生产面积保持稳定。", "industry") == set()
    assert names("建成冷凉蔬菜万吨级出口基地，打造钾、钠、锂、镁、氯五大盐湖产业。", "industry") \
        & {"冷凉蔬菜万吨级出口", "氯五大盐湖"} == set()
    assert names("加强央地、兵地在油气、矿产等重点领域协同发展。", "industry") & {"兵地在油气"} == set()


def test_batch_35_names_in_clauses_landforms_and_kinds():
    assert names("争建国家脑机接口技术创新中心。", "platform") == {"国家脑机接口技术创新中心"}
    assert names("新设固原农林职业技术学院。", "platform") == {"固原农林职业技术学院"}
    assert names("海南大学进入软科中国大学排名前50。", "platform") >= {"海南大学"}
    assert not any("进入" in n for n in names("海南大学进入软科中国大学排名前50。", "platform"))
    assert names("自治区各类实验室提质增效，联合国相关大会召开。", "platform") == set()
    assert names("积极推进黄河黑山峡水利枢纽工程、贺兰山生态保护绿色发展工程等重大工程。", "firm") == set()
    assert names("建成G225乐东至三亚段“五网合一”示范项目。", "firm") == set()
    assert names("共6台亚临界机组完成改造，丰富REITs项目储备。", "project") == set()
    assert names("甲市综保区进入全国A类综保区。", "zone") == {"甲市综保区"}


def test_batch_36_products_places_kinds_and_words_of_the_language_are_no_firms():
    assert names("推进汽车芯片、锂电池隔离膜等项目建设。", "firm") == set()
    assert names("有序推进东关街、小秦淮河、仁丰里等城市更新试点项目。", "firm") == set()
    assert names("海归人才等10个项目签约。", "firm") == set()
    assert names("鼓励优质企业垂直整合、股改上市。", "firm") == set()
    assert names("扩大金融开放，引进银行分支机构、中资邮轮公司。", "firm") == set()
    assert names("引进入驻甲乙科技有限公司。", "firm") == {"甲乙科技有限公司"}
    assert names("坚持运营乡村，变美丽生态为美丽经济。", "firm") == set()
    assert names("力争引进央企(含子公司)20家，三亚被确定为紧密型城市医疗集团试点。", "firm") == set()


def test_batch_36_fields_to_rectify_people_and_programmes_are_no_trades():
    assert names("深入开展煤矿、危化品、城镇燃气、消防等19个重点行业领域专项整治。", "industry") == set()
    assert names("强化项目投资、经济责任、自然资源资产、生态环保等领域的监督审计。", "industry") == set()
    assert names("宜居宜业和美乡村多点开花。", "industry") == set()
    assert names("按照“短期抓挖潜，中期抓项目，长期抓产业”的思路推进。", "industry") == set()
    assert names("甲城主地标即将结顶，39幢产业大楼全面建成。", "industry") == set()


def test_batch_36_verbs_before_names_and_places_that_are_no_platforms():
    assert not any(n.startswith(("做旺", "做美")) for n in names("做旺城北片区，做美滨江新区。", "zone"))
    assert names("激活川桂国际产能合作产业园。", "zone") == {"川桂国际产能合作产业园"}
    assert names("筑牢科研平台，建设深海科技创新公共平台。", "platform") == {"深海科技创新公共平台"}
    assert names("举办美乡村文化节，建设美乡村中心。", "platform") == set()
    assert names("推动中国式现代化这个中心任务落实。", "platform") == set()
    assert names("让更多科技成果走出实验室。", "platform") == set()
    assert names("加快发展现代物流产业。", "industry") == {"现代物流"}


def test_batch_37_classes_of_firms_mountains_and_kinds_of_university():
    assert names("新增规上工业企业200家、战新企业20家、亿元企业15家。", "firm") == set()
    assert names("力争新增自治区工业龙头企业、专精特新中小企业等7家。", "firm") == set()
    assert names("推进温泉度假邨（二期）、金鹿山风景区等一批重大项目建设。", "firm") == set()
    assert names("继续支持甲学院建设高水平地方应用型大学。", "platform") <= {"甲学院"}
    assert names("完善青年人才“引育留”全链条工作机制。", "chain") == set()


def test_batch_37_knowing_and_opening_lead_no_trade():
    assert names("打造懂经济、懂产业、懂政策的专业化招商队伍。", "industry") == set()
    assert names("加快开辟新型储能、智慧交通等未来产业发展新赛道。", "industry") == {"新型储能", "智慧交通"}


def test_batch_38_slogans_campaigns_and_ownership_name_no_carrier_works_or_trade():
    assert names("组建国企、民企或社会资本控股的供应链平台公司。", "firm") == set()
    assert names("积极争取自治区“双百双新”、国家“十四五”规划重大工程项目。", "project") == set()
    assert "习酒“十四五”技改一期" in names("建成投产习酒“十四五”技改一期等项目。", "project")
    assert names("大力发展企业年金、职业年金。", "industry") == set()
    assert names("有序推动国有滑石产业资产整合。", "industry") == set()
    assert names("落实协同产业招商制度。", "industry") == set()


def test_batch_38_works_named_by_places_and_verbs_before_names():
    assert names("灵渠核心景区提升、古宋城文化休闲街区等项目加快推进。", "firm") == set()
    assert names("推进协同创新中心建设，用好用活成眉科创股权投资基金。", "platform") \
        & {"用活成眉科创股权投资基金"} == set()
    assert names("抓实“五大金融”等项目融资。", "firm") == set()


def test_batch_39_classes_of_firms_schools_and_clauses_name_nothing():
    text = "支持首台（套）装备、首批次材料、首版次软件等自主创新产品推广应用，高水平建设中试转化基地。"
    assert names(text, "firm") == set()
    assert names("大力推进“个转企、小升规”，新增规上工业企业150家以上、限上批零住餐企业80家以上、"
                 "规上服务业企业50家。", "firm") == set()
    assert names("甲区工作法在人民大会堂会议上作经验交流。", "platform") == set()
    assert names("推动乙县、和县-郑蒲港新区、博望打造城市副中心。", "zone") <= {"郑蒲港新区"}
    assert names("谋划建设G312产业创新走廊。", "industry") == set()


def test_batch_40_crafts_exemplify_a_trade_and_clauses_name_no_trade_or_carrier():
    assert names("甲汽氢能重卡成功下线。", "industry") == set()
    assert names("实体化运行广安市民服务中心。", "platform") == {"广安市民服务中心"}


def test_batch_40_towns_are_no_trades_and_applying_for_a_rank_ends_a_zones_name():
    assert names("大力发展龙亢镇、新马桥镇、新集镇等特色产业。", "industry") == set()
    assert names("加快大龙开发区申创国家级经开区。", "zone") == {"大龙开发区"}


def test_batch_41_actions_on_a_trade_and_positions_on_its_chain_are_no_trades():
    found = names("重点推动纺织服装提档升级、电子信息补链强链、光伏产业扩能增效、环保产业集群发展。",
                  "industry")
    assert not any(n.endswith(("升级", "强链", "增效")) for n in found)
    assert names("做强铝材下游和铜材下游产业。", "industry") == set()


def test_batch_41_terms_of_a_fair_and_verbs_of_handing_over_lead_no_name():
    assert names("办好新一届农博会、茶博会等活动。", "platform") == {"农博会", "茶博会"}
    assert names("将20项审批事项划转临港经济开发区管委会实施。", "zone") == {"临港经济开发区"}
    assert names("支持国企领办金山新质产业园。", "zone") == {"金山新质产业园"}


def test_batch_41_canals_and_kinds_with_their_class_or_place_in_brackets():
    assert names("抓好青年干渠、凤凰片区水资源配置等工程。", "project") >= {"青年干渠"}
    assert names("抓好青年干渠、凤凰片区水资源配置等工程。", "firm") == set()
    assert names("12处过街通道投入使用，新建农村道路300公里。", "project") == set()
    assert names("抓好现代农业示范区（点）建设。", "zone") == set()
    assert names("在慕尼黑设立投资促进中心（德国）。", "platform") == set()


def test_batch_41_an_association_of_parks_is_no_park():
    assert names("成立柳州市产业园区发展促进会。", "zone") == set()


def test_batch_41_rivers_ending_in_a_place_fields_of_public_works_and_talent_programmes():
    assert names("推进武阳江综合治理，与广东佛山、江苏苏州开展合作。", "region") == \
        {"广东", "佛山", "江苏", "苏州"}
    assert names("加大水利、应急消防、市政道路等领域投资。", "industry") == set()
    assert names("实施“燕赵学者”人才项目。", "project") == set()


def test_batch_41_a_works_ignited_a_town_honoured_and_an_association_named_before():
    found = names("甲乙新能源年产10万吨电池材料一期项目点火试生产。", "project")
    assert found == {"甲乙新能源年产10万吨电池材料一期项目"}
    assert names("青石镇入选“省级百强中心镇”。", "firm") | names("青石镇入选“省级百强中心镇”。",
                                                                "platform") == set()
    assert names("秘书长表示，希望以该促进会为桥梁，服务园区企业。", "platform") == set()
    assert names("签约仪式暨杭州市数字经济促进会成立大会在杭州举行。", "platform") == \
        {"杭州市数字经济促进会"}
    assert names("央视专题报道唐山的钢铁转型。", "region") == {"唐山"}


def test_batch_42_works_by_what_is_done_to_rivers_banks_and_roads_name_no_firm():
    assert names("深入推进青石河治理、马家港堤防加固等项目。", "project") >= {"青石河治理", "马家港堤防加固"}
    assert "青石河治理" not in names("深入推进青石河治理、马家港堤防加固等项目。", "firm")
    assert names("加快东湖五桥、凤凰西路（三段）等项目建设。", "firm") == set()
    assert "瑞丰座椅骨架" in names("抓好精工智能悬架、瑞丰座椅骨架等项目建设。", "project")
    assert names("实施好金湖环线生态马道、口岸货运通道至物流园连接线等项目。", "project") == \
        {"金湖环线生态马道", "口岸货运通道至物流园连接线"}


def test_batch_42_quarters_by_their_school_and_hospitals_run_by_a_province_name_no_place():
    assert names("加快城市更新，推进东风路小学片区、豫剧团片区改造。", "zone") == set()
    assert names("山东省立医院青岛院区开工建设。", "region") == {"青岛"}
    assert names("城市和县级以上医院全部接入平台。", "region") == set()
    assert names("与甲市乙区缔结友好区市。", "region") == set()


def test_batch_42_government_platforms_levels_formulas_and_founding_verbs():
    assert names("用好矛盾纠纷多元化解“一站式”平台。", "platform") == set()
    assert names("建成运行市县两级应急指挥中心。", "platform") == set()
    assert names("启动两专科一中心建设。", "platform") == set()
    assert names("发起创立国家稀土产业联盟。", "platform") == {"国家稀土产业联盟"}


def test_batch_42_fields_of_public_affairs_and_prepositions_make_no_trade():
    found = names("防止风险向金融、社会等领域传导，统筹推进卫生、消防等领域投资。", "industry")
    assert found & {"社会", "卫生", "消防"} == set()
    assert names("推动五金产业向高端装备延伸，加快护国陈醋全产业融合发展园区建设。", "industry") \
        & {"五金产业向高端装备", "护国陈醋全"} == set()


def test_batch_43_firms_rated_producing_or_growing_in_the_report_are_local():
    for text in ("长飞光纤、华工科技获评省级工业设计中心。", "卓郎、中联重科生产纺机和农机3000余台。",
                 "天厚新材料、德通新材料等重点企业稳步增长。"):
        found = records(text, "firm")
        assert found and {r["role"] for r in found.values()} == {"local"}, text


def test_batch_43_e_government_welfare_and_civility_centres_are_no_carriers():
    assert names("建成城市运行指挥中心和社会智慧治理一网统管平台，用好问政东川平台。", "platform") == set()
    assert names("建成城市福利中心和新时代文明实践中心。", "platform") == set()
    assert names("支持民营企业与科研机构合作，强化与各地商协会对接。", "platform") == set()


def test_batch_43_quarters_counties_at_large_insurances_and_fields_name_nothing():
    assert names("启动理工大学周边片区、纺织厂片区改造。", "zone") == set()
    assert names("与绵阳市毗邻县（市）签订合作协议。", "region") == {"绵阳市"}
    assert names("清廉政府深入推进，加大对权力集中、资金密集、资源富集等领域的监督。", "industry") == set()
    assert names("推动灵活就业人员参加基本养老保险、工伤保险。", "firm") == set()
    assert names("建成使用市妇幼保健院妇产楼，重塑城发集团。", "firm") == {"城发集团"}


def test_batch_43_pumped_storage_is_a_site_named_by_its_place():
    assert names("开工建设青山抽水蓄能等项目。", "firm") == set()
    assert names("开工建设青山抽水蓄能等项目。", "project") == {"青山抽水蓄能"}


def test_batch_43_heritage_units_of_power_and_rousing_verbs():
    assert names("协同打造青州博物苑、北门工业遗存等文化地标。", "firm") == set()
    assert names("中车风电20兆瓦海上风机成功下线。", "industry") & {"兆瓦海上风机"} == set()
    assert names("用好协作机制，激发新能源、装备制造等产业活力。", "industry") >= {"新能源", "装备制造"}
    assert names("更好服务“一带一路”核心区建设。", "zone") & {"更好服务“一带一路”核心区"} == set()


def test_batch_44_a_conjunction_inside_a_place_name_cuts_no_zone():
    assert names("开行中欧班列50列，呼和浩特国际陆港建设提速。", "zone") == {"呼和浩特国际陆港"}
    assert names("推动设立和林格尔金融数据产业园。", "zone") == {"和林格尔金融数据产业园"}


def test_batch_44_designations_policy_pilots_sports_meets_and_services_to_firms():
    assert names("罗田获评全国“两山”实践创新基地。", "platform") == set()
    assert names("成功创建中央财政支持普惠金融发展示范区。", "zone") == set()
    assert names("成功举办市第三届运动会和市六运会。", "platform") == set()
    assert names("上线“政策快享”平台，建成市残疾人托养中心和智慧停车平台。", "platform") == set()
    assert {r["role"] for r in records("甲宝、乙帝两家企业成功登陆A股市场。", "firm").values()} == {"local"}


def test_batch_45_computing_centres_zero_carbon_classes_and_listing_verbs_name_nothing():
    assert names("建设智能算力中心和城市智算中心。", "platform") == set()
    assert names("支持创建零碳园区、零碳厂区、零碳校区、零碳社区。", "project") == set()
    assert names("新上市、挂牌3户企业。", "firm") == set()
    assert names("升级“政企通”平台，建好审管互动平台和心理健康云平台。", "platform") == set()


def test_batch_45_growing_a_firm_or_its_prize_makes_it_local():
    for text in ("发展生物医药产业，壮大甲药业、乙制药等企业。", "东方精工、华丰科技分获省长质量奖。"):
        found = records(text, "firm")
        assert found and {r["role"] for r in found.values()} == {"local"}, text


def test_batch_46_opening_a_line_firsts_of_a_kind_and_headings_name_nothing():
    assert names("开通运营地铁9号线二期，试运营地铁8号线南延。", "project") >= {"地铁9号线二期"}
    assert not any(n.startswith(("开通", "运营", "试运营")) for n in names(
        "开通运营地铁9号线二期，试运营地铁8号线南延。", "project"))
    assert names("设立全国首只科创接力基金。", "platform") == set()
    assert names("新增国家工业互联网“双跨”平台1个。", "platform") == set()
    assert "蓝海工业互联网国家级“双跨”平台" in names("用好蓝海工业互联网国家级“双跨”平台。", "platform")
    assert names("建好市城运平台和城市安全风险综合监测预警平台。", "platform") == set()
    assert names("制造业集群发展成效凸显，交通路网日益畅通。", "industry") == set()


def test_batch_47_fields_of_the_business_climate_kinds_of_exchange_and_founding_a_bank():
    assert names("推行企业信用、公平竞争、个人破产等改革，深化教育医疗、社保养老等领域改革。",
                 "industry") == set()
    assert names("持续做大做强数据交易所、大宗商品交易平台，建设人工智能公共算力服务平台。",
                 "platform") == set()
    assert names("加快筹设大湾区国际商业银行。", "firm") & {"筹设大湾区国际商业银行"} == set()
    assert "S217灾后恢复重建" in names("建成S217灾后恢复重建、G318提质改造等项目。", "project")


def test_batch_47_founding_a_firm_makes_it_local():
    found = records("年内成立甲衡新能公司，建设聚变实验装置。", "firm")
    assert found and {r["role"] for r in found.values()} == {"local"}


def test_batch_48_that_is_and_besides_end_where_a_zone_name_starts():
    assert names("三园即甲乙新材料产业园、丙丁装备产业园。", "zone") >= {"甲乙新材料产业园"}
    assert names("综合保税区是中国除自由贸易港之外开放层次最高的区域。", "zone") == set()
    assert names("青岛即墨经济开发区发展即时零售。", "zone") == {"青岛即墨经济开发区"}


def test_batch_48_a_chains_position_measure_or_part_is_no_part_of_a_trade():
    assert names("壮大下游电池片、组件产能规模。", "industry") == {"电池片", "组件"}
    assert names("强化数字经济赋能作用、生产性服务业支撑作用。", "industry") == \
        {"数字经济", "生产性服务业"}
    assert names("眼镜产业链方面，招引中高档镜片企业。", "industry") == {"眼镜"}
    assert names("台德智慧科技成为全市唯一省级制造业单项冠军。", "industry") == set()


def test_batch_48_a_county_written_short_spells_what_follows_it():
    assert names("总投资4亿元的桃江西220千伏输变电工程正式输电。", "region") == set()
    assert names("与湖南、江西合作。", "region") == {"湖南", "江西"}
    found = names("甲乙纺织有限公司环纺项目、霍尔果斯交通物流园建设项目等建成投产。", "firm")
    assert "霍尔果斯" not in found


def test_batch_48_firsts_of_a_kind_supporting_works_and_yearly_meetings_name_nothing():
    text = "甲丙高新20万吨/年EVA项目是新疆首套EVA项目。"
    assert names(text, "project") == {"甲丙高新20万吨/年EVA项目"}
    assert names("今年以来，5G基础设施建设及配套工程建成投产。", "project") == set()
    assert names("深入落实全省招商引资大会要求，召开全市项目建设推进会。", "platform") == set()
    assert names("乙丁二期20GW单晶硅棒项目开工建设。", "project") == {"乙丁二期20GW单晶硅棒项目"}


def test_batch_48_trades_words_firms_ranks_and_parks_as_subjects():
    found = names("湖北甲蕲科技集团有限公司投资8亿元的艾草生物经济项目落户。", "firm")
    assert found == {"湖北甲蕲科技集团有限公司"}
    assert names("生物医药板块以甲美药业、乙伦药业等11家规上企业为支柱。", "industry") == set()
    assert names("倍易通将逐步导入智能物联、5G手机等生产项目。", "firm") == set()
    assert names("丙华人工智能产业园等7大专业园区吸引42个项目入驻。", "zone") == {"丙华人工智能产业园"}


def test_batch_48_where_firms_come_from_is_not_where_the_text_is():
    text = "山西综改区经开区、高新区排名持续上升。甲乙智能终端产业园已引进多家来自深圳等地的企业。"
    assert not any(n.startswith("深圳") for n in names(text, "zone"))


def test_batch_48_wings_of_a_plan_what_a_product_saves_and_where_it_is_used():
    assert names("“两翼”即北翼—榆林氢能汽车产业集聚区、南翼—汉中专用车产业集聚区。", "zone") == \
        {"榆林氢能汽车产业集聚区", "汉中专用车产业集聚区"}
    assert names("榆林重点发展节能环保装备产业。", "industry") == {"节能环保装备"}
    assert names("其核心产品广泛应用于桥梁、超高层建筑等多个领域。", "industry") == set()
    assert names("重点发展新能源汽车、储能等领域。", "industry") == {"新能源汽车", "储能"}


def test_batch_49_stages_of_works_functions_daily_life_and_kinds_of_parts_name_nothing():
    text = "继续围绕谋划储备、征迁交地、用地报批、动工投建、竣工投产、入库纳统等领域开展活动。"
    assert names(text, "industry") == set()
    assert names("打造集研发、生产、供应链等产业功能于一体的装备产业综合体。", "industry") == set()
    assert names("新项目涵盖衣食住行、科技前沿等多个领域。", "industry") == set()
    assert names("拟引进车载控制器、电驱、汽车座椅、底盘、内外饰等企业。", "firm") == set()
    assert names("引进甲乙电器、丙丁电器、戊己电器等企业。", "firm") == {"甲乙电器", "丙丁电器", "戊己电器"}


def test_batch_49_titles_former_names_formulas_and_clusters_are_no_part_of_a_name():
    assert names("园区管理化工产业园(原济宁市生物产业园)。", "zone") >= {"济宁市生物产业园"}
    assert "原济宁市生物产业园" not in names("园区管理化工产业园(原济宁市生物产业园)。", "zone")
    assert names("为该市打造成为全国领先的锂电产业集聚区提供支撑。", "zone") == set()
    assert names("构建起超千亿元的“母基金+盲池基金”集群。", "platform") == set()
    assert names("目前，贵安数据中心集群已集聚23个数据中心。", "project") == set()
    assert names("钱塘区的“芯智造”产业链被评为示范单位。", "chain") == set()
    assert names("美国甲乙高空作业平台项目开工。", "platform") == set()


def test_batch_49_a_firms_works_place_number_and_a_part_it_plays():
    assert names("打造中国动力电池之都。", "firm") == set()
    assert names("甲盛台州年产1000万吨高端化工新材料项目开工建设。", "firm") == {"甲盛"}
    assert names("这些项目包括万宁壹号项目、望海国际项目。", "firm") == set()
    text = "发挥锂电产业创新创业共同体科创大平台作用和甲乙电子等小巨人企业的带动作用。"
    assert not any(n.endswith("作用") for n in names(text, "firm"))


def test_batch_49_firms_a_chain_is_built_around_or_that_enter_the_park_are_local():
    text = "建立大招商机制，围绕甲东方、乙士康等链主企业，协同招引丙姆思等生态链企业。"
    assert {records(text, "firm")[n]["role"] for n in ("甲东方", "乙士康")} == {"local"}
    text = "招引1个主导产业项目——柳州甲瑞模具制造科技有限公司年产200套汽车模具项目签约入园。"
    assert records(text, "firm")["柳州甲瑞模具制造科技有限公司"]["role"] == "local"


def test_batch_50_a_notices_organs_parties_and_subsidiaries_name_nothing():
    assert names("本次投资无需提交公司股东大会审议。", "platform") == set()
    assert names("协议无需董事会或股东大会审议。", "platform") == set()
    text = "苏州甲华新材料科技股份有限公司(以下简称“公司”)召开董事会。公司将投资建设创新中心。"
    assert names(text, "firm") == {"苏州甲华新材料科技股份有限公司"}
    text = "公司将与肥城经开区下属公司山东肥城经开建设集团有限公司共同出资设立合资公司。"
    assert names(text, "firm") == {"山东肥城经开建设集团有限公司"}
    assert names("采访团随该公司总顾问行走在车间。", "firm") == set()


def test_batch_50_a_zone_inside_a_firms_registered_name_and_a_parks_brand():
    assert names("铁岭新城投资控股(集团)股份有限公司关于签署投资协议书的公告", "zone") == set()
    assert "中关村" not in names("项目选址银川经济技术开发区中关村产业基地。", "firm")
    assert names("交城经济开发区甲庆新材料科技有限公司投产。", "zone") == {"交城经济开发区"}


def test_batch_50_verbs_reporters_fields_and_formulas_open_no_name():
    assert names("精心服务蒲白矿山支护有限公司等规上工业企业。", "firm") == {"蒲白矿山支护有限公司"}
    assert names("深耕曲面屏、芯片等核心技术研发的领军企业。", "firm") == set()
    assert names("记者从白水县工业兴县推进会上获悉。", "platform") == {"白水县工业兴县推进会"}
    assert names("在产业跃升方面，该区形成了主导产业。", "industry") == set()
    assert names("推动特色经济产业化、产业经济集群化。", "industry") == set()
    assert names("另一条正在建设的一窑四线项目总投资达18亿元。", "project") == set()
    assert names("安徽甲科能源二期8GW电池片项目生产线首线投产。", "project") == \
        {"安徽甲科能源二期8GW电池片项目"}


def test_batch_50_firms_the_state_designates_or_that_form_a_cluster_are_local():
    text = "甲商农科、乙海生物等4家企业被工信部认定为国家级专精特新“小巨人”企业。"
    assert {r["role"] for r in records(text, "firm").values()} == {"local"}
    assert {r["role"] for r in records("甲泰华、乙方达等企业形成百亿级产业集群。", "firm").values()} == {"local"}


def test_batch_51_verbs_of_attracting_exerting_and_dividing_open_names():
    assert names("推介会引来IBM、林德气体等知名企业参会。", "firm") == {"IBM", "林德气体"}
    assert names("除了发力医疗健康、集成电路产业，还围绕新材料发展。", "industry") >= {"医疗健康"}
    assert names("构建空间规划体系，划分启动区、核心区和拓展区。", "zone") == set()
    assert "精心绘制" not in names("聚焦生物医药、新材料等产业，精心绘制产业招商图谱。", "industry")
    assert names("依托甲保新能源汽车产业园、金麒麟以及鲁得贝车灯等相关企业。", "firm") == \
        {"金麒麟", "鲁得贝车灯"}


def test_batch_51_kinds_of_firm_descriptions_questions_towns_and_notice_channels():
    assert names("已有40多家泳装、运动服等服饰类企业前来咨询。", "firm") == set()
    assert names("作为昌吉州唯一一个国家级高新区，发展迅速。", "zone") == set()
    assert names("招什么产业、招哪些环节的企业。", "industry") == set()
    assert names("此次合作为加强水东镇整体新能源产业的开发建设。", "industry") == set()
    assert names("详见公司在北京证券交易所指定信息披露平台披露的公告。", "platform") == set()
    text = "主要建设内容为宣城市宣州区水东镇储能电站。"
    assert names(text, "project") == {"宣城市宣州区水东镇储能电站"}


def test_batch_51_a_party_to_an_agreement_and_with_end_where_a_zone_name_starts():
    text = "公司与临武高新技术产业开发区管理委员会签署投资协议书。"
    assert names(text, "zone") == {"临武高新技术产业开发区"}
    assert names("建设航空与燃机产业园。", "zone") == {"航空与燃机产业园"}


def test_batch_52_a_policy_texts_regimes_problems_technologies_and_slogans_name_nothing():
    assert names("大力推进以全员聘任制和绩效工资制为核心的人事薪酬制度改革。", "firm") == set()
    assert names("加快区内企业人才队伍建设，向龙头企业下放高级职称评审权限。", "firm") == set()
    text = "重点督查未实质性开工、开工即停工、开工后进展缓慢等问题(新引进项目重点查看签约情况)。"
    assert names(text, "project") == set()
    text = "支持工业企业运用5G、TSN(时间敏感网络)、工业PON(无源光网络)等新型网络技术改造内网。"
    assert names(text, "firm") == set()
    assert names("鼓励企业用户上云上平台，（五）激发商会协会活力。", "platform") == set()
    assert names("甲省人民政府办公厅关于对全省部分重大产业项目加大督查调度力度的通知", "project") == set()
    assert names("支持苗知府、全江、华绿园等一批本地农产品加工企业壮大发展。", "firm") == \
        {"苗知府", "全江", "华绿园"}


def test_batch_52_a_firm_building_a_listed_works_is_local_and_a_phase_after_it_is_the_works():
    text = "13 | 甲乙化工股份有限公司九江分公司89万吨/年芳烃项目 | 68 | 在建 | 武宁县政府"
    assert records(text, "firm")["甲乙化工股份有限公司"]["role"] == "local"
    text = "62 | 抚州甲弘光伏能源有限公司二期太阳能电池片生产项目 | 20 | 在建"
    assert names(text, "project") == {"抚州甲弘光伏能源有限公司二期太阳能电池片生产项目"}
    assert "租赁高新区触控产业园" not in names("一期租赁高新区触控产业园标准厂房约6万平方米。", "zone")
    assert names("王均坦 人行合肥中心支行行长", "platform") == set()


def test_batch_52_a_way_of_working_is_no_trade():
    assert names("网络化协同。", "industry") == set() and names("数字化管理。", "industry") == set()
    assert names("发展智能网联汽车和新能源汽车。", "industry") == {"智能网联汽车", "新能源汽车"}


def test_batch_53_a_zones_work_summary_placeholders_countries_figures_and_programmes():
    assert names("入驻X芯屏新材料产业园，依托开发区X服企窗口平台。", "zone") == set()
    assert names("依托开发区X服企窗口平台。", "platform") == set()
    assert names("建设__湾电力科技小镇。", "zone") == set()
    assert names("大力引进英国联合食品、美国家乐氏公司、越南FPT等企业。", "firm") == \
        {"联合食品", "家乐氏", "FPT"}
    assert names("支持中国中铁、中国电建等企业。", "firm") == {"中国中铁", "中国电建"}
    assert names("主要经济指标成绩优异。", "industry") == set()
    assert names("会上，对新晋中山市制造业龙头骨干企业进行表彰。", "industry") == set()
    assert names("先后引进“凤麓英才”计划项目(个人)5个。", "project") == set()
    assert names("武汉大学黄石电子信息研究院升格省级产业技术研究院。", "platform") == \
        {"武汉大学黄石电子信息研究院"}


def test_batch_54_a_firm_signing_to_build_with_the_host_government_is_local():
    text = "上海甲榕生物科技股份有限公司与乙昌县政府签署协议，拟20亿元投建食用菌产业园。"
    assert records(text, "firm")["上海甲榕生物科技股份有限公司"]["role"] == "local"
    text = "浙江甲子园食品股份有限公司关于签署投资协议暨设立全资子公司的进展公告"
    assert records(text, "firm")["浙江甲子园食品股份有限公司"]["role"] == "local"
    text = "以甲一科技陕西有限公司为实施主体，在宝鸡市金台区建设先进电子材料产业基地项目。"
    assert records(text, "firm")["甲一科技陕西有限公司"]["role"] == "local"
    text = "大力引进乙峰电子科技有限公司等龙头企业。"  # to attract stays a target
    assert records(text, "firm")["乙峰电子科技有限公司"]["role"] == "target"


def test_batch_54_a_he_after_a_place_opens_the_trade_name():
    assert names("区内拥有北京和利时系统工程有限公司。", "firm") == {"北京和利时系统工程有限公司"}
    assert names("园区和北京甲为技术有限公司签约。", "firm") == {"北京甲为技术有限公司"}


def test_batch_54_stages_of_work_and_customs_sites():
    assert names("围绕研发设计、生产制造、售后服务全流程开展数字化改造。", "industry") == set()
    assert names("围绕新能源汽车、新材料、生物医药开展招商。", "industry") == \
        {"新能源汽车", "新材料", "生物医药"}
    assert names("推进经开区保税物流中心建设。", "zone") == {"经开区保税物流中心"}
    assert names("重庆西永综合保税区和两路寸滩保税港区", "zone") == \
        {"重庆西永综合保税区", "两路寸滩保税港区"}
    text = "加快空港保税物流中心(B型)、出口加工区等项目建设。"
    assert names(text, "firm") == set() and "出口加工区" not in names(text, "project")
    assert names("建设航空物流园区、B型保税物流中心。", "zone") == set()


def test_batch_54_places_listed_before_one_zone_type_each_take_it():
    text = "苏州工业园区以及昆山、江宁、镇江、淮安经济技术开发区等国家级经开区榜上有名。"
    assert names(text, "zone") == {"苏州工业园区", "昆山经济技术开发区", "江宁经济技术开发区",
                                   "镇江经济技术开发区", "淮安经济技术开发区"}
    assert names("推动呼和浩特、鄂尔多斯、满洲里3个综保区提质增效。", "zone") == \
        {"呼和浩特综保区", "鄂尔多斯综保区", "满洲里综保区"}
    text = "以江北新区为核心，江宁区、雨花台区、南京经开区各有特色。"  # districts are regions
    assert names(text, "zone") == {"江北新区", "南京经开区"}
    assert names("推动郑州、洛阳、苏州高新区协同发展。", "zone") == \
        {"郑州高新区", "洛阳高新区", "苏州高新区"}  # (cities whose names end in 州)


def test_batch_54_signed_firms_build_here_and_a_firms_partners_are_other():
    text = "长乐区与恒申甲科罗工程材料有限公司、光隆乙密股份有限公司等11家企业集中签约。"
    assert {r["role"] for r in records(text, "firm").values()} == {"local"}
    text = "区政府与丙丁木业有限公司签订年产10万件全屋家具项目。"
    assert records(text, "firm")["丙丁木业有限公司"]["role"] == "local"
    text = "力争与甲乙科技有限公司签约。"  # still to come
    assert records(text, "firm")["甲乙科技有限公司"]["role"] == "target"
    text = "高新区与甲为技术有限公司签署战略合作框架协议。"  # cooperation, no works
    assert records(text, "firm")["甲为技术有限公司"]["role"] == "target"
    text = "太重集团与大唐、华润、中广核、华电等能源企业开展战略合作。"
    roles = {name: r["role"] for name, r in records(text, "firm").items()}
    assert roles == {"太重集团": "local", "大唐": "other", "华润": "other", "中广核": "other",
                     "华电": "other"}
    text = "甲乙科技有限公司与丙丁电子有限公司签署合作协议。"
    assert records(text, "firm")["丙丁电子有限公司"]["role"] == "other"


def test_batch_54_zones_written_without_marks_comparisons_credits_and_prepositions():
    text = "分别是即墨经济开发区潍坊(寿光)高新技术产业开发区东营港经济开发区荣成经济开发区"
    assert names(text, "zone") == {"即墨经济开发区", "潍坊(寿光)高新技术产业开发区",
                                   "东营港经济开发区", "荣成经济开发区"}
    assert names("中国(河南)自由贸易试验区郑州片区", "zone") == {"中国(河南)自由贸易试验区郑州片区"}
    text = "培育认定3~5家创新水平更高、质量效益更优、带动能力更强的头雁企业。"
    assert names(text, "firm") == set()
    assert names("力争五年内新增千亿级企业2~3家、百亿级企业20家左右。", "firm") == set()
    assert "骑楼城城市更新" in names("提速推进甲乙文化旅游博览区、骑楼城城市更新等项目。", "project")
    text = "甲市招商投资促进局供图本次洽谈会旨在深化协作成效。"
    assert names(text, "platform") == set()
    assert names("这个曾经以数博会举办地闻名的新区。", "platform") == {"数博会"}
    assert "以岭药业研究院" in names("支持以岭药业研究院建设。", "platform")
    text = "推介会邀请了长三角地区精细化工、智能装备制造、文旅和数字经济等157家知名企业代表。"
    assert names(text, "firm") == set()


def test_batch_54_a_firm_no_cue_ranks_is_the_texts_own():
    text = "君甲福、阳乙电子等储能数字化企业加快发展，储能装备产业产值增长267.8%。"
    assert {r["role"] for r in records(text, "firm").values()} == {"local"}
    text = "助力甲海实验室与中甲媒、通用乙术、瓦丙等重点企业共建联合研发中心。"
    assert {r["role"] for r in records(text, "firm").values()} == {"local"}
    text = "大力引进甲乙科技、丙丁电子等龙头企业。"  # a cue still ranks them
    assert {r["role"] for r in records(text, "firm").values()} == {"target"}


def test_batch_54_firms_the_place_cooperates_with_are_targets():
    text = "深化对外开放合作，与中国外运、中国甲资公司等建立战略合作关系。"
    assert records(text, "firm")["中国外运"]["role"] == "target"
    text = "抓好与中国联通、中科曙光等合作项目。"
    assert {r["role"] for r in records(text, "firm").values()} == {"target"}


def test_batch_54_a_counted_set_of_chains_spelled_out_after_it():
    text = ("今年，我市设立了4条新兴优势产业链，包括先进硬质材料、服饰(纺织)、"
            "绿色农产品加工、文化旅游与创意包装产业链。")
    assert names(text, "industry") == {"先进硬质材料", "服饰", "绿色农产品加工", "文化旅游与创意包装"}
    assert names("全市重点打造3条产业链，分别是新能源汽车、生物医药、高端装备。", "industry") == \
        {"新能源汽车", "生物医药", "高端装备"}


def test_batch_54_publishing_verbs_agencies_means_captions_and_trade_harbours():
    assert names("湖北公布开发区高质量发展考评情况", "zone") == set()
    assert names("推介会上,锦州市经合中心就三大发展题材进行了推介。", "platform") == set()
    assert names("将项目招引作为主要职责之首,以招引龙头企业“建链强链”。", "firm") == set()
    assert names("以比亚迪为龙头企业。", "firm") == {"比亚迪"}
    assert names("吉利生产车间。", "industry") == set()
    text = "建设中的裕廊高端智能制造产业港已封顶。"
    assert names(text, "zone") == {"裕廊高端智能制造产业港"} and names(text, "industry") == set()


def test_batch_54_a_zone_named_after_an_area_the_gazetteer_lacks():
    text = "我市袍江经济技术开发区、柯桥经济技术开发区3个国家级经开区考评排名全面突进。"
    assert names(text, "zone") == {"袍江经济技术开发区", "柯桥经济技术开发区"}
    assert names("支持高新区、蒙苏经济开发区、炉碧经开区拓展空间。", "zone") >= {"蒙苏经济开发区", "炉碧经开区"}
    assert names("推动经济开发区发展。", "zone") == set()
    assert names("现就经开区有关工作报告如下。", "zone") == set()


def test_batch_54_a_firms_office_of_trade_is_its_works_not_a_platform():
    text = "签约项目包括阿里甲猫超市江西运营结算中心、京东华中区域营销中心和顺丰华东分拨中心。"
    assert names(text, "platform") == set()
    assert names(text, "project") == {"阿里甲猫超市江西运营结算中心", "京东华中区域营销中心",
                                      "顺丰华东分拨中心"}


def test_batch_55_parties_captions_publishing_counts_and_slogans():
    text = "高新区联合天津工业大学共建河北省膜产业技术研究院。"
    assert names(text, "platform") == {"天津工业大学", "河北省膜产业技术研究院"}
    assert names("网易(北海)联合创新中心揭牌。", "platform") == {"网易(北海)联合创新中心"}
    assert names("图为鄂尔多斯集团梳绒车间。", "firm") == {"鄂尔多斯集团"}
    text = "近日,科技部火炬中心公布国家级科技企业孵化器名单,浙江省仅有三家平台入选。"
    assert names(text, "platform") == set()
    assert names("信息港于2016年正式获批,此后又获评国家级孵化器。", "firm") == set()
    assert names("宇通前瞻布局氢燃料商用车和智能驾驶赛道。", "industry") == {"氢燃料商用车", "智能驾驶"}
    assert names("是郑州以高能级创新平台为支撑的创新体系。", "platform") == set()
    assert "郑州以岭药业研究院" in names("郑州以岭药业研究院", "platform")
    assert names("七年引新聚优产业兴区,汇聚科创力量。", "industry") == set()
    assert names("充分发挥大花生、白羽鸡国家级产业集群带动作用。", "industry") == {"大花生", "白羽鸡"}


def test_batch_55_clauses_grants_measures_mastheads_and_offices_of_trade():
    # (a span of time makes a clause: no name runs through 近年来; the group is named whole)
    assert names("长春汽开区近年来在一汽集团带动下发展。", "firm") <= {"一汽集团"}
    assert names("项目建设以来,赣州经开区每月派人到现场调度项目。", "project") == set()
    assert names("设立45亿元产业基金,膜基金为全国首支膜材料科创基金。", "platform") == set()
    assert names("这条见证中国量子科技从实验室走向市场的道路。", "platform") == set()
    assert names("通过强化研发投入,省自然科学基金占比提高。", "platform") == set()
    assert names("在36个城市、100余家用户中心同步上市。", "platform") == set()
    assert names("甲经开区工委副书记、生态产业新城发展中心党组书记乙参加。", "platform") == set()
    assert records("上海报业集团主管主办·文汇报社出版", "firm")["上海报业集团"]["role"] == "other"
    text = "亚马逊中国华东采购分拨中心项目、马士基亚太分拨中心等行业龙头企业相继入驻。"
    assert names(text, "platform") == set() and "马士基亚太分拨中心" in names(text, "project")
    assert names("冬季北龙湖岸边中原科技城一家高科技企业里。", "zone") == {"中原科技城"}
    assert names("除做大做强单晶硅电池、光伏组件外,还要发展半导体。", "industry") >= \
        {"单晶硅电池", "光伏组件"}


def test_batch_55_a_works_named_with_or_without_its_kind_word_is_one_works():
    text = "仅在2022年,奥迪甲汽新能源汽车、一汽乙迪动力电池等项目落地。总投资358亿元的奥迪甲汽新能源汽车项目开工。"
    assert names(text, "project") == {"奥迪甲汽新能源汽车", "一汽乙迪动力电池"}


def test_batch_56_an_attracting_verb_that_names_an_event_is_no_cue():
    text = "对接会上,新疆甲胜织造有限公司董事长分享了在伊宁县纺织产业园投资的经验。"
    assert records(text, "firm")["新疆甲胜织造有限公司"]["role"] == "local"
    text = "积极对接甲乙科技有限公司、丙丁电子有限公司等企业。"
    assert {r["role"] for r in records(text, "firm").values()} == {"target"}


def test_batch_56_aid_fields_classes_of_towns_shipping_and_existing_lines():
    text = "围绕智力支援、产业支援、促进就业、文化教育支援等领域,落实落细各项援藏工作。"
    assert names(text, "industry") == set()
    assert names("湘江新区以主导产业、优势产业、未来产业为主攻方向。", "industry") == set()
    text = "浙江省特色小镇创建名单公布,柯桥蓝印时尚小镇入选时尚产业类特色小镇。"
    assert names(text, "zone") == {"柯桥蓝印时尚小镇"}
    assert names("打造全国有位的“特色纺织小镇”。", "zone") == set()
    assert names("产品运达北京、上海、新疆等地。", "firm") == set()
    text = "创新型铝型材生产项目原有宽甸甲盛门窗幕墙装潢有限公司生产线。"
    assert names(text, "firm") == {"宽甸甲盛门窗幕墙装潢有限公司"}
    assert names("北京甲乙项目管理有限公司", "firm") == {"北京甲乙项目管理有限公司"}


def test_batch_56_surroundings_meetings_as_platforms_programmes_and_states():
    assert names("带动周边片区文旅商融合发展。", "zone") == set()
    assert names("借助青岛峰会平台,聊城市举办了推介会。", "platform") == set()
    text = "11月15日,成都文创产业建圈强链项目招商推介暨产融对接会举行。"
    assert names(text, "project") == set() and names(text, "firm") == set()
    assert "久泰30万吨延链补链一体化" in names("加快建设久泰30万吨延链补链一体化等项目。", "project")
    assert names("涵盖民生改善、基础设施提升、园区产业升级等多个领域。", "industry") == set()
    assert names("将为开发区整体经济发展注入动力。", "industry") == set()


def test_batch_56_a_compass_point_that_ends_a_province_opens_no_boundary():
    assert names("山西临汾经济开发区引进甲乙科技有限公司。", "zone") == {"山西临汾经济开发区"}
    text = "位于武深高速出入口处的湖北通城县鄂湘赣商贸物流中心项目建设正酣。"
    assert "湖北通城县鄂湘赣商贸物流中心项目" in names(text, "project")


def test_batch_57_settled_after_works_being_built_bases_and_pronouns():
    text = "这一年宜春抢抓机遇,吸引国轩高科、宁德时代和比亚迪等行业巨头,相继在宜春落子。"
    assert {r["role"] for r in records(text, "firm").values()} == {"local"}
    text = "大力引进甲乙科技有限公司、丙丁电子有限公司等企业,力争年内落地。"
    assert {r["role"] for r in records(text, "firm").values()} == {"target"}
    text = "继续深化制造业招大引强,重点推进晶科新能源、正泰新能、立昂东芯等制造业重大项目建设。"
    assert {r["role"] for r in records(text, "firm").values()} == {"local"}
    text = "宁德时代贵州基地、弗迪电池等新能源电池企业动力强劲。"
    assert names(text, "firm") == {"宁德时代", "弗迪电池"}
    assert names("我们年产10000万千米金刚线项目已投产。", "project") == {"年产10000万千米金刚线项目"}
    text = "加速融入机场体系,发展平房片区通航服务产业。"
    assert "平房片区通航服务" not in names(text, "industry")


def test_batch_58_periods_metropolitan_areas_and_agglomeration_areas():
    assert names("“十三五”时期全省制造业高质量发展成效明显。", "industry") == set()
    assert names("江西省将装备制造业、大南昌都市圈作为重点。", "industry") == {"装备制造业"}
    text = "秦创原光子产业创新聚集区围绕先进激光与光子制造布局。"
    assert names(text, "zone") == {"秦创原光子产业创新聚集区"}
    assert names("发展夜间消费聚集区。", "zone") == set()  # a kind, named by ordinary words


def test_batch_58_slogans_of_leading_pilots_of_integration_and_a_trades_city():
    assert names("智能化引领产业创新发展。", "industry") == set()
    assert names("以成都天府国际生物城、成都医学城为核心承载区。", "zone") == \
        {"成都天府国际生物城", "成都医学城"}
    assert names("作为产城融合示范区,武汉经开区将全力打造汽车产业。", "zone") == {"武汉经开区"}


def test_batch_59_ranking_and_gathering_verbs_bylines_and_ways_of_working():
    text = "长寿经开区党工委书记表示,共聚渝东新城建设合力。"
    assert names(text, "zone") == {"长寿经开区", "渝东新城"}
    assert names("成都高新综合保税区蝉联全国综保区发展绩效评估A类。", "zone") == {"成都高新综合保税区"}
    assert names("岳阳日报全媒体采访中心记者报道。", "platform") == set()
    assert names("这些项目借力中南大学的科研优势。", "platform") == {"中南大学"}
    assert names("此次签约项目涵盖城市更新、产融协作、国企联动等领域。", "industry") == set()
    assert "美的" in names("园区引进美的等家电企业。", "firm")


def test_a_whole_places_work_meeting_is_no_platform():
    # the government convenes its own organs (召开全省…大会): no carrier firms meet at
    assert names("市政府召开全市制造业高质量发展大会,部署全年工作。", "platform") == set()
    assert names("召开全县招商引资推进会、全县项目建设观摩会。", "platform") == set()
    assert names("省委召开全省科技创新大会暨科技奖励大会。", "platform") == set()
    # hosted events and numbered sessions stay: 举办…博览会, 首届…大会
    assert names("成功举办中国国际智能传感器博览会。", "platform") == {"中国国际智能传感器博览会"}
    assert names("我市举办全市首届智能制造大会。", "platform") == {"智能制造大会"}


def test_round_19_a_rank_verb_a_banks_compass_point_and_a_topped_out_centre():
    # 稳居 (ranks steadily among) ends the zone's name like 位居 and 蝉联
    text = "甲州经开区、甲州高新区稳居国家级开发区前列。"
    assert names(text, "zone") == {"甲州经开区", "甲州高新区"}
    # a lake's or river's bank by its compass point is no province (湖|北岸, 河|南岸)
    assert names("金鳞湖北岸和月亮河南岸用地完成控规调整。", "region") == set()
    assert names("与湖北、河南两省合作。", "region") == {"湖北", "河南"}
    # a 中心 that tops out is a building under construction, a works of its builder
    text = "确保中建西南创研中心部分主体结构封顶。"
    assert names(text, "project") == {"中建西南创研中心"} and names(text, "platform") == set()
    assert names("新乡智能传感器创新中心建成运营。", "platform") == {"新乡智能传感器创新中心"}


def test_round_19_a_trade_of_one_character_and_a_small_firms_park():
    # one noun character cannot stand alone as a trade's name: it keeps 产业 as written
    assert names("做大茶产业,推动竹产业、菌产业发展。", "industry") == {"茶产业", "竹产业", "菌产业"}
    assert "钛产业" in names("钛合金入选特色产业集群,钛产业规模跃居全国首位。", "industry")
    # a place level, a rank or a structure word before 产业 is no trade; a lab's name is a lab's
    assert names("优化省产业布局,壮大新产业。", "industry") == set()
    assert "铝产业" not in names("新建铝产业先进制造省实验室。", "industry")
    # 小微园: a park of small and micro firms written short, a zone by its name
    assert names("推动黄精小微园、瓯江科创小微园上半年投用。", "zone") == {"黄精小微园", "瓯江科创小微园"}


def test_round_19_an_economy_growing_as_a_clause_subject_and_a_sections_running():
    assert names("低空经济加快发展,首款无人机出口海外。", "industry") == {"低空经济"}
    # the items before it share its growth
    assert names("水产养殖、林下经济稳步发展。", "industry") == {"水产养殖", "林下经济"}
    # kinds of ownership and places stay no trade; a clause opening on a verb names none
    assert names("民营经济加快发展,县域经济稳步发展。", "industry") == set()
    assert names("维护经济安全,畅通经济循环。", "industry") == set()
    # the running of the economy is a report's section, no trade
    assert names("经济运行方面,全年完成地区生产总值890亿元。", "industry") == set()


def test_round_19_a_logistics_park_being_built_is_a_works():
    assert names("推进宜宾国际物流园项目建设。", "project") == {"宜宾国际物流园项目"}
    assert names("加快发展国际物流园。", "project") == set()  # a kind, no place names it


def test_round_19_a_list_of_works_named_by_place_firm_and_product():
    # reports list works as place + 字号 + product: each item is a works, its 字号 the firm
    text = "推动清河瑞岚高温合金、隆尧锦衍智能检测装备、广宗科盛软包装等在建产业项目加快建设。"
    assert names(text, "project") == {"清河瑞岚高温合金", "隆尧锦衍智能检测装备", "广宗科盛软包装"}
    assert names(text, "firm") == {"瑞岚", "锦衍", "科盛"}
    # a known firm after the place is the firm, however long its name
    text = "建成投产西昌华润三九制药厂、宽城中粮油脂等项目。"
    assert names(text, "firm") == {"华润三九", "中粮"}
    # works named by their sites (电厂, 抽水蓄能) name no firm
    assert names("加快合川双槐电厂三期、云阳建全抽水蓄能电站等在建项目。", "firm") == set()
    # a firm's short name closed by its trade word stays whole
    assert names("推进上海燧原科技AI芯片研发基地等项目。", "firm") == {"上海燧原科技"}


def test_round_19_a_programme_for_a_trade_and_a_trades_share():
    # 实施X产业培育工程: a programme of action for trade X, no works named after it
    text = "深入实施生物医药产业盘活工程,大力实施绿色食品产业培育工程。"
    assert names(text, "industry") == {"生物医药", "绿色食品"}
    # a trade's output measured as a share of a whole (产值占…)
    assert "高端装备" in names("高端装备产值占装备制造业90%。", "industry")
    # a rising share of a thing's output names no trade of its own
    assert names("蔬菜设施产量占比分别提高15个百分点。", "industry") == set()


def test_round_19_verbs_of_shouldering_end_a_name_and_parks_of_intelligent_making():
    assert names("坚决扛起北湖未来科学城建设重任。", "zone") == {"北湖未来科学城"}
    assert names("平湖智创园建成投用,南湾智造园加快建设。", "zone") == {"平湖智创园", "南湾智造园"}


def test_round_19_a_firm_opening_a_clause_on_its_output():
    assert names("凯翼汽车年产量力争突破13万辆。", "firm") == {"凯翼汽车"}
    assert names("新能源汽车产量突破10万辆。", "firm") == set()  # a trade's output, no firm


def test_round_20_firms_of_works_still_negotiated_are_courted():
    text = "甲申电池、乙酉电机等一批关键零部件项目正积极跟踪洽谈中。"
    assert {r["role"] for r in records(text, "firm").values()} == {"target"}
    text = "甲申电池、乙酉电机等项目加快建设。"
    assert {r["role"] for r in records(text, "firm").values()} == {"local"}


def test_round_20_a_conjunction_opens_no_zone_and_software_parks_and_eco_cities():
    assert names("虽然已是数九寒冬,但苏银产业园内不少企业仍忙于生产。", "zone") == {"苏银产业园"}
    assert names("建设齐鲁软件园和中新天津生态城。", "zone") == {"齐鲁软件园", "中新天津生态城"}
    assert names("打造特色生态城市升级版。", "zone") == set()  # the word 城市, a city described


def test_round_20_a_known_firms_group_is_written_whole():
    assert names("中石油集团计划在西中岛新建项目。", "firm") == {"中石油集团"}


def test_round_20_a_known_firm_opening_a_platforms_works_builds_it():
    assert names("康龙化成制剂开发及生产CDMO平台项目开工。", "firm") == {"康龙化成"}
    # a listed firm's name that is the product's word names no firm there
    assert names("九江太阳能光伏发电运维中心项目开工。", "firm") == set()


def test_round_20_two_lists_of_firms_in_one_clause():
    text = "园区已引入甲申股份、乙酉科技等龙头企业和丙戌石英坩埚、丁亥包材等配套企业。"
    assert names(text, "firm") == {"甲申股份", "乙酉科技", "丙戌石英坩埚", "丁亥包材"}


def test_round_20_a_known_firm_before_what_it_makes():
    # a known name before a product of the templates is the firm that makes it
    assert names("目前,该园区内阳光电源逆变器出货量全球第一。", "firm") == {"阳光电源"}


def test_round_20_a_unit_a_cut_figure_leaves_opens_no_works():
    assert not any(n.startswith("吨") for n in names("3000吨盐酸四咪唑生产线即将投产。", "project"))


def test_round_20_a_province_before_a_zones_city_places_it():
    text = "湖南省株洲市高新区举行重大招商项目集中签约仪式。"
    assert names(text, "zone") == {"株洲市高新区"} and "湖南省" in names(text, "region")
    assert names("建设河南省电子商务产业园。", "zone") == {"河南省电子商务产业园"}  # no city after it


def test_round_21_the_kind_of_a_signed_works_is_no_act_of_attracting():
    # 招商引资项目 names the works' kind; the signing before the list is done: local
    text = "活动中,集中签约甲申航空、乙酉新能源等44个招商引资项目。"
    assert {r["role"] for r in records(text, "firm").values()} == {"local"}
    text = "积极引进甲申航空、乙酉新能源等招商引资项目。"  # to attract: still targets
    assert {r["role"] for r in records(text, "firm").values()} == {"target"}


def test_round_22_an_adverb_of_time_ends_a_lists_head():
    # 当年拿地: the predicate opens at 当年; 地 there is land taken, no place heading the list
    text = "甲申重工车桥、乙酉新能源电驱系统等重大项目当年拿地、当年开工。"
    assert names(text, "project") == {"甲申重工车桥", "乙酉新能源电驱系统"}
    assert names("上海、苏州等地企业纷纷来访。", "region") >= {"上海", "苏州"}


def test_round_22_a_count_by_jia_heads_a_fields_firms():
    # 家 is the measure word of enterprises: the field's best (翘楚) are firms of it
    text = "甲申电子、乙酉半导体、丙戌微电子等12家芯片设计领域翘楚签约入园。"
    assert names(text, "firm") == {"甲申电子", "乙酉半导体", "丙戌微电子"}
    # a count closing an item of a list of honours heads nothing after it
    text = "新增省级绿色食品加工供应基地5家、“一县一业”全产业链示范创建2个。"
    assert names(text, "firm") == set()


def test_round_22_a_rank_alone_heads_a_list_of_firms():
    text = "全力培育甲申食品、乙酉电子、丙戌特、丁亥维康等骨干。"
    assert names(text, "firm") == {"甲申食品", "乙酉电子", "丙戌特", "丁亥维康"}
    # a 字号 may end in 特: 特等 is the first class only before 功, 座, 舱 (特等奖 is 奖's)
    assert names("支持海螺、埃夫特等龙头企业参与平台建设。", "firm") == {"海螺", "埃夫特"}


def test_round_22_a_structure_formed_ranks_its_trades_without_yi():
    text = "园区基本形成了甲申医药、先进装备制造、新一代信息技术为主导的产业格局。"
    assert industries_roles(text) == {"甲申医药": "leading", "先进装备制造": "leading",
                                     "新一代信息技术": "leading"}
    assert industries_roles("构建了以电子信息为主导的产业体系。") == {"电子信息": "leading"}


def industries_roles(text: str) -> dict:
    return {name: r["role"] for name, r in records(text, "industry").items()}


def test_round_22_processing_parks_are_zones():
    assert names("甲申镁制品加工园入驻企业30家。", "zone") == {"甲申镁制品加工园"}
    assert names("牡丹江国际物流港加工园区加快建设。", "zone") == {"牡丹江国际物流港加工园区"}
    assert names("县级农产品加工园实现全覆盖。", "zone") == set()  # the kind, no one park


def test_round_22_a_zone_opening_a_works_item_is_its_site():
    text = "翔鹭开发区京东智能物流中心、乙酉产业园等新建项目11个。"
    assert "翔鹭开发区" in names(text, "zone") and "京东" in names(text, "firm")
    assert "京东智能物流中心" in names(text, "project")
    # without a known firm after it, the zone names the works: the item stays whole
    text = "推进中泰产业园第三污水处理厂、丙戌大道等项目建设。"
    assert "中泰产业园第三污水处理厂" in names(text, "project")


def test_round_22_a_quoted_title_before_a_firm_is_not_its_name():
    text = "引进“隐形冠军”甲申科技、“小巨人”乙酉电子等企业。"
    assert names(text, "firm") == {"甲申科技", "乙酉电子"}
    text = "包括“国家级工业设计中心”丙戌设计、中国设计“梦之队”丁亥设计集团等知名企业。"
    assert names(text, "firm") == {"丙戌设计", "丁亥设计集团"}


def test_round_22_a_groups_numbered_bureau_is_a_firm():
    assert names("中建三局承建的甲申物流园项目开工。", "firm") == {"中建三局"}
    assert names("与中交二航局签约。", "firm") == {"中交二航局"}
    assert "中铁上海局" in names("中铁上海局乙酉新材料项目完工。", "firm")
    assert names("市商务局牵头招商。", "firm") == set()  # an office of state


def test_round_22_a_firm_opening_a_parks_name_is_its_firm():
    text = "起步区将推动翔鹭科技高端新能源汽车工业园开工建设。"
    assert names(text, "firm") == {"翔鹭科技"} and "翔鹭科技高端新能源汽车工业园" in names(text, "zone")
    assert names("依托国电投黄河流域氢能产业基地布局储氢项目。", "firm") == {"国电投"}
    # a park's own kind and place after the words, no firm: 科技|城, 科技|创新示范区, 中新…
    for text in ("建设翔鹭湾科技城。", "建设翔鹭产业科技创新示范区。", "中新天津生态城绿色产业园区加快建设。"):
        assert names(text, "firm") == set(), text


def test_round_22_an_epithet_before_each_listed_firm_is_cut():
    text = "引进世界500强企业甲申控股集团、中国民营企业500强乙酉集团、行业龙头丙戌科技等企业。"
    assert names(text, "firm") == {"甲申控股集团", "乙酉集团", "丙戌科技"}
    assert "甲乙企业管理有限公司" in names("甲乙企业管理有限公司、丙丁科技等企业入驻。", "firm")
    assert names("中国企业500强、民营企业500强中各有20家企业上榜。", "firm") == set()


def test_round_22_words_opening_with_deng_close_no_list():
    # 等静压 (isostatic pressing), 等离子 (plasma): words, not the list's closing 等
    text = "甲申新材料等静压石墨机加工、乙酉香料年产8000吨发泡剂等18个项目签订入园。"
    assert "甲申新材料等静压石墨机加工" in names(text, "project")
    assert "丙戌科技等离子体装备项目" in names("丙戌科技等离子体装备项目开工。", "project")
    # 等温州研究院: the list closes, 温 opens a place (等温 is a word elsewhere)
    assert "香港理工大学" in names("高水平建设国科、浙大、香港理工大学等温州研究院。", "platform")


def test_round_22_a_works_named_by_capacity_in_a_list_of_works():
    text = "推动甲申新材料项目、22万吨省储粮、两万套铝材模具生产线等重大项目开工建设。"
    assert {"22万吨省储粮", "两万套铝材模具生产线"} <= names(text, "project")
    # a figure alone, or one outside a list of works, names no works
    assert names("新增产能22万吨、产值3亿元等指标全面完成。", "project") == set()


def test_round_22_because_of_governs_the_name_after_it():
    text = "绿色化工产业也因甲申硝酸异辛酯等项目落地持续升级。"
    assert names(text, "project") == {"甲申硝酸异辛酯"} and names(text, "firm") == {"甲申"}


def test_round_22_a_capacity_opens_the_first_works_of_the_list_too():
    text = "推进3亿只先进功率半导体封装基地、甲申电子材料等重点项目建设。"
    assert "3亿只先进功率半导体封装基地" in names(text, "project") and "亿只" not in names(text, "firm")


def test_round_22_a_works_named_by_its_firm_and_capacity():
    text = "甲申1000吨电子级多晶硅项目率先投产。"
    assert names(text, "project") == {"甲申1000吨电子级多晶硅项目"} and names(text, "firm") == {"甲申"}
    assert names("新建1000吨多晶硅项目。", "project") == set()  # a kind of works, no name
    # a landform closing the words before the capacity is the site, no firm
    assert names("乙酉山5万千瓦风电项目加快建设。", "firm") == set()


def test_round_22_a_space_beside_punctuation_is_layout():
    text = "本次签约项目涵盖集成电路 、高端装备、汽车软件 、人工智能等领域。"
    assert names(text, "industry") == {"集成电路", "高端装备", "汽车软件", "人工智能"}
    # the evidence still quotes the document as written
    assert all(r["evidence"] in text for r in records(text, "industry").values())
    # a space before an opening bracket still parts a name from its note
    assert "瑶湖科技园(龙旗二期)" not in names("加快建设瑶湖科技园 (龙旗二期)。", "zone")


def test_round_22_a_blocks_letter_and_a_scale_are_no_zones_name():
    text = "其中A区块海宁工业园区(6.13平方公里),B区块凤桥乙酉工业园区(1.89平方公里)。"
    assert names(text, "zone") == {"海宁工业园区", "凤桥乙酉工业园区"}
    assert names("在灵石、介休建设两个千万吨级焦化绿色循环产业园。", "zone") == set()


def test_round_22_a_known_firm_reporting_its_sales_opens_a_clause():
    assert names("奇瑞销量突破188万辆、出口93万辆。", "firm") == {"奇瑞"}
    assert names("汽车销量突破188万辆。", "firm") == set()  # a trade's sales


def test_round_22_a_list_closed_by_an_honour_without_deng_names_firms():
    text = "甲申科技、乙酉医药获评省级专精特新企业。"
    assert {n: r["role"] for n, r in records(text, "firm").items()} == {"甲申科技": "local",
                                                                      "乙酉医药": "local"}
    # places' trades that win a cluster's title are no firms
    assert names("宁阳县高端化工、岱岳区精细化工入选山东省特色产业集群。", "firm") == set()
