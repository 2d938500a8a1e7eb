namespace KetamineFaqBot.Core.Answering;

/// <summary>An in-scope question the corpus could not answer. <see cref="Question"/> is redacted before storage.</summary>
public sealed record ContentGap(DateTimeOffset At, string Question, string Channel, string CorpusVersion, float TopScore);
