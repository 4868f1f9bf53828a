using System.Collections.Immutable;
using CollectiveLedger.Core.Chart;
using CollectiveLedger.Core.Disclosure;
using CollectiveLedger.Core.Money;
using CollectiveLedger.Core.Periods;
using CollectiveLedger.Core.Reporting;
using CollectiveLedger.Core.Vouchers;

namespace CollectiveLedger.Tests.Core;

/// <summary>What an accounting review found missing on the notices (issue 11), computed by Core from small hand-made inputs.</summary>
public class DisclosureDetailsTests
{
    private static readonly Period March = new(2025, 3);

    private static Amount Yuan(decimal yuan) => new((long)(yuan * 100));

    /// <summary>A trial balance of March from closing balances per leaf (positive = debit), sub-accounts given as (code, name, parent).</summary>
    private static TrialBalance Balances((string Code, string Name, string Parent)[] subAccounts, params (string Account, decimal DebitBalance)[] balances)
    {
        var accounts = StandardChart.Accounts.ToDictionary(a => a.Code, StringComparer.Ordinal);
        foreach (var (code, name, parent) in subAccounts)
            accounts[code] = new Account(code, name, parent, accounts[parent].Class, accounts[parent].Side);
        return TrialBalance.Compute(March, March, accounts, balances.Select(b => new AccountTurnover(b.Account, Amount.Zero, Amount.Zero,
            b.DebitBalance > 0 ? Yuan(b.DebitBalance) : Amount.Zero, b.DebitBalance < 0 ? Yuan(-b.DebitBalance) : Amount.Zero)));
    }

    private static DisclosureLine Line(string account, string party, decimal debit, decimal credit, string summary = "摘要") =>
        new(new DateOnly(2025, 3, 10), new VoucherKey(March, 1), summary, party, account, "科目", Yuan(debit), Yuan(credit), false);

    [Test]
    public void A_credit_balance_on_an_internal_account_is_a_debt_and_a_debit_balance_on_a_payable_is_a_claim()
    {
        var tb = Balances([("11301", "第一小组", "113"), ("11302", "第二小组", "113"), ("21101", "草原建筑公司", "211"), ("21102", "农机公司", "211")],
            ("11301", 1200m), ("11302", -3500m), ("21101", -900m), ("21102", 400m), ("102", 2800m));

        var claims = DisclosureClaims.Compute(tb);

        Assert.That(claims.Receivables.Select(c => (c.Code, c.Name, c.Amount)), Is.EqualTo(new[]
        {
            ("11301", "内部往来—第一小组", Yuan(1200m)), ("21102", "应付款—农机公司", Yuan(400m)),
        }));
        Assert.That(claims.Payables.Select(c => (c.Code, c.Amount)), Is.EqualTo(new[] { ("11302", Yuan(3500m)), ("21101", Yuan(900m)) }));
        Assert.That((claims.ReceivablesTotal, claims.PayablesTotal), Is.EqualTo((Yuan(1600m), Yuan(4400m))));
    }

    [Test]
    public void Loans_and_the_231_and_241_balances_are_among_the_debts_with_their_sub_accounts()
    {
        var tb = Balances([("23101", "村民筹资", "231"), ("23104", "财政奖补", "231"), ("24101", "衔接资金", "241"), ("2410101", "机井项目", "24101")],
            ("23101", -16000m), ("23104", -180000m), ("2410101", -3800m), ("201", -50000m), ("221", -20000m), ("102", 269800m));

        var claims = DisclosureClaims.Compute(tb);

        Assert.That(claims.Payables.Select(c => c.Code), Is.EqualTo(new[] { "201", "221", "23101", "23104", "2410101" }));
        Assert.That(claims.Payables.Single(c => c.Code == "2410101").Name, Is.EqualTo("专项应付款—机井项目"));
        Assert.That(claims.PayablesTotal, Is.EqualTo(Yuan(269800m)));
        Assert.That(claims.Receivables, Is.Empty);
    }

    [Test]
    public void The_asset_overview_shows_construction_in_progress_by_project_intangibles_net_of_amortization_and_the_register()
    {
        var tb = Balances([("15301", "机井工程", "153"), ("15302", "道路硬化工程", "153")],
            ("102", 10000m), ("121", 28800m), ("15301", 185720m), ("15302", 90000m), ("161", 12000m), ("162", -2000m), ("301", -324520m));
        var register = new DisclosureAssets([], new DisclosureAssetTotal(Amount.Zero, Amount.Zero, Amount.Zero, Amount.Zero, Yuan(500000m), Yuan(120000m)));

        var overview = DisclosureAssetOverview.Compute(tb, register);

        Assert.That(overview.Lines.Select(l => (l.Code, l.Amount)), Is.EqualTo(new[]
        {
            ("102", Yuan(10000m)), ("121", Yuan(28800m)), ("153", Yuan(275720m)), ("161", Yuan(10000m)), (DisclosureAssetOverview.RegisterCode, Yuan(380000m)),
        }));
        Assert.That(overview.Lines.Single(l => l.Code == "153").Parts.Select(p => (p.Code, p.Amount)),
            Is.EqualTo(new[] { ("15301", Yuan(185720m)), ("15302", Yuan(90000m)) }));
        Assert.That(overview.Total, Is.EqualTo(Yuan(704520m)));
    }

    [Test]
    public void The_resource_inventory_sums_contracted_area_per_type_in_its_own_unit_and_lists_the_parties()
    {
        DisclosureContract Contract(string number, string party, string resource, long hundredths, DateOnly to) =>
            new(number, party, resource, hundredths, Yuan(1000m), new DateOnly(2025, 1, 1), to, Amount.Zero, Amount.Zero, Amount.Zero);
        var contracts = new DisclosureContracts(
        [
            Contract("HT-1", "合作社", "grassland", 240000, new DateOnly(2027, 12, 31)),
            Contract("HT-2", "巴特尔", "building", 18000, new DateOnly(2027, 12, 31)),
            Contract("HT-3", "巴特尔", "grassland", 5000, new DateOnly(2027, 12, 31)),
            Contract("HT-4", "其木格", "grassland", 7000, new DateOnly(2025, 2, 28)),
        ], new DisclosureContractTotal([], Amount.Zero, Amount.Zero, Amount.Zero, Amount.Zero));

        var resources = DisclosureResources.Compute(contracts, DisclosurePeriod.Month(March));

        Assert.That(resources.Rows.Select(r => (r.Resource, r.Unit, r.AreaHundredths, r.Contracts)), Is.EqualTo(new[]
        {
            ("grassland", "mu", 245000L, 2), ("building", "square_metre", 18000L, 1),
        }), "HT-4 ended before the month's end; 亩 and 平方米 are not added");
        Assert.That(resources.Rows[0].Parties, Is.EqualTo(new[] { "合作社", "巴特尔" }));
    }

    [Test]
    public void Cadre_pay_is_summed_per_person_accrued_and_paid_with_unnamed_lines_last()
    {
        var lines = new[]
        {
            Line("21201", "其木格", 0m, 3200m), Line("21201", "", 0m, 1600m), Line("21201", "巴特尔", 0m, 3000m),
            Line("21201", "其木格", 3200m, 0m), Line("21202", "巴特尔", 0m, 500m),
        };

        var pay = DisclosureCadrePay.Compute(lines);

        Assert.That(pay.Rows.Select(r => (r.Person, r.Accrued, r.Paid)), Is.EqualTo(new[]
        {
            ("其木格", Yuan(3200m), Yuan(3200m)), ("巴特尔", Yuan(3500m), Amount.Zero), ("", Yuan(1600m), Amount.Zero),
        }), "people in name order (ordinal), the lines that name nobody last");
        Assert.That((pay.AccruedTotal, pay.PaidTotal), Is.EqualTo((Yuan(8300m), Yuan(3200m))));
    }

    [Test]
    public void One_matter_items_keep_each_household_with_personal_numbers_masked_and_total_raised_and_used()
    {
        var lines = new[]
        {
            Line("23101", "巴特尔", 0m, 100m, "巴特尔 5人×20元 电话13912345678"), Line("23102", "", 0m, 11520m, "96工日×120元"),
            Line("23101", "", 100m, 0m, "转入公积公益金"),
        };

        var oneMatter = DisclosureOneMatter.Compute(lines);

        Assert.That(oneMatter.Items.Select(i => i.Party), Is.EqualTo(new[] { "巴特尔", "", "" }));
        Assert.That(oneMatter.Items[0].Summary, Is.EqualTo("巴特尔 5人×20元 电话139****5678"));
        Assert.That((oneMatter.RaisedTotal, oneMatter.UsedTotal), Is.EqualTo((Yuan(11620m), Yuan(100m))));
    }

    [Test]
    public void A_fund_balance_is_reduced_by_the_retention_money_still_owed_from_it()
    {
        var funds = new[] { new FundUsage("F01", "衔接资金", Yuan(600000m), Yuan(566880m), Amount.Zero), new FundUsage("F02", "奖补", Yuan(1000m), Yuan(1000m), Amount.Zero) };
        var payables = new[]
        {
            new FundPayable("F01", "21101", Yuan(29320m)), new FundPayable("F01", "21102", Yuan(-500m)), new FundPayable("F01", "2410101", Yuan(3800m)),
        };

        var balances = DisclosureFundBalance.Compute(funds, payables);

        Assert.That(balances.Select(b => (b.Code, b.Balance, b.StillPayable, b.Available)), Is.EqualTo(new[]
        {
            ("F01", Yuan(33120m), Yuan(29320m), Yuan(3800m)), ("F02", Amount.Zero, Amount.Zero, Amount.Zero),
        }), "a debit balance (an advance) is not money back, and 241 is the fund's source, not a bill");
    }
}
