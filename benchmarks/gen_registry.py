"""Generate a deterministic synthetic firm registry in the 企业名称/统一社会信用代码/注册地址/经营范围 shape.

Firms spread over 60 cities, each with a 高新技术产业开发区 and an 经济技术开发区 and
ordinary districts; business scopes mix chain keywords (sensors, 北斗, hydrogen,
chips, batteries) with ordinary trades, so about half the firms land on a link.
Same N and seed, same bytes.

    python benchmarks/gen_registry.py 1000000 -o /tmp/firms-1m.csv
"""
from __future__ import annotations

import argparse
import csv
import random
import sys
from pathlib import Path

CITIES = (
    "郑州 新乡 洛阳 开封 安阳 许昌 南阳 焦作 鹤壁 平顶山 漯河 周口 信阳 商丘 驻马店 濮阳 三门峡 "
    "武汉 襄阳 宜昌 长沙 株洲 湘潭 合肥 芜湖 蚌埠 南京 苏州 无锡 常州 徐州 南通 杭州 宁波 嘉兴 "
    "绍兴 济南 青岛 烟台 潍坊 石家庄 保定 唐山 太原 西安 宝鸡 成都 绵阳 重庆 贵阳 昆明 南昌 "
    "赣州 福州 厦门 泉州 广州 深圳 东莞 佛山"
).split()
PROVINCE = {c: "河南省" for c in CITIES[:17]}
ZONES = ("高新技术产业开发区", "经济技术开发区")
DISTRICTS = ("中原区", "金水区", "新城区", "城关区", "二七区", "滨河区")
STREETS = "科学 梧桐 长椿 翠竹 创新 文化 红松 莲花 金梭 银杏 建设 人民 工业 学院 东风 瑞达 冬青 石楠".split()
WORDS = ("华 瑞 宏 恒 森 睿 安 智 联 星 晶 芯 源 泰 达 锐 博 通 力 鼎 盛 信 诚 康 海 天 中 新 嘉 "
         "远 航 光 微 感 创 维 凯 腾 润 金 银 鑫 辰 宇 云 驰 英 志 佳 佑 汇 科").split()
KINDS = ("科技", "电子", "新材料", "智能", "仪器", "微电子", "能源科技", "装备", "信息技术", "传感技术")
CHAIN_SCOPES = (
    "气敏材料、陶瓷基板", "压电陶瓷、敏感材料", "电子陶瓷、电子浆料", "MEMS芯片设计、传感器芯片研发",
    "MEMS晶圆制造、信号调理芯片", "气体传感器、压力传感器", "温度传感器、湿度传感器", "红外传感器",
    "流量传感器、加速度计", "气体检测仪、可燃气体报警器", "智能燃气表、智能水表", "物联网终端、安全监测系统",
    "北斗终端、高精度定位", "北斗芯片、导航天线", "导航算法、时空数据服务", "电解水制氢设备、电解槽",
    "储氢瓶、高压气瓶", "加氢站设备、加氢机", "燃料电池电堆、膜电极", "氢燃料发动机",
    "集成电路设计、EDA", "半导体材料、光刻胶", "晶圆制造、功率器件", "芯片封装、芯片测试",
    "嵌入式系统、消费电子", "正极材料、电解液", "锂离子电池、电池模组", "驱动电机", "电机控制器、整车控制器",
    "汽车零部件、热管理", "新能源客车、纯电动乘用车",
)
PLAIN_SCOPES = (
    "餐饮管理；餐饮服务", "日用百货销售", "建筑工程施工", "物业管理", "软件开发；信息技术咨询",
    "货物进出口；技术进出口", "广告设计、制作", "道路货物运输", "房地产经纪", "企业管理咨询",
    "服装加工", "农产品收购", "机械设备租赁", "会议及展览服务",
)
CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def credit_code(serial: int, area: str) -> str:
    """A 统一社会信用代码 with a valid GB 32100 check character."""
    body = f"91{area}{serial:09d}"
    check = (31 - sum(CHARS.index(c) * w for c, w in zip(body, WEIGHTS)) % 31) % 31
    return body + CHARS[check]


def firms(n: int, seed: int = 7):
    """Yield (企业名称, 统一社会信用代码, 注册地址, 经营范围) for ``n`` firms."""
    rng = random.Random(seed)
    for i in range(n):
        city_index = min(int(rng.paretovariate(1.2)) - 1, len(CITIES) - 1)
        city = CITIES[city_index if rng.random() < 0.5 else rng.randrange(len(CITIES))]
        name = f"{city}{rng.choice(WORDS)}{rng.choice(WORDS)}{rng.choice(KINDS)}有限公司"
        province = PROVINCE.get(city, "")
        place = rng.random()
        street = f"{rng.choice(STREETS)}路{rng.randrange(1, 999)}号"
        if place < 0.4:
            address = f"{province}{city}市{ZONES[0]}{street}"
        elif place < 0.7:
            address = f"{city}{ZONES[1]}{street}"
        else:
            address = f"{province}{city}市{rng.choice(DISTRICTS)}{street}"
        if rng.random() < 0.5:
            scope = rng.choice(CHAIN_SCOPES) + "的研发、生产与销售；" + rng.choice(PLAIN_SCOPES)
        else:
            scope = rng.choice(PLAIN_SCOPES) + "；" + rng.choice(PLAIN_SCOPES)
        area = f"4{city_index % 10}{(city_index * 7) % 10}100"
        yield name, credit_code(i, area), address, scope


def write(n: int, out, seed: int = 7) -> None:
    """Write the CSV (UTF-8, header 企业名称,统一社会信用代码,注册地址,经营范围)."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["企业名称", "统一社会信用代码", "注册地址", "经营范围"])
    writer.writerows(firms(n, seed))


def write_csv(path, n: int, seed: int = 7) -> Path:
    """Write ``n`` firms to the CSV file ``path``; returns the path."""
    path = Path(path)
    with open(path, "w", encoding="utf-8", newline="") as handle:
        write(n, handle, seed)
    return path


def cached_csv(n: int, folder) -> Path:
    """``folder/firms-N.csv``, written once (same N, same bytes) and reused by later runs."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"firms-{n}.csv"
    if not path.exists():
        write_csv(path, n)
    return path


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int)
    parser.add_argument("-o", "--output", default="-")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    if args.output == "-":
        write(args.n, sys.stdout, args.seed)
    else:
        with open(args.output, "w", encoding="utf-8", newline="") as handle:
            write(args.n, handle, args.seed)


if __name__ == "__main__":
    main()
