using CollectiveLedger.Reports.Pdf;

namespace CollectiveLedger.Cli.Commands;

/// <summary>
/// A notice's style as given (<see cref="NoticeOptions.ReadStyle"/>): format, language, paper, date,
/// signing keys and font; <see cref="Unsigned"/> when --unsigned asked for no signature (never with keys).
/// </summary>
public sealed record NoticeStyleChoice(string Format, bool Chinese, Paper Paper, string? Date, IReadOnlyList<string> KeyFiles, string? Font)
{
    public bool Unsigned { get; init; }
}
