namespace CollectiveLedger.Reports.Pdf;

/// <summary>
/// The font given for a notice is missing, unreadable, not TrueType-outline or lacks Chinese glyphs.
/// Without this check the notice would silently print boxes instead of characters. The message is
/// in Chinese and English and names the fix.
/// </summary>
public sealed class FontUnavailableException(string message) : Exception(message);
