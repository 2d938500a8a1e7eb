namespace KetamineFaqBot.Core.Answering;

/// <summary>One redacted unanswered question, how often it was asked and when.</summary>
public sealed record ContentGapSummary(string Question, long Count, DateTimeOffset FirstSeen, DateTimeOffset LastSeen, string CorpusVersion);
