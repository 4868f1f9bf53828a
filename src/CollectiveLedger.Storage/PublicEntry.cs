namespace CollectiveLedger.Storage;

/// <summary>One line of the public log: the entry's bytes or its stub (<see cref="Withheld"/>); <see cref="ByValue"/> when withheld only because its text holds a private value.</summary>
public sealed record PublicEntry(long Seq, string Kind, byte[] Bytes, bool Withheld, bool ByValue);
