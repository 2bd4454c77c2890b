"""The shipped gazetteers: regions of every province, zones, short forms, user additions."""
from __future__ import annotations

import pytest

from kg.errors import SourceError
from kg.loaders import gazetteer as gz
from kg.loaders.gazetteer_short import region_short_forms, zone_short_forms


@pytest.fixture(autouse=True)
def _fresh(monkeypatch):
    """Shipped data only: a test that adds user files leaves them behind for no other."""
    monkeypatch.delenv(gz.ENV_VAR, raising=False)
    if gz._STATE.user_files:
        gz.reset()
    yield
    if gz._STATE.user_files:
        gz.reset()


def test_every_province_is_there_down_to_counties():
    """All 31 provinces have cities or counties beneath them, and every parent exists."""
    regions = gz.regions()
    codes = {r.code for r in regions}
    provinces = [r for r in regions if r.level == "province" and r.source != "GB/T 2260"]
    assert len(provinces) == 31
    assert gz.lookup_region("香港").code == "810000"
    assert len(codes) == len(regions)
    for r in regions:
        assert len(r.code) == 6 and r.code.isdigit()
        if r.level != "province":
            assert r.parent in codes, r
    with_counties = {r.province for r in regions if r.level == "county"}
    assert {p.code for p in provinces} == with_counties
    assert sum(r.level == "county" for r in regions) > 2800


@pytest.mark.parametrize("name, full, parent, level", [
    ("中牟", "中牟县", "410100", "county"),
    ("昆山", "昆山市", "320500", "county"),
    ("义乌", "义乌市", "330700", "county"),
    ("长阳", "长阳土家族自治县", "420500", "county"),
    ("莫力达瓦", "莫力达瓦达斡尔族自治旗", "150700", "county"),
    ("神农架", "神农架林区", "420000", "county"),
    ("浦东", "浦东新区", "310000", "county"),
    ("恩施", "恩施土家族苗族自治州", "420000", "city"),
    ("延边州", "延边朝鲜族自治州", "220000", "city"),
    ("阿克苏", "阿克苏地区", "650000", "city"),
    ("锡林郭勒", "锡林郭勒盟", "150000", "city"),
    ("内蒙古", "内蒙古自治区", "", "province"),
    ("广西", "广西壮族自治区", "", "province"),
    ("新疆", "新疆维吾尔自治区", "", "province"),
])
def test_short_names_find_places_in_many_provinces(name, full, parent, level):
    """A short form written in a text finds its region, whatever the province."""
    region = gz.lookup_region(name)
    assert region is not None, name
    assert (region.name, region.parent, region.level) == (full, parent, level)
    assert gz.lookup_region(full) == region


def test_district_stems_and_single_characters_are_not_short_forms():
    """中原区 gives no 中原 and 萧县 no 萧: such stems are ordinary words or shared."""
    assert region_short_forms("中原区", "county") == ()
    assert region_short_forms("萧县", "county") == ()
    assert gz.lookup_region("中原") is None
    assert gz.lookup_region("萧县").parent == "341300"
    assert all(len(s) >= 2 for r in gz.regions() for s in r.short)


def test_former_names_of_earlier_editions_find_the_current_unit():
    """偃师市 became 偃师区 and 莱芜市 a district of 济南: old names still find them."""
    assert gz.lookup_region("偃师市").code == "410307"
    assert gz.lookup_region("偃师").code == "410307"
    assert gz.lookup_region("莱芜市").name == "莱芜区"
    assert gz.lookup_region("那曲地区").name == "那曲市"
    assert gz.lookup_region("许昌县") is None  # became 建安区; the codes do not link them
    assert gz.lookup_zone("牡丹江经济技术开发区").source == "统计用区划代码2022"


def test_a_name_shared_by_unrelated_regions_is_ambiguous():
    """朝阳区 names districts of 北京 and 长春: no guess, but ``within`` decides."""
    assert gz.lookup_region("朝阳区") is None
    assert {r.parent for r in gz.region_candidates("朝阳区")} == {"110000", "220100"}
    assert gz.lookup_region("朝阳区", within="长春").code == "220104"
    assert "朝阳区" not in gz.region_names()
    hit, = gz.scan("北京市朝阳区")[1:]
    assert hit.record is None and len(hit.candidates) == 2


def test_a_bare_name_goes_to_the_province_or_city():
    """河南 and 海南 are the provinces, not the counties or prefectures of 青海 so named."""
    assert gz.lookup_region("河南").code == "410000"
    assert gz.lookup_region("海南").code == "460000"
    assert {r.code for r in gz.region_candidates("海南")} == {"460000", "632500"}
    assert gz.lookup_region("海南", within="青海").name == "海南藏族自治州"
    assert gz.lookup_region("河南", within="黄南").name == "河南蒙古族自治县"
    assert gz.lookup_region("海南州").name == "海南藏族自治州"


def test_a_name_on_one_line_of_descent_goes_to_the_larger_unit():
    """吉林 is 吉林省 (which holds 吉林市); 本溪 is the city holding 本溪满族自治县."""
    assert gz.lookup_region("吉林").code == "220000"
    assert gz.lookup_region("本溪").code == "210500"
    assert gz.lookup_region("吉林市").code == "220200"


def test_ordinary_words_are_looked_up_but_not_scanned():
    """公安 (公安县) is found by lookup; in running text it is the police, not a place."""
    assert gz.lookup_region("公安").name == "公安县"
    assert "公安" not in gz.region_names()
    assert [h.name for h in gz.scan("公安机关在公安县执法")] == ["公安县"]


def test_zone_statistical_units_with_codes():
    """Zones that are statistical units carry their code, city and province."""
    zone = gz.lookup_zone("郑州高新技术产业开发区")
    assert (zone.code, zone.region, zone.province, zone.kind) == \
        ("410172", "410100", "410000", "高新区")
    assert gz.lookup_zone("郑州高新区") == zone
    assert gz.lookup_zone("合肥高新区").code == "340176"
    assert gz.lookup_zone("苏州工业园区").region == "320500"
    assert gz.lookup_zone("合肥经开区").name == "合肥经济技术开发区"
    assert gz.lookup_zone("秦皇岛经开区").name == "秦皇岛市经济技术开发区"
    assert gz.lookup_zone("唐山海港经开区").name == "河北唐山海港经济开发区"
    assert not any(z.code[:4] in ("4101",) and z.code[4] != "7" for z in gz.zones() if z.code)


def test_national_zones_of_other_provinces():
    """National zones from the cited lists are known by full and short name, with level."""
    xian = gz.lookup_zone("西安高新区")
    assert (xian.name, xian.level, xian.region, xian.kind) == \
        ("西安高新技术产业开发区", "national", "610100", "高新区")
    assert gz.lookup_zone("合肥高新区").level == "national"
    assert gz.lookup_zone("苏州工业园区").level == "national"
    assert gz.lookup_zone("两江新区").province == "500000"
    assert gz.lookup_zone("南沙经开区").region == "440115"
    assert gz.lookup_zone("东湖高新区").name == "武汉东湖新技术开发区"
    assert gz.lookup_zone("苏州国家高新区").name == "苏州高新技术产业开发区"
    assert gz.lookup_zone("国家级郑州经济技术开发区").code == "410171"
    anqing = gz.lookup_zone("安庆高新区")
    assert (anqing.level, anqing.region) == ("provincial", "340800")
    assert gz.lookup_zone("蚌埠高新技术产业开发区").code == "340371"
    national = [z for z in gz.zones() if z.level == "national"]
    assert len({z.province for z in national}) >= 25
    assert all(z.source for z in gz.zones())


def test_zone_short_form_rules():
    """Rank and province prefixes go; the zone type takes its usual short form."""
    assert zone_short_forms("国家级宁波经济技术开发区") == ("宁波经济技术开发区", "宁波经开区")
    assert "合肥综保区" in zone_short_forms("合肥综合保税区")
    assert zone_short_forms("威海火炬高技术产业开发区") == ("威海火炬高新区",)
    assert zone_short_forms("山西转型综合改革示范区", ("山西",), {"太原"}) == ()
    assert zone_short_forms("高新技术产业开发区") == ()
    assert zone_short_forms("重庆两江新区", ("重庆",)) == ("两江新区",)
    assert "南沙经开区" in zone_short_forms("广州南沙经济技术开发区", (), {"广州", "南沙"})
    assert "滨海经开区" not in zone_short_forms("潍坊滨海经济技术开发区", (), {"潍坊"})


def test_scan_prefers_the_longest_name():
    """A zone's full name is one hit, not its city plus leftovers."""
    text = "郑州高新技术产业开发区与中牟县、恩施州、广西签约。"
    hits = gz.scan(text)
    assert [(h.name, h.kind) for h in hits] == [
        ("郑州高新技术产业开发区", "zone"), ("中牟县", "region"), ("恩施州", "region"),
        ("广西", "region")]
    assert all(text[h.start:h.end] == h.name for h in hits)
    assert hits[0].record.code == "410172"
    assert [h.name for h in gz.scan(text, kinds=("region",))][:1] == ["郑州"]


def test_county_names_inside_ordinary_words_are_not_found():
    """创新平台 holds no 新平县 and 完成县级 no 成县; the same names stand alone elsewhere."""
    text = "依托创新平台完成县级改革，扩大新兴产业；新平、成县和大新三地合作。"
    assert [h.name for h in gz.scan(text)] == ["新平", "成县", "大新"]
    found = [h.name for h in gz.scan(text, boundaries=False)]
    assert "新平" in found[:1] and len(found) > 3
    assert [h.name for h in gz.scan("城区和平原地区")] == []
    assert [h.name for h in gz.scan("鲲鹏云和华为云，云和县")] == ["云和县"]
    assert gz.lookup_region("云和").name == "云和县"


def test_user_file_adds_zones_and_regions(tmp_path):
    """A user's TSV adds a zone with industries and a place the statistics lack."""
    path = tmp_path / "mine.tsv"
    path.write_text(
        "name\ttype\tshort\tlevel\tparent\tregion\tindustries\n"
        "荥阳市汜水镇\tregion\t汜水\tcounty\t荥阳市\t\t\n"
        "河南荥阳经济开发区\tzone\t\tprovincial\t\t荥阳市\t装备制造|新材料\n",
        encoding="utf-8")
    assert gz.user_gazetteer(path) == 2
    town = gz.lookup_region("汜水")
    assert (town.name, town.parent, town.province) == ("荥阳市汜水镇", "410182", "410000")
    zone = gz.lookup_zone("荥阳经开区")
    assert zone.name == "河南荥阳经济开发区"
    assert (zone.level, zone.region, zone.industries) == \
        ("provincial", "410182", ("装备制造", "新材料"))
    assert [h.name for h in gz.scan("荥阳经开区位于汜水")] == ["荥阳经开区", "汜水"]


def test_user_file_from_environment(tmp_path, monkeypatch):
    """Files named in KG_GAZETTEER are read on first use."""
    path = tmp_path / "zones.csv"
    path.write_text("name,short,industries\n示例智造产业园,示例园,机器人\n", encoding="utf-8")
    monkeypatch.setenv(gz.ENV_VAR, str(path))
    gz.reset()
    assert gz.lookup_zone("示例园").industries == ("机器人",)


def test_bad_user_file_names_file_and_line(tmp_path):
    """An unknown parent is refused with the file, the line and what to do."""
    path = tmp_path / "bad.tsv"
    path.write_text("name\tlevel\tparent\n某镇\tcounty\t不存在市\n", encoding="utf-8")
    gz.user_gazetteer(path)
    with pytest.raises(SourceError) as err:
        gz.regions()
    assert "bad.tsv" in str(err.value) and "line 2" in str(err.value)
    assert "code" in str(err.value)
    gz.reset()
    path.write_text("名称\n某园\n", encoding="utf-8")
    with pytest.raises(SourceError, match="name"):
        gz.user_gazetteer(path)


def test_shipped_short_column_follows_the_rules():
    """regions.tsv was built with the current rules (rebuild with scripts/build_gazetteer.py)."""
    for r in gz.regions():
        assert r.short == region_short_forms(r.name, r.level), r


def test_ancestors_give_city_and_province_of_places_and_zones():
    """A county or a zone leads up to its city and province (for same-city/province ranking)."""
    county = gz.lookup_region("莫力达瓦")
    assert [r.name for r in gz.ancestors(county.code)] == \
        ["莫力达瓦达斡尔族自治旗", "呼伦贝尔市", "内蒙古自治区"]
    zone = gz.lookup_zone("西安高新区")
    assert [r.name for r in gz.ancestors(zone.region)] == ["西安市", "陕西省"]
    assert [r.code for r in gz.ancestors("440115")][-1] == "440000"
    assert gz.region_by_code("999999") is None and gz.ancestors("999999") == []


def test_district_stems_are_looked_up_but_scanned_only_on_request():
    """涪陵 and 章丘 find their districts; shared or ordinary stems (鼓楼, 中原) do not."""
    assert gz.lookup_region("涪陵").name == "涪陵区"
    assert gz.lookup_region("章丘").parent == "370100"
    assert gz.lookup_region("鼓楼") is None and gz.lookup_region("中原") is None
    assert "涪陵" not in gz.region_names()
    assert [h.name for h in gz.scan("涪陵榨菜")] == []
    assert [h.name for h in gz.scan("在涪陵、章丘投资", stems=True)] == ["涪陵", "章丘"]


def test_traditional_script_finds_the_same_places():
    """重慶, 兩江新區 and 乾安縣 are found as written, linked to the simplified records."""
    assert gz.lookup_region("重慶").code == "500000"
    assert gz.lookup_region("乾安縣").name == "乾安县"
    assert gz.lookup_zone("重慶兩江新區").name == "重庆两江新区"
    hits = gz.scan("落戶重慶兩江新區與乾安縣")
    assert [(h.name, h.record.name) for h in hits] == [
        ("重慶兩江新區", "重庆两江新区"), ("乾安縣", "乾安县")]


def test_user_rows_complete_shipped_records_and_directories_load(tmp_path):
    """A user's row for a shipped zone adds its industries and names; a directory loads."""
    folder = tmp_path / "gazetteer"
    folder.mkdir()
    (folder / "a.tsv").write_text(
        "name\tshort\tlevel\tindustries\n"
        "郑州高新技术产业开发区\t郑州高新\tnational\t智能传感器|信息安全\n", encoding="utf-8")
    (folder / "b.csv").write_text("name,region\n示例新材料产业园,新乡市\n", encoding="utf-8")
    (folder / "notes.txt").write_text("not a gazetteer", encoding="utf-8")
    assert gz.user_gazetteer(folder) == 2
    zone = gz.lookup_zone("郑州高新")
    assert (zone.code, zone.region, zone.level) == ("410172", "410100", "national")
    assert zone.industries == ("智能传感器", "信息安全")
    assert "郑州高新区" in zone.short and zone.source.startswith("统计用区划代码2023")
    assert len([z for z in gz.zones() if z.name == "郑州高新技术产业开发区"]) == 1
    assert gz.lookup_zone("示例新材料产业园").region == "410700"
