namespace CollectiveLedger.Cli;

/// <summary>A mistake in how the command was typed: exit code 2 with the usage line.</summary>
public sealed class UsageException(string message) : Exception(message);
