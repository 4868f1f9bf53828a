"""The register's vouchers of 2025: the assets it registers, the herds' steps and each month's
depreciation."""

from .asset_register import ASSETS, asset, depreciation_amount
from .dates import YEAR, d, month_end, workday
from .money import money, yuan
from .story import F01, F02, F04, herd, road_total, well_total
from .vouchers import Cr, Dr, Voucher

# The assets of 2025, registered by the demo after December's approvals and before the months
# close: the fire-fighting equipment (F04), the new wells (F01) and the road (F02, 一事一议) are
# already in 151 through the files' vouchers, so they are taken over from the books; the breeding
# flock is bought through the register (`--paid-from 10201`), whose voucher comes after April's
# imported ones. Then `assets depreciate` runs for each month: one voucher per month, after all
# of that month's other vouchers, debiting each expense account and crediting 152 / 133.

asset("GD-006", "风力灭火机、巡护摩托车", "equipment", "15104", workday(d(6, 25)), yuan(37600), 60, yuan(1880), "51405", "嘎查防火站", fund=F04)
asset("GD-007", "新建机井4眼（含光伏提水设备）", "well", "15101", workday(d(8, 29)), well_total, 240, 0, None, "第三小组草场", fund=F01)
asset("GD-008", "硬化道路3.2公里", "road", "15102", workday(d(10, 21)), road_total, 360, 0, None, "嘎查至苏木公路", fund=F02)
BREEDING = asset("SC-001", "基础母羊群（乌珠穆沁羊）", "breeding_herd", "132", workday(d(4, 16)), 60 * yuan(1150) + 3 * yuan(2600), 60,
                 yuan(7680), "51103", "第二小组冬营盘", species="sheep", head=63, paid_from="10201",
                 attachments=3)  # the invoice, the quarantine certificates (检疫证明), the acceptance form
# The collective's fattening flock (131), kept by vouchers through the year, is taken into the
# register at its year-end cost and head, so that the register holds all of 131 before the young
# stock are registered on it: from then on 131 moves only through the register.
FATTENING = asset("FL-001", "集体育肥羊群", "fattening_stock", "131", d(12, 31), herd["cost"], 0, 0, None, "第二小组夏营盘",
                  species="sheep", head=herd["heads"])
# The breeding flock's lambs of 2025 are young stock on 131 (财会〔2023〕14号): registered at lambing
# with the lambing season's feed, born there, reared on hay (饲养成本 capitalised from 121), and the
# twelve best ewe lambs join the breeding flock (132) in November with their share of the cost.
LAMBS = asset("LB-2025", "2025年春羔（基础母羊群所产）", "fattening_stock", "131", workday(d(5, 20)), yuan(900), 0, 0, None,
              "第二小组冬营盘", species="sheep", head=0, paid_from="121", attachments=1)  # the feed requisition (领料单)
for a in ASSETS:
    assert a["residual"] < a["cost"] and a["opening_depreciation"] <= a["cost"] - a["residual"]


def share(total, head, of):
    """head's share of a herd's amount, rounded half up to the fen; the last head takes all (AssetRules.Share)."""
    return total if head == of else (total * head * 2 + of) // (of * 2)


LOSS_CLEARING = []  # the approved clearing of 181 (Dr 51501 / Cr 181), imported by the demo from losses.json
HERD_VOUCHERS = []
# Each step is a command the demo runs in its month, before that month's depreciation, in this order.
HERD_STEPS = [
    (workday(d(5, 20)), ["assets", "herd", LAMBS["code"], "--date", workday(d(5, 20)).isoformat(), "--change", "births", "--head", "18",
                         "--note", "春季接羔18只"]),
    (d(6, 30), ["assets", "rear", LAMBS["code"], "--date", d(6, 30).isoformat(), "--amount", money(yuan(1260)), "--from", "121", "--attachments", "1"]),
    (workday(d(8, 4)), ["assets", "herd", BREEDING["code"], "--date", workday(d(8, 4)).isoformat(), "--change", "deaths", "--head", "1",
                        "--note", "母羊病死，经嘎查两委确认"]),
    (workday(d(8, 12)), ["vouchers", "import", "losses.json"]),
    (d(9, 30), ["assets", "rear", LAMBS["code"], "--date", d(9, 30).isoformat(), "--amount", money(yuan(1540)), "--from", "121", "--attachments", "1"]),
    (workday(d(11, 28)), ["assets", "mature", LAMBS["code"], "--to", BREEDING["code"], "--date", workday(d(11, 28)).isoformat(), "--head", "12"]),
]


def herd_step(date, words):
    """The model of one step: the register's amounts as AssetRules computes them, and the voucher that follows."""
    option = lambda name: words[words.index(name) + 1]
    if words[:2] == ["vouchers", "import"]:
        return
    a = next(x for x in ASSETS if x["code"] == words[2])
    if words[1] == "herd":
        heads = int(option("--head"))
        if option("--change") == "births":
            assert a["category"] == "fattening_stock"  # never at zero cost into a breeding herd
            a["head_now"] += heads
            return
        assert option("--change") == "deaths"
        cost, dep = share(a["cost"], heads, a["head_now"]), share(a["depreciated"], heads, a["head_now"])
        a["cost"] -= cost
        a["depreciated"] -= dep
        a["head_now"] -= heads
        a["moved"] = True
        label = "%s %s %d头（只）" % (a["code"], a["name"], heads)
        lines = [Dr("181", cost - dep, summary="死亡损失 " + label)] + ([Dr(a["dep"], dep)] if dep else []) + [Cr(a["account"], cost, summary=label)]
        HERD_VOUCHERS.append(Voucher(date, "畜群死亡转入待处理财产损溢：%s" % a["name"], lines, 0, "normal", 9, 5 * 10 ** 6 + len(HERD_VOUCHERS)))
        v = Voucher(workday(d(8, 12)), "经嘎查两委批准，核销基础母羊病死损失", [Dr("51501", cost - dep, summary="母羊1只"), Cr("181", cost - dep)], 1, "normal", 9,
                    5 * 10 ** 6 + 100)
        v.ref = "%d-08-L01" % YEAR
        LOSS_CLEARING.append(v)
        HERD_VOUCHERS.append(v)
    elif words[1] == "rear":
        amount = int(option("--amount").replace(".", ""))
        a["cost"] += amount
        a["moved"] = True
        HERD_VOUCHERS.append(Voucher(date, "饲养成本计入消耗性生物资产：%s" % a["name"],
                                     [Dr(a["account"], amount, summary="%s %s" % (a["code"], a["name"])), Cr(option("--from"), amount)],
                                     int(option("--attachments")), "normal", 9, 5 * 10 ** 6 + len(HERD_VOUCHERS)))
    else:
        to = next(x for x in ASSETS if x["code"] == option("--to"))
        heads = int(option("--head"))
        amount = share(a["cost"], heads, a["head_now"])
        a["cost"] -= amount
        a["head_now"] -= heads
        to["cost"] += amount
        to["head_now"] += heads
        a["moved"] = to["moved"] = True
        HERD_VOUCHERS.append(Voucher(date, "幼畜成龄转入生产性生物资产：%s" % to["name"],
                                     [Dr(to["account"], amount, summary="%s %s %d头（只）" % (to["code"], to["name"], heads)),
                                      Cr(a["account"], amount, summary="%s %s" % (a["code"], a["name"]))], 0, "normal", 9, 5 * 10 ** 6 + len(HERD_VOUCHERS)))


ASSET_VOUCHERS = [Voucher(a["acquired"], "购入资产：%s" % a["name"], [Dr(a["account"], a["registered_cost"]), Cr(a["paid_from"], a["registered_cost"])],
                          a["attachments"], "normal", 9, 3 * 10 ** 6) for a in (BREEDING, LAMBS)]
for m in range(1, 13):
    for date, words in HERD_STEPS:
        if date.month == m:
            herd_step(date, words)
    debit, credit = {}, {}
    for a in ASSETS:
        amount = depreciation_amount(a, m)
        if amount is None:
            continue
        a["months"] += 1
        a["depreciated"] += amount
        debit[a["expense"]] = debit.get(a["expense"], 0) + amount
        credit[a["dep"]] = credit.get(a["dep"], 0) + amount
    lines = [Dr(acc, fen) for acc, fen in sorted(debit.items()) if fen] + [Cr(acc, fen) for acc, fen in sorted(credit.items()) if fen]
    ASSET_VOUCHERS.append(Voucher(month_end(m), "计提%d年%d月折旧" % (YEAR, m), lines, 0, "normal", 9, 3 * 10 ** 6 + m))
ASSET_VOUCHERS += HERD_VOUCHERS
