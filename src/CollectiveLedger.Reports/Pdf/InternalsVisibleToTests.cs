using System.Runtime.CompilerServices;

// The line breaker is a pure function worth testing on its own, without going through a PDF.
[assembly: InternalsVisibleTo("CollectiveLedger.Tests")]
