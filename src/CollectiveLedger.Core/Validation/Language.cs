namespace CollectiveLedger.Core.Validation;

/// <summary>The languages messages and reports are written in. Chinese first.</summary>
public enum Language { ZhCN, En }
