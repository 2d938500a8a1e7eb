namespace KetamineFaqBot.Core.Answering;

/// <summary>A cited corpus passage; <see cref="Position"/> matches the [n] marker in the answer text.</summary>
public sealed record Citation(int Position, string Id, string Title, string Section, string Topic, string Source, string PassageId);
