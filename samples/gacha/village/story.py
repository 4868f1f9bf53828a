"""The year's business: every voucher of the four quarterly files, drawn in a fixed order."""

import datetime

from .dates import YEAR, d, month_end, workday
from .draws import cents, hundreds, rand_day, rng
from .members import HOUSEHOLD, MEMBER_NAME, MEMBERS, group_of
from .money import yuan
from .vouchers import NORMAL, Cr, Dr, Voucher, post, simple

# The year's story. Each block adds its vouchers; the order of blocks fixes the random draws.

# Monthly routine: cadre pay accrued at month end and paid on the 10th of the next month; bank
# fees; electricity. (Depreciation is posted by the asset register: asset_vouchers.py.)
CADRE_MONTHLY = yuan(9600)  # 嘎查达 3200, 书记 3000 (兼任补贴), 会计 1800, 委员 2 x 800

for m in range(1, 13):
    # Pay last month's cadre allowances (F03 tag decided later, see running-cost fund block).
    post(workday(d(m, 10)), "发放%d年%d月嘎查干部报酬" % (YEAR - 1 if m == 1 else YEAR, 12 if m == 1 else m - 1),
         [Dr("21201", CADRE_MONTHLY), Cr("10201", CADRE_MONTHLY)], att=2)
    post(month_end(m), "计提%d月嘎查干部报酬" % m,
         [Dr("51301", CADRE_MONTHLY), Cr("21201", CADRE_MONTHLY)], att=1)
    fee = cents(8, 46)
    simple(workday(month_end(m)), "信用社%d月账户管理费及转账手续费" % m, "51502", "10201", fee, cp="C06")
    winter = m in (1, 2, 3, 11, 12)
    elec = cents(1400, 2300) if winter else cents(600, 1300)
    simple(rand_day(m, 3, 9), "缴纳%d月嘎查办公室及机井用电电费" % m, "51306", "10201", elec, att=1, cp="C10")
    simple(rand_day(m, 12, 16), "缴纳%d月办公室宽带及电话费" % m, "51302", "10201", yuan(120), att=1)

# Quarterly bank interest on both accounts.
for m in (3, 6, 9, 12):
    a, b = cents(180, 320), cents(30, 75)
    post(workday(d(m, 21)), "收到第%d季度存款利息" % (m // 3),
         [Dr("10201", a, cp="C06"), Dr("10202", b), Cr("504", a + b, summary="存款利息")], att=2)

# Office supplies, travel and meetings (cash or bank).
OFFICE_ITEMS = ["购买A4打印纸、墨盒", "购买办公桌椅", "购买档案盒、凭证封皮", "打印村务公开栏资料",
                "购买打印机硒鼓", "购买取暖用煤", "订阅《内蒙古日报》等报刊", "购买党建活动宣传板",
                "维护村务公开栏", "购买饮用水及茶叶", "复印、装订会计档案", "购买电脑配件"]
TRAVEL_ITEMS = ["赴旗里参加农牧局项目培训", "赴苏木报送月度报表", "赴盟里参加集体经济培训",
                "赴旗财政局办理项目资金手续", "赴旗里参加草原防火会议", "赴苏木参加经管站年审",
                "赴旗里办理机井项目验收手续", "嘎查达赴苏木开会"]
for m in range(1, 13):
    for _ in range(rng.randint(3, 4)):
        item = rng.choice(OFFICE_ITEMS)
        if item == "购买取暖用煤" and m not in (1, 2, 10, 11, 12):
            item = "购买A4打印纸、墨盒"
        amt = hundreds(300, 3600) + rng.choice([0, 0, 5000])
        if amt <= yuan(800):
            simple(rand_day(m), item, "51302", "101", amt, att=rng.randint(1, 3))
        else:
            simple(rand_day(m), item, "51302", "10201", amt, att=rng.randint(1, 3))
    for _ in range(rng.randint(2, 3)):
        item = rng.choice(TRAVEL_ITEMS)
        amt = rng.randint(18, 240) * 1000
        simple(rand_day(m), "报销" + item + "差旅费", "51303", "101", amt, att=rng.randint(2, 5),
               dr_kw={"summary": "车费、住宿费、伙食补助"})
for m in (1, 4, 7, 12):
    label = {1: "年度成员代表大会", 4: "一事一议成员代表会议", 7: "机井项目村民议事会", 12: "年终财务公开民主评议会"}[m]
    simple(rand_day(m, 5, 25), "召开%s茶水、资料费" % label, "51307", "101", hundreds(800, 2600), att=3)

# Livestock: the 2024 wethers are sold in January and March, a snowstorm kills six, new lambs are
# bought from members in May and June, fattened on summer pasture and sold in the autumn.
herd = {"heads": 186, "cost": 8640000}
hay_stock = {"cost": 1560000}


def feed(date, amount, text):
    assert amount <= hay_stock["cost"]
    hay_stock["cost"] -= amount
    herd["cost"] += amount
    post(date, text, [Dr("131", amount), Cr("121", amount)], att=1)


def cost_out(date, heads, text, debit_account="51101"):
    cost = herd["cost"] * heads // herd["heads"]
    herd["cost"] -= cost
    herd["heads"] -= heads
    post(date, text, [Dr(debit_account, cost, summary="%d只" % heads), Cr("131", cost, summary="%d只" % heads)], att=1)


feed(month_end(1), 420000, "结转1月育肥羊耗用饲草料")
amount = 120 * yuan(1080)
post(workday(d(1, 15)), "销售育肥羯羊120只", [Dr("10201", amount, cp="C07"), Cr("50102", amount, cp="C07", summary="120只×1080元")], att=3)
cost_out(month_end(1), 120, "结转1月羯羊销售成本")
feed(month_end(2), 380000, "结转2月育肥羊耗用饲草料")
cost_out(workday(d(3, 6)), 6, "3月初白灾死亡羯羊6只，经嘎查两委确认核销", "51501")
amount = 60 * yuan(1020)
post(workday(d(3, 18)), "销售育肥羯羊60只", [Dr("10201", amount, cp="C07"), Cr("50102", amount, cp="C07", summary="60只×1020元")], att=3)
feed(month_end(3), 310000, "结转3月育肥羊耗用饲草料")
cost_out(month_end(3), 60, "结转3月羯羊销售成本")
assert herd["heads"] == 0
lamb_sellers = ["M005", "M012", "M019", "M031", "M036"]
for i, mem in enumerate(lamb_sellers):
    heads = rng.randint(50, 62)
    price = rng.choice([500, 510, 520, 530])
    amount = heads * yuan(price)
    herd["heads"] += heads
    herd["cost"] += amount
    post(rand_day(5 if i < 3 else 6, 5, 25), "从%s户购入育肥羔羊%d只" % (MEMBER_NAME[mem], heads),
         [Dr("131", amount, member=mem, summary="%d只×%d元" % (heads, price)), Cr("10201", amount)], att=2)
SHEPHERD = yuan(3500)


def shepherd(m):
    """The hired shepherd of the collective flock, a temporary worker (213 应付劳务费): the pay is part of the flock's cost (131)."""
    herd["cost"] += SHEPHERD
    post(month_end(m), "计提%d月集体羊群放牧员劳务费" % m, [Dr("131", SHEPHERD, summary="放牧员1人"), Cr("21301", SHEPHERD)], att=1)
    if m < 12:
        post(workday(d(m + 1, 5)), "发放%d月集体羊群放牧员劳务费" % m, [Dr("21301", SHEPHERD), Cr("10201", SHEPHERD)], att=2)


for m in (6, 7, 8, 9):
    shepherd(m)
hay = 160 * yuan(180)
hay_stock["cost"] += hay
post(workday(d(8, 28)), "从孟和户购入冬春储备青干草160吨",
     [Dr("121", hay, member="M009", summary="160吨×180元"), Cr("10201", hay)], att=3)
# Autumn sales.
sales = [(d(10, 13), 80, 1150, "bank"), (d(11, 5), 90, 1120, "credit"), (d(11, 25), 60, 1100, "bank")]
for date, heads, price, how in sales:
    amount = heads * yuan(price)
    debit = Dr("10201", amount, cp="C07") if how == "bank" else Dr("11201", amount, cp="C07", summary="赊销，约定12月付款")
    post(workday(date), "销售育肥羯羊%d只" % heads, [debit, Cr("50102", amount, cp="C07", summary="%d只×%d元" % (heads, price))], att=3)
feed(month_end(10), 520000, "结转10月育肥羊补饲草料")
shepherd(10)
cost_out(month_end(10), 80, "结转10月羯羊销售成本")
feed(month_end(11), 760000, "结转11月育肥羊补饲草料")
shepherd(11)
cost_out(month_end(11), 150, "结转11月羯羊销售成本")
feed(month_end(12), 480000, "结转12月留存羊只补饲草料")
shepherd(12)
assert herd["heads"] > 0 and herd["cost"] > 0
simple(workday(d(1, 9)), "收回草原肉业公司2024年羯羊欠款", "10201", "11201", 3800000, att=2,
       dr_kw={"cp": "C07"}, cr_kw={"cp": "C07"})
simple(workday(d(12, 19)), "收回草原肉业公司11月赊销羯羊部分货款", "10201", "11201", yuan(60000), att=2,
       dr_kw={"cp": "C07"}, cr_kw={"cp": "C07"})

# Grassland contract fees (草场承包费) for the collective reserve pasture, 4.50 yuan per mu.
RATE_FEN = 450
lessees = [code for code, _ in MEMBERS if code != "M024"]
rng.shuffle(lessees)
lessees = sorted(lessees[:35] + ["M024"])
for mem in lessees:
    area = rng.randint(8, 48) * 50
    fee = area * RATE_FEN
    name = MEMBER_NAME[mem]
    if mem == "M024":
        # 道尔吉 does not pay this year: the fee is accrued as a receivable in December.
        post(workday(d(12, 22)), "确认道尔吉户2025年草场承包费（未缴）",
             [Dr("11203", fee, member=mem), Cr("50101", fee, member=mem, summary="%s %d亩×4.50元" % (name, area))], att=1)
        continue
    month = rng.choice([3, 3, 4, 4, 4, 5])
    cash = rng.randint(1, 10) <= 3
    debit_account = "101" if cash else "10201"
    if rng.randint(1, 10) <= 3:
        first = fee // 2
        post(rand_day(month), "收取%s户2025年草场承包费（首期）" % name,
             [Dr(debit_account, first), Cr("50101", first, member=mem, summary="%s %d亩 首期50%%" % (name, area))], att=1)
        post(rand_day(rng.choice([9, 10]), 5, 28), "收取%s户2025年草场承包费（尾款）" % name,
             [Dr("10201", fee - first), Cr("50101", fee - first, member=mem, summary="%s %d亩 尾款" % (name, area))], att=1)
    else:
        post(rand_day(month), "收取%s户2025年草场承包费" % name,
             [Dr(debit_account, fee), Cr("50101", fee, member=mem, summary="%s %d亩×4.50元" % (name, area))], att=1)
post(workday(d(4, 8)), "收回乌力吉户欠缴2024年草场承包费",
     [Dr("10201", 640000), Cr("11202", 640000, member="M003")], att=1)

# Machinery services (mowing, raking and baling; hauling hay) for members, summer and autumn.
served = [code for code, _ in MEMBERS]
rng.shuffle(served)
for mem in served[:34]:
    mu = rng.randint(8, 50) * 10
    amount = mu * yuan(12)
    day = workday(datetime.date(YEAR, 7, 20) + datetime.timedelta(days=rng.randint(0, 56)))
    debit_account = "101" if rng.randint(1, 10) <= 5 else "10201"
    post(day, "为%s户打草搂草打捆%d亩" % (MEMBER_NAME[mem], mu),
         [Dr(debit_account, amount), Cr("50103", amount, member=mem, summary="%d亩×12元" % mu)], att=1)
for mem in sorted(served[14:32]):
    trips = rng.randint(3, 10)
    amount = trips * yuan(180)
    post(rand_day(rng.choice([10, 11])), "为%s户拉运饲草%d车" % (MEMBER_NAME[mem], trips),
         [Dr("101", amount), Cr("50103", amount, member=mem, summary="%d车×180元" % trips)], att=1)
# Spring: hauling manure out of the pens; winter: clearing snow from pasture tracks and pens.
spring = [code for code, _ in MEMBERS]
rng.shuffle(spring)
for mem in spring[:16]:
    trips = rng.randint(4, 14)
    amount = trips * yuan(150)
    post(rand_day(rng.choice([4, 5])), "为%s户清运棚圈粪肥%d车" % (MEMBER_NAME[mem], trips),
         [Dr(rng.choice(["101", "101", "10201"]), amount), Cr("50103", amount, member=mem, summary="%d车×150元" % trips)], att=1)
for mem in spring[16:30]:
    hours = rng.randint(3, 12)
    amount = hours * yuan(220)
    post(rand_day(rng.choice([1, 2, 2, 12])), "为%s户清理棚圈及牧道积雪%d小时" % (MEMBER_NAME[mem], hours),
         [Dr("101", amount), Cr("50103", amount, member=mem, summary="装载机%d小时×220元" % hours)], att=1)
for date in (d(1, 6), d(2, 10), d(4, 22), d(5, 19), d(12, 8)):
    amount = cents(2600, 5400)
    post(workday(date), "购买装载机、拖拉机用柴油", [Dr("5110201", amount, summary="柴油"), Cr("10201", amount, cp="C11")], att=2)
# Grassland fire patrols in the spring and autumn fire seasons, paid in cash at month end.
for m in (3, 4, 5, 9, 10, 11):
    amount = yuan(rng.choice([2400, 3000, 3600]))
    post(workday(month_end(m)), "支付%d月草原防火巡护人员补贴" % m,
         [Dr("51405", amount, summary="巡护员%d人×600元" % (amount // yuan(600))), Cr("101", amount)], att=2)

post(workday(d(7, 8)), "打草机、搂草机作业前检修及更换刀片",
     [Dr("5110202", yuan(6850)), Cr("10201", yuan(6850), cp="C05")], att=3)
for date in (d(7, 21), d(8, 6), d(8, 22), d(9, 8), d(10, 20)):
    amount = cents(5200, 11800)
    post(workday(date), "购买农机作业用柴油", [Dr("5110201", amount, summary="柴油"), Cr("10201", amount, cp="C11")], att=2)
for m in (7, 8, 9):
    post(month_end(m), "计提%d月农机操作手临时用工劳务费" % m,
         [Dr("5110203", yuan(9000), summary="操作手2人×4500元"), Cr("21301", yuan(9000))], att=1)
    pay_day = workday(d(m + 1, 5))
    post(pay_day, "发放%d月农机操作手劳务费" % m, [Dr("21301", yuan(9000)), Cr("10201", yuan(9000))], att=2)
post(workday(d(9, 24)), "打捆机链条断裂维修", [Dr("5110202", yuan(2380)), Cr("101", yuan(2380), cp="C12")], att=2)

# Repairs. The June duplicate (ref 2025-06-0099) repeats the pump repair of June 12.
PUMP_REPAIR = yuan(4800)
ROOF_REPAIR = yuan(2350)
post(workday(d(2, 17)), "偿还牧丰公司2024年水泵配件款", [Dr("21102", 1280000, cp="C05"), Cr("10201", 1280000)], att=2)
for date, text, amount, cp in [
    (d(3, 12), "三号机井潜水泵电机维修", yuan(3260), "C05"),
    (d(5, 14), "嘎查办公室门窗维修", yuan(1880), "C12"),
    (d(6, 12), "支付机井水泵维修费", PUMP_REPAIR, "C05"),
    (d(8, 13), "五号机井管道更换", yuan(5640), "C05"),
    (d(10, 16), "办公室暖气管道检修", yuan(2150), "C12"),
    (d(11, 12), "机井井房保温维修", yuan(3980), "C12"),
]:
    post(workday(date), text, [Dr("51304", amount, summary=text), Cr("10201", amount, cp=cp)], att=2)
ERRONEOUS = post(d(6, 18), "支付机井水泵维修费",
                 [Dr("51304", PUMP_REPAIR, summary="支付机井水泵维修费"), Cr("10201", PUMP_REPAIR, cp="C05")], att=2)

# Two hand-typed summaries with half-width punctuation, so that the CSV files need RFC 4180 quoting.
for date in (d(5, 9), d(11, 7)):
    simple(workday(date), '购买"两委"工作手册, 会议记录本', "51302", "101", yuan(386), att=1,
           dr_kw={"summary": '工作手册20本, "民主理财"记录本10本'})

# Internal accounts with the three herding groups (内部往来).
simple(workday(d(3, 20)), "第一小组归还垫付的饮水点维修款", "10201", "11301", 800000, att=1)
simple(workday(d(6, 9)), "垫付第三小组牲畜防疫药品款", "11303", "10201", yuan(6000), att=2)
simple(workday(d(11, 20)), "第三小组归还垫付的防疫药品款", "10201", "11303", yuan(4500), att=1)
simple(workday(d(12, 15)), "付第二小组代管集体草场收入", "11302", "10201", 350000, att=1)

# Public welfare.
needy = ["M011", "M027", "M030", "M038", "M021", "M040"]
lines = [Dr("51401", yuan(600), member=m, summary="%s 春节慰问金" % MEMBER_NAME[m]) for m in needy]
post(workday(d(1, 22)), "春节走访慰问困难户、五保户", lines + [Cr("101", yuan(600) * len(needy))], att=2)
post(workday(d(4, 16)), "春季牲畜口蹄疫防疫消毒药品", [Dr("51404", yuan(3480)), Cr("10201", yuan(3480))], att=2)
post(workday(d(5, 20)), "春季嘎查环境卫生整治雇工费", [Dr("51402", yuan(3600)), Cr("101", yuan(3600))], att=3)
post(workday(d(7, 15)), "举办嘎查那达慕大会场地及奖品费用",
     [Dr("51403", yuan(16800), summary="场地搭建、奖品"), Cr("10201", yuan(16800))], att=5)
post(workday(d(7, 16)), "那达慕搏克、赛马现金奖励", [Dr("51403", yuan(6000), summary="搏克、赛马、射箭奖金"), Cr("101", yuan(6000))], att=4)
post(workday(d(10, 10)), "秋季牲畜布病防疫消毒药品", [Dr("51404", yuan(4260)), Cr("10201", yuan(4260))], att=2)
coal = [Dr("51401", yuan(1400), member=m, summary="%s 冬季取暖煤2吨" % MEMBER_NAME[m]) for m in needy]
post(workday(d(12, 5)), "为困难户购买冬季取暖用煤", coal + [Cr("10201", yuan(1400) * len(needy))], att=3)

# Grassland ecological protection subsidy, passed through to households (never income).
eco = [(m, HOUSEHOLD[m]["grassland_mu"] * 250) for m, _ in MEMBERS]
eco_total = sum(a for _, a in eco)
post(workday(d(7, 8)), "收到2025年草畜平衡奖励资金（代发）",
     [Dr("10201", eco_total), Cr("21103", eco_total, cp="C01")], att=2)
post(workday(d(7, 11)), "代发2025年草畜平衡奖励资金",
     [Dr("21103", a, member=m, summary="%s %d亩×2.50元" % (MEMBER_NAME[m], HOUSEHOLD[m]["grassland_mu"]))
      for m, a in eco] + [Cr("10201", eco_total, summary="批量代发")], att=3)

# Other subsidy.
post(workday(d(11, 18)), "收到旗级集体经济发展奖励资金", [Dr("10201", yuan(20000), cp="C03"), Cr("50302", yuan(20000), cp="C03")], att=2)

# Earmarked fund F01: the well project (4 new wells with solar pumps). Receipt Dr 102 / Cr 241,
# spending Dr 153 / Cr 102, asset formed Dr 151 / Cr 153 and Dr 241 / Cr 311.
F01 = "F01"
post(workday(d(4, 18)), "收到衔接推进乡村振兴补助资金（机井项目第一批）",
     [Dr("10202", yuan(360000), fund=F01, cp="C02"), Cr("2410101", yuan(360000), fund=F01, cp="C02")], att=2)
WELL_CONTRACT = yuan(586400)
well_advance = WELL_CONTRACT * 30 // 100
well_progress = WELL_CONTRACT * 40 // 100
well_retention = WELL_CONTRACT * 5 // 100
well_final_cash = WELL_CONTRACT - well_advance - well_progress - well_retention
post(workday(d(5, 22)), "支付机井工程预付款（合同价30%）",
     [Dr("15301", well_advance, fund=F01), Cr("10202", well_advance, fund=F01, cp="C04")], att=3)
post(workday(d(6, 3)), "支付机井工程勘测设计及监理费",
     [Dr("15301", yuan(9800), fund=F01), Cr("10202", yuan(9800), fund=F01, cp="C08")], att=3)
post(workday(d(7, 9)), "收到衔接推进乡村振兴补助资金（机井项目第二批）",
     [Dr("10202", yuan(240000), fund=F01, cp="C02"), Cr("2410101", yuan(240000), fund=F01, cp="C02")], att=2)
post(workday(d(7, 18)), "支付机井工程进度款（合同价40%）",
     [Dr("15301", well_progress, fund=F01), Cr("10202", well_progress, fund=F01, cp="C04")], att=3)
post(workday(d(8, 26)), "机井工程竣工验收，支付至合同价95%，留5%质保金",
     [Dr("15301", WELL_CONTRACT - well_advance - well_progress, fund=F01),
      Cr("10202", well_final_cash, fund=F01, cp="C04"),
      Cr("21101", well_retention, fund=F01, cp="C04", summary="质保金，质保期一年")], att=5)
well_total = WELL_CONTRACT + yuan(9800)
post(workday(d(8, 29)), "机井工程交付使用，转入固定资产",
     [Dr("15101", well_total, summary="新建机井4眼（含光伏提水设备）"), Cr("15301", well_total)], att=2)
post(workday(d(8, 29)), "机井项目形成集体资产，专项应付款转入公积公益金",
     [Dr("2410101", well_total, fund=F01), Cr("311", well_total, fund=F01)], att=1)

# F04: grassland fire prevention equipment.
F04 = "F04"
post(workday(d(5, 8)), "收到草原防火专项资金", [Dr("10202", yuan(40000), fund=F04, cp="C02"), Cr("24102", yuan(40000), fund=F04, cp="C02")], att=2)
post(workday(d(6, 25)), "购置风力灭火机、巡护摩托车等草原防火设备",
     [Dr("15104", yuan(37600), fund=F04, summary="风力灭火机10台、巡护摩托车2辆"), Cr("10202", yuan(37600), fund=F04, cp="C05")], att=4)
post(month_end(6), "草原防火设备形成集体资产，专项应付款转入公积公益金",
     [Dr("24102", yuan(37600), fund=F04), Cr("311", yuan(37600), fund=F04)], att=1)

# F02 and 231: the one-matter-one-discussion road (3.2 km hardened road to the sumu highway).
F02 = "F02"
chou_zi = {}
for g in (1, 2, 3):
    mems = [m for m, _ in MEMBERS if group_of(m) == g]
    lines = []
    for m in mems:
        amt = HOUSEHOLD[m]["persons"] * yuan(20)
        chou_zi[m] = amt
        lines.append(Cr("23101", amt, member=m, summary="%s %d人×20元" % (MEMBER_NAME[m], HOUSEHOLD[m]["persons"])))
    total = sum(l["fen"] for l in lines)
    post(workday(d(4, 24 + g)), "收取第%s小组一事一议道路硬化筹资款" % "一二三"[g - 1],
         [Dr("101", total)] + lines, att=2)
chou_zi_total = sum(chou_zi.values())
post(workday(d(5, 12)), "收到宏源矿业公司捐赠道路硬化款", [Dr("10201", yuan(50000), cp="C09"), Cr("23103", yuan(50000), cp="C09")], att=2)
post(workday(d(6, 6)), "收到一事一议财政奖补资金（道路硬化）",
     [Dr("10202", yuan(180000), fund=F02, cp="C03"), Cr("23104", yuan(180000), fund=F02, cp="C03")], att=2)
post(workday(d(6, 16)), "支付道路硬化工程预付款",
     [Dr("15302", yuan(90000), fund=F02), Cr("10202", yuan(90000), fund=F02, cp="C04")], att=3)
LABOUR = 96 * yuan(120)
post(workday(d(7, 25)), "村民投工投劳折资（96个工日）",
     [Dr("15302", LABOUR, summary="路基平整、排水沟清理"), Cr("23102", LABOUR, summary="96工日×120元")], att=2)
post(workday(d(8, 20)), "支付道路硬化工程进度款",
     [Dr("15302", yuan(90000), fund=F02, summary="财政奖补资金支付"), Dr("15302", yuan(40000), summary="捐赠及自筹资金支付"),
      Cr("10202", yuan(90000), fund=F02, cp="C04"), Cr("10201", yuan(40000), cp="C04")], att=3)
ROAD_CONTRACT = yuan(236800)
road_retention = ROAD_CONTRACT * 5 // 100
road_rest = ROAD_CONTRACT - yuan(180000) - yuan(40000)
post(workday(d(10, 14)), "道路硬化工程竣工验收，支付结算款，留5%质保金",
     [Dr("15302", road_rest), Cr("10201", road_rest - road_retention, cp="C04"),
      Cr("21101", road_retention, cp="C04", summary="质保金，质保期一年")], att=5)
road_total = ROAD_CONTRACT + LABOUR
post(workday(d(10, 21)), "道路硬化工程交付使用，转入固定资产",
     [Dr("15102", road_total, summary="硬化道路3.2公里"), Cr("15302", road_total)], att=2)
post(workday(d(10, 21)), "一事一议道路项目形成集体资产，转入公积公益金",
     [Dr("23101", chou_zi_total), Dr("23102", LABOUR), Dr("23103", yuan(50000)), Dr("23104", yuan(180000), fund=F02),
      Cr("311", yuan(180000), fund=F02, summary="财政奖补形成"),
      Cr("311", chou_zi_total + LABOUR + yuan(50000), summary="筹资筹劳及捐赠形成")], att=2)
simple(workday(d(1, 20)), "支付2023年道路工程质保金", "21101", "10201", 4500000, att=2,
       dr_kw={"cp": "C04"}, cr_kw={"cp": "C04"})

# F03: running-cost subsidy, received as income (503) and spent on cadre pay and office costs.
F03 = "F03"
post(workday(d(3, 27)), "收到2025年上半年村级组织运转经费",
     [Dr("10201", yuan(62000), fund=F03, cp="C01"), Cr("50301", yuan(62000), fund=F03, cp="C01")], att=2)
post(workday(d(9, 26)), "收到2025年下半年村级组织运转经费",
     [Dr("10201", yuan(62000), fund=F03, cp="C01"), Cr("50301", yuan(62000), fund=F03, cp="C01")], att=2)

# Tag running-cost spending with F03 while the fund has money: cadre pay and bank-paid office,
# electricity and telephone costs, in date order.
NORMAL.sort(key=Voucher.key)
f03_left = 0
for v in NORMAL:
    accounts = [l["account"] for l in v.lines]
    if v.lines[1]["account"] == "50301" and v.lines[1]["fund"] == F03:
        f03_left += v.lines[1]["fen"]
        continue
    spend = accounts in (["21201", "10201"], ["51302", "10201"], ["51306", "10201"])
    if spend and v is not ERRONEOUS and v.lines[0]["fen"] <= f03_left:
        f03_left -= v.lines[0]["fen"]
        for l in v.lines:
            l["fund"] = F03
        v.summary += "（运转经费列支）"
assert f03_left >= 0
