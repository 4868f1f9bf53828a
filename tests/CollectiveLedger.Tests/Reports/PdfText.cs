using UglyToad.PdfPig;

namespace CollectiveLedger.Tests.Reports;

/// <summary>Reads a rendered PDF back with PdfPig, an independent implementation of the format.</summary>
internal static class PdfText
{
    /// <summary>The text of each page with all white space removed, so checks do not depend on how spaces extract.</summary>
    public static IReadOnlyList<string> Pages(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return document.GetPages().Select(page => Squeeze(page.Text)).ToList();
    }

    public static IReadOnlyList<(double Width, double Height)> PageSizes(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return document.GetPages().Select(page => (page.Width, page.Height)).ToList();
    }

    public static (string? Creation, string? Modified) InfoDates(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return (document.Information.CreationDate, document.Information.ModifiedDate);
    }

    public static string Squeeze(string text) => string.Concat(text.Where(character => !char.IsWhiteSpace(character)));
}
