using CollectiveLedger.Core.Money;

namespace CollectiveLedger.Reports.Disclosure;

// The block kinds of a NoticeDocument, kept in one file because they are a closed set read together:
// every writer handles each of them, and a new kind means a change in each writer.

/// <summary>One piece of a <see cref="NoticeSection"/>: a <see cref="NoticeTable"/>, <see cref="NoticeParagraph"/>, <see cref="NoticeSignatures"/>, <see cref="NoticeCheck"/> or <see cref="NoticeImage"/>.</summary>
public abstract record NoticeBlock;

/// <summary>
/// A table. When it has no rows and <paramref name="EmptyText"/> is not empty, that text (本期无) is
/// shown instead of the table; a spreadsheet still gets the header row.
/// </summary>
/// <param name="TotalRowFrom">Rows at and after this index are totals, shaded.</param>
public sealed record NoticeTable(IReadOnlyList<NoticeColumn> Columns, IReadOnlyList<IReadOnlyList<NoticeCell>> Rows,
    string EmptyText = "", int? TotalRowFrom = null) : NoticeBlock
{
    /// <summary>Rows of plain text, each cell shown and exported alike.</summary>
    public static IReadOnlyList<IReadOnlyList<NoticeCell>> Cells(IEnumerable<IReadOnlyList<string>> rows) =>
        [.. rows.Select(r => (IReadOnlyList<NoticeCell>)[.. r.Select(cell => new NoticeCell(cell))])];
}

/// <summary>A column: its header, its share of the printed width, whether it holds numbers (right-aligned, never neutralized in CSV).</summary>
/// <param name="NoWrap">The cell text stays on one line (a voucher number); the column widens on paper if it must.</param>
/// <param name="Code">Machine text (hashes, keys) that may break anywhere and is shown in a fixed-width font where the format has one.</param>
public sealed record NoticeColumn(string Header, float Weight, bool Numeric = false, bool NoWrap = false, bool Code = false);

/// <summary>A cell: the text people read, and the value a spreadsheet gets when it differs (1,234.50 shown, 1234.50 in CSV).</summary>
public readonly record struct NoticeCell(string Text, string? Data = null)
{
    public static implicit operator NoticeCell(string text) => new(text);

    public static NoticeCell Money(Amount amount) => new(amount.ToDisplayString(), amount.ToString());

    public string SheetText => Data ?? Text;
}

/// <summary>How a paragraph is set: running text, emphasized on a shaded box (amounts in words), or small print (a note under a table).</summary>
public enum NoticeParagraphStyle
{
    Plain,
    Emphasis,
    Note,
}

/// <summary>Running text; a line feed starts a new line.</summary>
public sealed record NoticeParagraph(string Text, NoticeParagraphStyle Style = NoticeParagraphStyle.Plain) : NoticeBlock;

/// <summary>The signatures: each label (会计：…（签字）) with blank space under it to sign in.</summary>
public sealed record NoticeSignatures(IReadOnlyList<string> Labels) : NoticeBlock;

/// <summary>
/// The verification block: the checkpoint as a table, the signed note as a QR code (and as text where the
/// format can carry it), and how to check it.
/// </summary>
public sealed record NoticeCheck(NoticeTable Checkpoint, string SignedNote, string HowToCheck) : NoticeBlock
{
    /// <summary>What the QR code carries: the note itself, or the phone page's address holding it (<see cref="Core.Disclosure.NoticeVerification.CheckUrl"/>).</summary>
    public string QrText { get; init; } = "";
}

/// <summary>
/// A picture with its caption under it, kept together: a receipt photo of the notice's appendix (原始凭证). The bytes are
/// a JPEG or PNG as the books keep it; the PDF and HTML show it, the spreadsheets have no place for it.
/// </summary>
public sealed record NoticeImage(System.Collections.Immutable.ImmutableArray<byte> Bytes, string MediaType, string Caption) : NoticeBlock;
