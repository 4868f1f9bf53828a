using System.CommandLine;
using CollectiveLedger.Core.Periods;
using CollectiveLedger.Storage;

namespace CollectiveLedger.Cli;

/// <summary><c>--period YYYY-MM | --from YYYY-MM --to YYYY-MM</c>, the months a listing or report covers (<see cref="Context.Range"/>).</summary>
public sealed class RangeOptions
{
    public Option<string> Period { get; } = Options.Text("--period", "YYYY-MM", "一个月份 one month");
    public Option<string> From { get; } = Options.Text("--from", "YYYY-MM", "起始月份（含） first month");
    public Option<string> To { get; } = Options.Text("--to", "YYYY-MM", "截止月份（含） last month");

    /// <summary>Adds the three options to <paramref name="command"/>.</summary>
    public Command AddTo(Command command)
    {
        command.Add(Period);
        command.Add(From);
        command.Add(To);
        return command;
    }

    /// <summary>The months given; every month with vouchers when none are.</summary>
    public (Period From, Period To)? Read(ParseResult parsed, LedgerStore store) =>
        Context.Range(parsed.GetValue(Period), parsed.GetValue(From), parsed.GetValue(To), store);
}
