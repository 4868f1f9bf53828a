using System.CommandLine;
using CollectiveLedger.Core.Disclosure;
using CollectiveLedger.Reports.Pdf;

namespace CollectiveLedger.Cli.Commands;

/// <summary>
/// The options of the notices (<c>disclose</c>, <c>notices</c>): which months (<c>--period</c>,
/// <c>--quarter</c>, <c>--year</c>), and the style of the file (format, language, paper, font, and for a
/// new notice its date and signing keys). A notice's <c>--lang</c> is its own language, apart from the
/// global <c>--lang</c> of messages, which then goes before the command.
/// </summary>
public sealed class NoticeOptions
{
    public Option<string> Period { get; } = Options.Text("--period", "YYYY-MM", "月度公开 a month's notice");
    public Option<string> Quarter { get; } = Options.Text("--quarter", "YYYY-Qn", "季度公开 a quarter's notice");
    public Option<string> Year { get; } = Options.Text("--year", "YYYY", "年度公开 a year's notice");
    public Option<string> Format { get; } = Options.Text("--format", "pdf|html|csv|json|xlsx", "文件格式（默认按 --out 的扩展名，否则 pdf） the file's format (by default --out's extension, else pdf)");
    public Option<string> Lang { get; } = Options.Text("--lang", "zh-CN|en", "公示的语言（默认 zh-CN；提示语言的 --lang 放在命令前） the notice's language (zh-CN by default; the messages' --lang goes before the command)");
    public Option<string> Paper { get; } = Options.Text("--paper", "A4|A3", "纸张：A4 纵向或 A3 横向（默认 A4） paper: A4 portrait or A3 landscape (A4 by default)");
    public Option<string> Date { get; } = Options.Text("--date", "YYYY-MM-DD", "公示日期（默认今天） the notice's date (today by default)");
    public Option<string[]> Sign { get; } = Options.Many("--sign", "KEYFILE", "用此密钥签名检查点（可多次；默认用组织的密钥） sign the checkpoint with this key file (may repeat; the organization's key by default)");
    public Option<bool> Unsigned { get; } = Options.Flag("--unsigned", "不签名（公开榜上注明未签名；不能与 --sign 同用） do not sign (the notice says it is unsigned; not with --sign)");
    public Option<string> Font { get; } = Options.Text("--font", "PATH", "能显示中文的字体（PDF 用；默认找系统字体） a font covering Chinese, for PDF (by default a system font)");

    private bool _dated;

    /// <summary>Adds <c>--period | --quarter | --year</c>.</summary>
    public Command AddScope(Command command)
    {
        command.Add(Period);
        command.Add(Quarter);
        command.Add(Year);
        return command;
    }

    /// <summary>Adds the style options; <paramref name="dated"/> a new notice's <c>--date</c>, <c>--sign</c> and <c>--unsigned</c> too.</summary>
    public Command AddStyle(Command command, bool dated)
    {
        command.Add(Format);
        command.Add(Lang);
        command.Add(Paper);
        if (dated)
        {
            command.Add(Date);
            command.Add(Sign);
            command.Add(Unsigned);
            _dated = true;
        }
        command.Add(Font);
        return command;
    }

    /// <summary>The months the notice covers: exactly one of --period, --quarter, --year.</summary>
    public DisclosurePeriod ReadPeriod(ParseResult parsed)
    {
        var given = new[] { ("month", parsed.GetValue(Period)), ("quarter", parsed.GetValue(Quarter)), ("year", parsed.GetValue(Year)) }
            .Where(g => g.Item2 is not null).ToList();
        if (given.Count != 1) throw new UsageException("give one of --period YYYY-MM, --quarter YYYY-Qn or --year YYYY");
        var (scope, text) = given[0];
        return DisclosurePeriod.TryParse(scope, text!, out var period)
            ? period
            : throw new UsageException($"'{text}' is not a {scope} (YYYY-MM, YYYY-Qn or YYYY)");
    }

    /// <summary>The style: format (from --format, else the extension of <paramref name="path"/>), language, paper, date, signing keys (or --unsigned), font.</summary>
    /// <exception cref="UsageException">A value out of range, or --unsigned with --sign.</exception>
    public NoticeStyleChoice ReadStyle(ParseResult parsed, string? path)
    {
        var format = (parsed.GetValue(Format) ?? System.IO.Path.GetExtension(path ?? "").TrimStart('.').ToLowerInvariant()) switch
        {
            "pdf" or "" => "pdf",
            "html" or "htm" => "html",
            "csv" => "csv",
            "json" => "json",
            "xlsx" => "xlsx",
            var other => throw new UsageException($"--format is pdf, html, csv, json or xlsx, not '{other}'"),
        };
        var chinese = (parsed.GetValue(Lang) ?? "zh-CN") switch
        {
            "zh-CN" or "zh" => true,
            "en" => false,
            _ => throw new UsageException("--lang is zh-CN or en"),
        };
        var paper = (parsed.GetValue(Paper) ?? "A4").ToUpperInvariant() switch
        {
            "A4" => Reports.Pdf.Paper.A4Portrait,
            "A3" => Reports.Pdf.Paper.A3Landscape,
            _ => throw new UsageException("--paper is A4 or A3"),
        };
        var keyFiles = _dated ? parsed.All(Sign) : [];
        var unsigned = _dated && parsed.Flag(Unsigned);
        if (unsigned && keyFiles.Count > 0) throw new UsageException("--unsigned 与 --sign 不能同时使用 --unsigned does not go with --sign: choose one");
        return new NoticeStyleChoice(format, chinese, paper, _dated ? parsed.GetValue(Date) : null, keyFiles, parsed.GetValue(Font)) { Unsigned = unsigned };
    }
}
