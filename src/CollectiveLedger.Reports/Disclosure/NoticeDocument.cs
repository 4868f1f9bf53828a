namespace CollectiveLedger.Reports.Disclosure;

/// <summary>
/// A public notice as one document, whatever its kind (financial disclosure, project, distribution)
/// and whatever the format it is written in: the title lines, then numbered sections of tables,
/// paragraphs, signatures and the verification block, and the tables a spreadsheet gets.
/// <see cref="NoticeTables"/>, <see cref="ProjectNoticeTables"/> and <see cref="DistributionNoticeTables"/>
/// build it from the Core models; <see cref="NoticePdf"/>, <see cref="NoticeHtml"/> and
/// <see cref="NoticeCsv"/> write any document, so a notice's layout is decided once. Texts are final:
/// already worded in the notice's language and de-identified; writers only encode and place them.
/// </summary>
/// <param name="Text">The notice's language and the words every notice shares (page footer, "signature").</param>
/// <param name="Org">The first title line: the organization.</param>
/// <param name="Name">The second title line: the notice's name (2025年3月财务公开榜).</param>
/// <param name="Meta">The line under the title: publication date and unit, parted by an ideographic space.</param>
/// <param name="Heading">Organization and name on one line: the page header, the PDF's and the HTML page's title.</param>
/// <param name="PublicationDate">Also the PDF's creation date, so the same notice gives the same bytes.</param>
/// <param name="Sections">What is printed (PDF) and shown (HTML), in order.</param>
/// <param name="Sheet">What the CSV holds, in order: the first table bare, each further one after an empty line and its caption.</param>
public sealed record NoticeDocument(
    NoticeText Text, string Org, string Name, string Meta, string Heading, DateOnly PublicationDate,
    IReadOnlyList<NoticeSection> Sections, IReadOnlyList<NoticeSheetTable> Sheet);

/// <summary>
/// A numbered part of a notice (一、收支总表). A section that begins with a table wears its caption
/// above the table; otherwise the caption is a line of its own.
/// </summary>
/// <param name="KeepTogether">Printed on one page (the summary with its amounts in words, the review with its signatures).</param>
public sealed record NoticeSection(string Caption, IReadOnlyList<NoticeBlock> Blocks, bool KeepTogether = false);

/// <summary>A table of the CSV; <paramref name="Caption"/> is written above it unless it is the sheet's first table.</summary>
public sealed record NoticeSheetTable(string Caption, NoticeTable Table);
