namespace KetamineFaqBot.Answering.Insights;

/// <summary>A reply rated down, with the passages it was made from (the comment is redacted at storage).</summary>
public sealed record DislikedAnswer(
    DateTimeOffset At,
    string ActivityId,
    string? Comment,
    string? CorpusVersion,
    string? Composer,
    IReadOnlyList<PassageReference> Passages);
