namespace CollectiveLedger.Core.Audit;

/// <summary>A withheld entry as the public log gives it: its seq, kind, hash (SHA-256 of its bytes) and Merkle leaf hash.</summary>
public sealed record PublicStub(long Seq, string Kind, string Hash, byte[] LeafHash);
