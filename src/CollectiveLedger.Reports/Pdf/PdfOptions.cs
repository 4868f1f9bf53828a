namespace CollectiveLedger.Reports.Pdf;

/// <summary>
/// Everything about a PDF that is not its content. <paramref name="CreationDate"/> is fixed by the
/// caller (the publication date) rather than read from a clock, so the same blocks and options
/// always give a byte-identical file whose SHA-256 can be recorded in the audit log.
/// </summary>
/// <param name="Paper">Sheet size and orientation.</param>
/// <param name="FontPath">A TrueType-outline font that covers Chinese, the first of the chain; see <see cref="ChineseFonts.Find"/>.</param>
/// <param name="CreationDate">Written as both the creation and the modification date.</param>
/// <param name="Title">Document title in the PDF metadata.</param>
/// <param name="Author">Document author in the PDF metadata, usually the organisation.</param>
/// <param name="FooterTemplate">
/// Drawn centered at the bottom of every page; <c>{page}</c> and <c>{pages}</c> are replaced by the
/// page number and the page count, e.g. <c>"第 {page} 页 共 {pages} 页  Page {page} of {pages}"</c>.
/// </param>
/// <param name="HeaderText">Small text drawn at the top of every page, e.g. the organisation and period.</param>
/// <param name="FallbackFontPaths">
/// Fonts for the characters <paramref name="FontPath"/> lacks, tried in order; null means the
/// well-known ones installed here (<see cref="FallbackFonts.Find"/>). Missing or unusable ones are
/// skipped; a character no font has prints as a box with its code point.
/// </param>
public sealed record PdfOptions(
    Paper Paper,
    string FontPath,
    DateTimeOffset CreationDate,
    string Title,
    string Author,
    string FooterTemplate,
    string? HeaderText = null,
    IReadOnlyList<string>? FallbackFontPaths = null);
