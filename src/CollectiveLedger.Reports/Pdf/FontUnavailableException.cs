namespace CollectiveLedger.Reports.Pdf;

/// <summary>
/// The Chinese font given for a notice is missing, unreadable, not TrueType-outline or lacks Chinese
/// glyphs. Without this check the notice would silently print boxes instead of characters. The message
/// is in Chinese and English and names the fix. A character that only the fallback fonts lack never
/// throws: it is printed as a replacement box (see <see cref="FallbackFonts"/>).
/// </summary>
public sealed class FontUnavailableException(string message) : Exception(message);
