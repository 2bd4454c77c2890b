"""Name boundaries and types of works, platforms and fields, on sentences written for these
tests (invented places and firms, not taken from the corpus)."""
from __future__ import annotations

from kg.loaders.extract import extract_text
from kg.loaders.records import to_records


def records(text):
    return to_records(extract_text(text, "test.txt"))


def of_type(rows, etype):
    return {r["name"]: r for r in rows if r["type"] == etype}


def test_extension_of_a_works_keeps_its_phase_and_head_noun():
    """扩建工程, 改造项目, 扩建一期, 增产项目: the action, its phase and 项目/工程 are the
    project's name; the place that names the works is no firm."""
    rows = records("完成澜沧博物馆扩建工程。开工建设星海东站改造项目。建成澜沧水电站扩容改造工程。推进柳州长江大桥星海段改造工程。"
                   "澜沧湾核电扩建一期开工。年产10亿方的星海气田增产项目全面投产。")
    projects = set(of_type(rows, "project"))
    assert {"澜沧博物馆扩建工程", "星海东站改造项目", "澜沧湾核电扩建一期",
            "星海气田增产项目", "澜沧水电站扩容改造工程", "柳州长江大桥星海段改造工程"} <= projects
    assert not of_type(rows, "firm")


def test_part_of_an_airport_is_named_with_the_airport():
    """An airport's terminal or runway is named after the airport (…机场T2航站楼), also when
    the airport is named after a district written without 区 (江北国际机场)."""
    rows = records("投用澜沧国际机场T2航站楼。建成江北国际机场第五跑道。完成星海机场航站楼改扩建。")
    projects = set(of_type(rows, "project"))
    assert {"澜沧国际机场T2航站楼", "江北国际机场第五跑道", "星海机场航站楼改扩建"} <= projects
    assert "澜沧国际机场" not in projects


def test_kind_of_works_is_no_project():
    """通用机场 (a common word before the kind) and a group of cities' railways name kinds."""
    rows = records("加快通用机场建设。围绕建设星海城市群铁路枢纽。")
    assert not of_type(rows, "project")


def test_economies_that_are_no_trade_without_the_corpus_list():
    """Forms of ownership, areas named by 域, and 经济 before the noun it modifies
    (经济工作会议, 经济增长) name no industry; 低空经济, 银发经济 do. Read in a fold that drops
    the corpus-tagged list of such words, so the general classes alone decide."""
    from kg.loaders import lexicon
    text = ("学习贯彻中央经济工作会议精神，稳定经济增长，大力发展民营经济和县域经济，"
            "推动低空经济、银发经济发展。")
    with lexicon.use_fold("p01"):
        industries = set(of_type(records(text), "industry"))
    assert {"低空经济", "银发经济"} <= industries
    assert not industries & {"中央经济", "稳定经济", "民营经济", "县域经济"}


def test_energy_sent_between_provinces_is_a_project():
    """疆电入湘-style names (two provinces' short names around 电/气 and 入/送) are
    transmission projects, also in a list closed by 等…项目; a count before a kind of
    platform names none."""
    rows = records("加快推进“蒙电入湘”、陇电送浙等重大项目。新增3个国家级科创平台,打造一批前沿交叉研究院。"
                   "加快桂滇直流前期工作。")
    assert {"蒙电入湘", "陇电送浙", "桂滇直流"} <= set(of_type(rows, "project"))
    assert not of_type(rows, "firm") and not of_type(rows, "platform")


def test_a_catalogue_zone_starts_where_its_name_starts():
    """A verb no list knows (统筹, 赋能) before a zone of the shipped catalogue is not part of
    its name: the catalogue says where the name starts."""
    rows = records("统筹天府新区建设。赋能舟山群岛新区发展。")
    assert set(of_type(rows, "zone")) == {"天府新区", "舟山群岛新区"}


def test_known_firm_in_a_project_list_and_latin_brand_after_a_place():
    """A known firm's whole name in a list closed by …企业…项目 is the firm, though it opens
    with a place (宁德时代); a Latin 字号 after the works' place is the firm without it."""
    rows = records("支持宁德时代、中伟等龙头企业星海项目加快释放产能。加快惠州OPPO全球研发总部等项目建设。")
    firms = of_type(rows, "firm")
    assert {"宁德时代", "OPPO"} <= set(firms)
    assert "宁德时代" not in of_type(rows, "project") and "惠州OPPO" not in firms


def test_a_complex_is_a_works_unless_it_is_for_innovation():
    """…文旅综合体 is a building complex (a project, no firm in its name); …科创综合体 an
    incubator; a 综合体 listed before 等领域 is a field, neither."""
    rows = records("开工建设桂林古镇文旅综合体。支持建设澜沧科创综合体。聚焦新材料、商业综合体等领域招商。")
    assert "桂林古镇文旅综合体" in of_type(rows, "project")
    assert of_type(rows, "platform")["澜沧科创综合体"]["kind"] == "incubator"
    assert not of_type(rows, "firm")
    assert "商业综合体" not in of_type(rows, "project") | of_type(rows, "platform")


def test_platform_named_only_by_ordinary_words_is_a_kind():
    """A platform, centre or fund named only by dictionary words (区块链基础技术平台,
    厂房租购平台, 主权财富基金) is a kind the text means; a place, a regional or national
    designation or a transliterated name makes one carrier."""
    rows = records("搭建区块链基础技术平台、厂房租购平台。吸引境外主权财富基金投资。"
                   "建设西部算力调度平台和桂林市大数据交易平台。支持萨博迈特研发中心建设。")
    platforms = set(of_type(rows, "platform"))
    assert not platforms & {"区块链基础技术平台", "厂房租购平台", "境外主权财富基金"}
    assert {"西部算力调度平台", "桂林市大数据交易平台"} <= platforms
    assert "萨博迈特研发中心" in platforms | set(of_type(rows, "project"))


def test_deng_inside_a_word_closes_no_list():
    """高等 in 高等研究院 is a word, not the 等 that closes a list."""
    rows = records("加快建设星海大学桂林高等研究院、澜沧材料研究院。")
    assert {"星海大学桂林高等研究院", "澜沧材料研究院"} <= set(of_type(rows, "platform"))


def test_park_of_two_governments_keeps_both_countries():
    """中新/中德 + place + park: the two countries open the zone's name."""
    rows = records("支持中德桂林高端装备产业园建设。高起点建设中新柳州未来产业城。")
    assert {"中德桂林高端装备产业园", "中新柳州未来产业城"} <= set(of_type(rows, "zone"))


def test_test_base_of_research_is_a_platform():
    rows = records("建好星海农科院桂林水稻试验基地。")
    assert "星海农科院桂林水稻试验基地" in of_type(rows, "platform")


def test_places_of_a_list_of_places():
    """County names written short (定边, 靖边, 吴起) and names that are words too (白山) are
    places in a list whose items are all places; a place that ends a word (丹|霞山) is not."""
    def regions(text):
        return {r["name"] for r in records(text) if r["type"] == "region"}
    text = "推动定边、靖边、吴起等5个县特色产业提质。"
    assert {"定边", "靖边", "吴起"} <= regions(text)
    assert not of_type(records(text), "industry")  # the counties are no industries either
    assert {"长春", "白山"} <= regions("长春、白山入选第三批试点城市。")
    assert "霞山" not in regions("支持星海丹霞山、江门古镇打造景区。")


def test_verb_before_a_place_opens_no_name():
    """A verb no list holds (援建, 帮扶, 巩固, 托管) before the place a name opens with, or
    before four characters or more, is not part of it."""
    rows = records("援建柳州职业技术学院。帮扶桂林国际会展中心运营。巩固世界山水旅游大会成果。"
                   "托管星海工业技术研究院。")
    platforms = set(of_type(rows, "platform"))
    assert {"柳州职业技术学院", "桂林国际会展中心", "世界山水旅游大会", "星海工业技术研究院"} <= platforms


def test_works_named_by_a_feature_of_the_land_or_a_figure():
    """A works named after a mountain, strait or dam, or with its capacity, is one works
    though its name opens with a common word (红旗|岭, 黄金|500千伏); 通用机场 is a kind.
    Praise before a name (西南地区首条) is no part of it; a firm's first phase yields the
    firm without the phase."""
    rows = records("加快建设红旗岭隧道、黄金500千伏变电站和通用机场。建成西南地区首条8英寸晶圆生产线。"
                   "推动桂林长隆首期项目建成运营。")
    projects = set(of_type(rows, "project"))
    assert {"红旗岭隧道", "黄金500千伏变电站", "8英寸晶圆生产线", "桂林长隆首期项目"} <= projects
    assert not any("通用" in p for p in projects)
    assert "长隆" in of_type(rows, "firm")


def test_pilot_area_named_only_by_ordinary_words_is_a_programme():
    """A 示范区/先导区 named by ordinary words only is a policy's pilot, not a zone; one named
    after its place is a zone."""
    zones = set(of_type(records("建设制度型开放示范区和未来产业先导区。推进桂林低碳产业示范区建设。"),
                        "zone"))
    assert zones == {"桂林低碳产业示范区"}


def test_counted_class_of_projects_is_no_project():
    """A count or an area before or after a quoted class of projects makes it a class
    (推进12个“双百”项目, “停缓建”项目30个), not one project."""
    rows = records("推进12个“双百”项目建设。盘活“停缓建”项目30个、“烂尾”项目50万平方米。")
    assert not of_type(rows, "project")
    assert "“星海之光”项目" in of_type(records("“星海之光”项目开工建设。"), "project")


def test_phrase_in_a_firm_list_is_no_firm():
    """Items that describe or act (主营业务突出, 竞争力强) are no firms; a name made of
    common words beside coined ones before 等企业 is one (通用技术)."""
    firms = of_type(records("引进一批主营业务突出、竞争力强、成长性好的专精特新中小企业。"
                            "完成节能改造、检验检测等9项国企专业化整合。"), "firm")
    assert not firms.keys() & {"主营业务突出", "竞争力强", "节能改造", "检验检测"}
    firms = of_type(records("推动澜岳实验室与星触媒、通用技术、瓦岭等重点企业共建研发中心。"), "firm")
    assert {"星触媒", "通用技术", "瓦岭"} <= set(firms)


def test_areas_listed_before_a_zone_head_are_zones():
    """…区 items before 等功能区 (the functional areas of a new area) are zones."""
    zones = set(of_type(records("星海湾文化区、澜沧口创新区等功能区举办签约活动。"), "zone"))
    assert {"星海湾文化区", "澜沧口创新区"} <= zones


def test_investment_in_a_foreign_currency_names_a_project():
    rows = records("总投资3000万欧元的德国澜沧精密轴承项目将落户新区。总投资1.5亿美元的星澈光学项目签约。")
    projects = of_type(rows, "project")
    assert {"德国澜沧精密轴承项目", "星澈光学项目"} <= set(projects)
    assert projects["德国澜沧精密轴承项目"]["investment"] == "3000万欧元"


def test_park_in_a_list_of_projects_starts_at_its_firm():
    """A park listed among projects is a project named from its firm on (澜沧重工桂林第二
    产业园), and the firm is found in it."""
    rows = records("星澈光电显示模组项目、澜沧重工桂林第二产业园等一批重大项目竣工投产。")
    assert "澜沧重工桂林第二产业园" in of_type(rows, "project")
    assert "澜沧重工" in of_type(rows, "firm")


def test_joined_names_and_known_firms_among_units():
    """Two names of one body joined by 暨 are one name (…研究中心暨…创新基地); a known firm
    listed among 单位 is a firm, not a platform."""
    rows = records("建成澜沧鱼类保护研究中心暨星海种业创新基地。整合省科学院、华兰生物、比亚迪等单位资源。")
    assert "澜沧鱼类保护研究中心暨星海种业创新基地" in of_type(rows, "platform")
    assert {"华兰生物", "比亚迪"} <= set(of_type(rows, "firm"))
    assert not {"华兰生物", "比亚迪"} & set(of_type(rows, "platform"))


def test_a_provinces_own_institute_and_provincial_lab_are_named():
    """省/市 + field + 研究院 is the province's or city's own institute (a name); 省级…
    is a rank (a kind); a field before 省实验室 names the lab."""
    platforms = set(of_type(records("组建市技术转移研究院和省化工安全科学研究院。建设海洋装备先进制造省实验室。"
                                    "新建一批省级工程研究中心。"), "platform"))
    assert {"市技术转移研究院", "省化工安全科学研究院", "海洋装备先进制造省实验室"} <= platforms
    assert not any(p.startswith("省级") for p in platforms)


def test_provinces_own_groups_abbreviations_and_banks():
    """省 + field + 集团 is the province's own group; a province's one-character name + field
    abbreviation (桂旅) is coined like a 字号; 字号 or place + 银行 is a firm, 商业银行 a kind."""
    firms = set(of_type(records("组建省能源集团、省矿业集团。支持桂旅集团做大做强。组建广西农商联合银行。"
                                "引导商业银行加大信贷投放。加快城投公司改革转型。"), "firm"))
    assert {"省能源集团", "省矿业集团", "桂旅集团", "广西农商联合银行"} <= firms
    assert not firms & {"商业银行", "城投公司"}


def test_works_named_by_dictionary_words_is_a_kind():
    """城际铁路, 病险水库, 燃气管道: dictionary words before the kind name a kind of works;
    a district written short before it (雁塔|博物馆) names one works."""
    rows = records("加快城际铁路、燃气管道建设，推进病险水库除险加固。建成雁塔博物馆扩建工程。")
    assert set(of_type(rows, "project")) == {"雁塔博物馆扩建工程"}


def test_hospital_in_use_is_no_project():
    """A university's hospital or a hospital the sentence does not build is in use; a branch
    (甲医院乙医院) or a new one being built is a project."""
    rows = records("推动星海大学华西医院帮扶澜沧合作协议落地。全力支持澜沧医院创建国家医学中心。"
                   "推进桂林市中心医院临桂医院、柳州中西医康复医院等在建医院项目。")
    projects = set(of_type(rows, "project"))
    assert {"桂林市中心医院临桂医院", "柳州中西医康复医院"} <= projects
    assert not projects & {"星海大学华西医院", "澜沧医院"}


def test_scopes_and_modified_industry_name_no_trade():
    """国际产业合作, 川渝产业合作, 农村产业, 增量产业资源: a scope, a pair of provinces or 产业
    modifying another noun names no industry; 乡村旅游产业 does."""
    industries = set(of_type(records("强化国际产业合作，深化川渝产业合作，促进农村产业提升，"
                                     "引入增量产业资源。大力发展乡村旅游产业。"), "industry"))
    assert not industries & {"国际", "川渝", "农村", "增量"}
    assert industries & {"乡村旅游", "乡村旅游产业"}


def test_farm_operators_and_regimes_are_no_industries():
    industries = set(of_type(records("培育壮大示范家庭农场、农民专业合作社、数字农业。推行排污许可制。"),
                             "industry"))
    assert not industries & {"示范家庭农场", "农民专业合作社", "排污许可制"}


def test_items_joined_to_an_industry_phrase_share_its_head():
    """甲、乙、丙产业: the items joined by 、 to an X产业 phrase are industries too."""
    industries = set(of_type(records("园区重点布局精细化工、生物医药、绿色建材产业和文旅功能。"), "industry"))
    assert {"精细化工", "生物医药", "绿色建材"} <= industries


def test_trade_after_its_exemplar_firms():
    industries = set(of_type(records("形成以星澈微电子等为龙头的晶圆制造业、以澜沧科技为代表的封测业。"),
                             "industry"))
    assert {"晶圆制造业", "封测业"} <= industries


def test_field_opening_a_sentence_after_a_time_word():
    industries = set(of_type(records("目前,高温合金材料方面,星澈科技、澜沧新材等项目都已开工。"), "industry"))
    assert "高温合金材料" in industries


def test_trade_measured_by_its_shipments():
    industries = set(of_type(records("2024年智能穿戴设备出货量1.2亿台。"), "industry"))
    assert "智能穿戴设备" in industries


def test_investment_institutions_are_firms():
    firms = of_type(records("与星澈资本、澜沧创投等20多家创业投资机构建立了战略合作关系。"), "firm")
    assert {"星澈资本", "澜沧创投"} <= set(firms)


def test_firm_named_by_its_province_and_a_common_word():
    """A works named place + common word + product (广西时代|动力电池一期项目) is built by the
    firm named with its place; a zone's short type (桂林高新|集成电路) names no firm."""
    firms = set(of_type(records("广西时代动力电池一期项目正式投运。加快桂林高新集成电路项目建设。"), "firm"))
    assert "广西时代" in firms and "桂林高新" not in firms


def test_place_route_or_county_in_a_project_list_is_no_firm():
    """In a list closed by 等项目, a county written short (德江), a place's works (郓城|新河)
    and a route (高青至商河) are projects or places, not firms; a county's kind of project
    (滨海旅游) is neither."""
    rows = records("提速高青至商河、阳谷新河等34个续建项目。推进滨海旅游、星澈科技等项目。")
    firms = set(of_type(rows, "firm"))
    assert not firms & {"高青至商河", "阳谷新河", "滨海旅游"}
    assert {"高青至商河", "阳谷新河"} <= set(of_type(rows, "project"))
    assert "滨海旅游" not in of_type(rows, "project")


def test_place_a_project_is_named_after_is_a_region():
    rows = records("柳州星澈新能源汽车项目建成投产。桂林高新区加快发展。")
    regions = {r["name"] for r in rows if r["type"] == "region"}
    assert "柳州" in regions and "桂林" not in regions


def test_place_named_item_in_a_list_of_zones_is_a_zone():
    zones = set(of_type(records("推进柳州北部生态新区、桂林漓东湾、梧州粤桂合作特别试验区等建设。"), "zone"))
    assert {"柳州北部生态新区", "桂林漓东湾", "梧州粤桂合作特别试验区"} <= zones


def test_phase_of_a_park_names_the_park_too():
    """柳州汽车配套产业园二期 and …产业园首开区 are projects; the park they belong to is a zone."""
    rows = records("加快柳州汽车配套产业园二期等项目建设。桂林智能装备产业园首开区开工建设。")
    assert {"柳州汽车配套产业园二期", "桂林智能装备产业园首开区"} <= set(of_type(rows, "project"))
    assert {"柳州汽车配套产业园", "桂林智能装备产业园"} <= set(of_type(rows, "zone"))


def test_figure_of_a_name_is_kept_and_a_count_with_a_space_is_cut():
    industries = set(of_type(records("瞄准5G通信模组、6G通信终端等领域开展招商。打造精密机床、工业机器人等4 大高端装备制造业。"),
                             "industry"))
    assert "G通信模组" not in industries
    assert "大高端装备制造业" not in industries


def test_declared_short_name_and_ranked_industries_once():
    """A short name declared by （以下简称…） is the zone's other name, in that sentence and
    after it, even when a bare name like it would not pass (a coined core before 经开区);
    以甲和乙为两大主导产业 gives each industry once, without 以."""
    rows = records("近日，桂林星海经济开发区（以下简称星海经开区）举行签约活动。"
                   "星海经开区以新能源汽车和智能家电为两大主导产业。")
    zones = of_type(rows, "zone")  # one zone, the name written most, the other its alias
    assert list(zones) == ["星海经开区"] and "桂林星海经济开发区" in zones["星海经开区"]["aliases"]
    industries = set(of_type(rows, "industry"))
    assert {"新能源汽车", "智能家电"} <= industries and not any(n.startswith("以") for n in industries)


def test_a_zones_development_centre_names_the_zone():
    rows = records("领导干部先后走进星海科学城发展中心、澜沧科技产业园服务中心等地观摩项目。")
    assert {"星海科学城", "澜沧科技产业园"} <= set(of_type(rows, "zone"))
    assert not any(n.endswith("中心") for n in of_type(rows, "project"))


def test_adverb_and_preposition_govern_a_platform():
    platforms = set(of_type(records("园区还与星海大学、澜沧理工大学共建新能源研究院。"), "platform"))
    assert {"星海大学", "澜沧理工大学"} <= platforms and not any("园区" in p for p in platforms)


def test_stream_links_without_their_verbs_of_consisting():
    chains = [r["links"] for r in records("在储能领域，上游涵盖正极材料、负极材料，中游为储能电池，"
                                          "下游覆盖电网侧储能、用户侧储能。") if r["type"] == "chain"]
    assert ["正极材料", "负极材料", "储能电池", "电网侧储能", "用户侧储能"] in chains


def test_public_service_centre_being_built_is_a_project():
    """A rescue or medical centre a sentence builds is a works (no platform, no firm inside);
    a designation (国家医学中心) is neither."""
    rows = records("开工建设桂北区域应急救援中心。推动柳州国际医学中心建设。支持星海医院创建国家医学中心。"
                   "推进柳州市中心医院北部医院、石湾医养结合服务中心等在建项目。")
    projects = set(of_type(rows, "project"))
    assert {"桂北区域应急救援中心", "柳州国际医学中心", "石湾医养结合服务中心"} <= projects
    assert "国家医学中心" not in projects and not of_type(rows, "firm")


def test_clusters_listed_before_their_designation():
    industries = set(of_type(records("柳桂梧智能装备、北钦防绿色化工入选国家先进制造业集群。"), "industry"))
    assert {"智能装备", "绿色化工"} <= industries


def test_designation_of_a_cluster_is_no_industry():
    industries = set(of_type(records("新增国家先进制造业集群3个，实施先进制造业集群培育计划。"),
                             "industry"))
    assert "先进制造业" not in industries


def test_designated_clusters_of_small_firms():
    industries = set(of_type(records("新增精密铸造等5个国家中小企业特色产业集群。"), "industry"))
    assert "精密铸造" in industries


def test_chain_links_without_the_verb_that_introduces_them():
    rows = records("构建涵盖多晶硅料、硅片、电池片、组件的光伏全产业链。打通芯片设计、晶圆制造、封装测试全链条。")
    chains = [r["links"] for r in rows if r["type"] == "chain"]
    assert ["多晶硅料", "硅片", "电池片", "组件"] in chains
    assert ["芯片设计", "晶圆制造", "封装测试"] in chains


def test_title_firms_hold_names_a_class():
    firms = set(of_type(records("培育国家级制造业单项冠军、省级以上专精特新中小企业、星澈科技等企业。"), "firm"))
    assert firms == {"星澈科技"}


def test_item_naming_a_kind_of_works_in_a_project_list_is_a_project():
    rows = records("加快北站TOD、星澈科技等项目建设。")
    assert "北站TOD" in of_type(rows, "project") and "北站TOD" not in of_type(rows, "firm")


def test_county_written_short_in_a_list_has_its_city_as_parent():
    """A county found in a list of places carries its city's name as parent, as every region
    of the gazetteer does (a graph links it PART_OF that city)."""
    ex = extract_text("推动定边、靖边、吴起等5个县特色产业提质。", "t.txt")
    parents = {e.name: e.props.get("parent") for e in ex.entities if e.label == "Region"}
    assert parents["定边"] == "榆林市" and parents["吴起"] == "延安市"
