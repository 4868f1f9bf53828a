namespace CollectiveLedger.Reports.Pdf;

/// <summary>
/// One piece of a printed notice, laid out top to bottom in the order given. The set of block kinds
/// is closed: <see cref="Heading"/>, <see cref="Paragraph"/>, <see cref="Table"/>,
/// <see cref="KeepTogether"/>, <see cref="QrCode"/>, <see cref="Picture"/>, <see cref="Spacer"/>, <see cref="HalfPage"/> and <see cref="PageBreak"/>.
/// </summary>
public abstract record Block;
