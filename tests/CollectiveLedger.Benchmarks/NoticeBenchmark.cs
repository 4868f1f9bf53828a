using System.Diagnostics;
using System.Text;
using CollectiveLedger.Cli;
using CollectiveLedger.Core.Audit;
using CollectiveLedger.Core.Disclosure;
using CollectiveLedger.Core.Periods;
using CollectiveLedger.Import;
using CollectiveLedger.Publishing;
using CollectiveLedger.Reports.Disclosure;
using CollectiveLedger.Reports.Pdf;
using CollectiveLedger.Storage;

namespace CollectiveLedger.Benchmarks;

/// <summary>
/// The notice target: a month notice with 500 items renders (books read, model computed, PDF laid
/// out and written) in under 0.5 s warm, and the PDF is under 300 KB.
/// </summary>
internal static class NoticeBenchmark
{
    public const int Items = 500;
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(0.5);
    public const int SizeLimit = 300 * 1024;

    public static (TimeSpan Best, int Bytes, int Pages) Run(string directory)
    {
        var font = ChineseFonts.Find() ?? throw new InvalidOperationException("no Chinese font: apt-get install fonts-wqy-microhei");
        var file = Path.Combine(directory, "notice-month.jsonl");
        var sb = new StringBuilder();
        for (var i = 1; i <= Items; i++)
        {
            var (account, side) = i % 3 == 0 ? ("50101", "credit") : ("51301", "debit");
            var other = side == "credit" ? "debit" : "credit";
            sb.Append(System.Globalization.CultureInfo.InvariantCulture, $$"""{"ref":"N{{i}}","date":"2025-06-{{1 + i % 30:D2}}","summary":"第{{i}}笔 草场承包费及办公用品采购","lines":[{"account":"{{account}}","{{side}}":"{{i}}.50"},{"account":"10201","{{other}}":"{{i}}.50"}]}""").Append('\n');
        }
        File.WriteAllText(file, sb.ToString());
        using var store = Books.Create(Path.Combine(directory, "notice.db"));
        var result = store.Write(Books.Actor, session => VoucherImport.Run(session, file, InputEncoding.Utf8, dryRun: false));
        if (!result.Ok) throw new InvalidOperationException("notice books rejected: " + result.Violations[0]);

        var period = DisclosurePeriod.Month(new Period(2025, 6));
        byte[] Render()
        {
            var state = store.LoadState();
            var (checkpoint, headSeq, headHash) = store.CheckpointOfBooks(Checkpoint.OriginOf(state.Ledger.OrgCode, state.Ledger.LedgerId));
            var signed = new BooksCheckpoint.Result(checkpoint, headSeq, headHash, new SignedNote(checkpoint.Body, []), []);
            return NoticePdf.Render(NoticeTables.Document(NoticeBuilder.Build(store, state, period, new DateOnly(2025, 7, 5), signed), chinese: true), Paper.A4Portrait, font);
        }

        var pdf = Render();
        var best = TimeSpan.MaxValue;
        for (var i = 0; i < 3; i++)
        {
            var clock = Stopwatch.StartNew();
            pdf = Render();
            best = TimeSpan.FromTicks(Math.Min(best.Ticks, clock.Elapsed.Ticks));
        }
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        return (best, pdf.Length, document.NumberOfPages);
    }
}
