using CollectiveLedger.Core.Money;
using CollectiveLedger.Core.Reporting;

namespace CollectiveLedger.Tests.Core;

/// <summary>
/// 收益及收益分配表 from sums given by hand: 1,000.00 经营收入 and 200.00 投资收益 in 2026, 300.00
/// undistributed on 1 January; the 2025 plan posted in March 2026 (60.00 to 311, 140.00 to the
/// members), and the 2026 books' own distributions by hand: 50.00 to 311, 400.00 paid to members out
/// of the bank, 30.00 moved to 301 资本.
/// </summary>
public class IncomeStatementTests
{
    private static Amount Y(decimal yuan) => new((long)(yuan * 100));

    private static readonly AccountYearBalance[] Balances =
    [
        new("50101", Amount.Zero, Amount.Zero, Y(1000), -Y(1000)),
        new("502", Amount.Zero, Amount.Zero, Y(200), -Y(200)),
        new("322", -Y(300), Y(200) + Y(480), Amount.Zero, -Y(300) + Y(680)),
        new("311", Amount.Zero, Amount.Zero, Y(110), -Y(110)),
        new("301", Amount.Zero, Amount.Zero, Y(30), -Y(30)),
        new("10201", Y(300), Y(1200), Y(400), Y(1100)),
        new("21104", Amount.Zero, Amount.Zero, Y(140), -Y(140)),
    ];

    private static readonly DistributionVoucherLine[] Distributions =
    [
        new(10, 2025, "322", Y(60), Amount.Zero), new(10, 2025, "311", Amount.Zero, Y(60)),
        new(11, 2025, "322", Y(140), Amount.Zero), new(11, 2025, "21104", Amount.Zero, Y(140)),
        new(20, null, "322", Y(450), Amount.Zero), new(20, null, "311", Amount.Zero, Y(50)), new(20, null, "10201", Amount.Zero, Y(400)),
        new(21, null, "322", Y(30), Amount.Zero), new(21, null, "301", Amount.Zero, Y(30)),
    ];

    [Test]
    public void Investment_income_follows_operating_income_and_the_distributions_are_itemised_with_last_years_plan_as_such()
    {
        var statement = IncomeStatement.Compute(2026, new DateOnly(2026, 12, 31), Balances, Distributions);

        Assert.That(statement.Lines.Select(l => l.Key).Take(3), Is.EqualTo(new[] { "operating_income", "investment_income", "operating_expenses" }));
        Assert.That(statement["operating_surplus"].Amount, Is.EqualTo(Y(1200)));
        Assert.That(statement["distributable_surplus"].Amount, Is.EqualTo(Y(1500)));
        Assert.That(statement["distributions"].Amount, Is.EqualTo(Y(680)));
        Assert.That((statement["prior_year_distributions"].Amount, statement["reserve_appropriation"].Amount,
                statement["member_distributions"].Amount, statement["other_distributions"].Amount),
            Is.EqualTo((Y(200), Y(50), Y(400), Y(30))));
        Assert.That(statement["undistributed_at_year_end"].Amount, Is.EqualTo(Y(820)));
        Assert.That(statement.Lines.Select(l => l.Key).SkipWhile(k => k != "distributions").Take(6), Is.EqualTo(new[]
            { "distributions", "prior_year_distributions", "reserve_appropriation", "member_distributions", "other_distributions", "undistributed_at_year_end" }));
    }

    [Test]
    public void A_red_ink_reversal_of_a_distribution_counts_negative_in_its_item()
    {
        DistributionVoucherLine[] lines =
        [
            new(20, null, "322", Y(450), Amount.Zero), new(20, null, "311", Amount.Zero, Y(50)), new(20, null, "10201", Amount.Zero, Y(400)),
            new(21, null, "322", -Y(450), Amount.Zero), new(21, null, "311", Amount.Zero, -Y(50)), new(21, null, "10201", Amount.Zero, -Y(400)),
        ];
        AccountYearBalance[] balances = [new("322", -Y(300), Amount.Zero, Amount.Zero, -Y(300)), new("10201", Y(300), Amount.Zero, Amount.Zero, Y(300))];

        var statement = IncomeStatement.Compute(2026, new DateOnly(2026, 12, 31), balances, lines);

        Assert.That((statement["reserve_appropriation"].Amount, statement["member_distributions"].Amount, statement["other_distributions"].Amount),
            Is.EqualTo((Amount.Zero, Amount.Zero, Amount.Zero)));
    }

    [Test]
    public void The_prior_year_column_is_the_previous_years_statement_line_by_line_or_blank()
    {
        var prior = IncomeStatement.Compute(2025, new DateOnly(2025, 12, 31), [new("50101", Amount.Zero, Amount.Zero, Y(700), -Y(700)), new("10201", Amount.Zero, Y(700), Amount.Zero, Y(700))], []);

        var with = IncomeStatement.Compute(2026, new DateOnly(2026, 12, 31), Balances, Distributions, prior);
        var without = IncomeStatement.Compute(2026, new DateOnly(2026, 12, 31), Balances, Distributions);

        Assert.That(with.Lines.Select(l => l.PriorYear), Is.EqualTo(prior.Lines.Select(l => (Amount?)l.Amount)));
        Assert.That(with["operating_income"].PriorYear, Is.EqualTo(Y(700)));
        Assert.That(without.Lines.Select(l => l.PriorYear), Is.All.Null);
    }
}
