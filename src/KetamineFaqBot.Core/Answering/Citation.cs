namespace KetamineFaqBot.Core.Answering;

/// <summary>A cited corpus passage; <see cref="Position"/> matches the [n] marker in the answer text.</summary>
/// <param name="Text">The passage as written in the corpus, shown when the user opens the citation.</param>
/// <param name="ReviewedOn">The clinical review date of the passage's document, when the index knows it.</param>
public sealed record Citation(
    int Position,
    string Id,
    string Title,
    string Section,
    string Topic,
    string Source,
    string PassageId,
    string Text,
    DateOnly? ReviewedOn);
