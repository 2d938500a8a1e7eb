namespace KetamineFaqBot.Answering.Composers;

/// <summary>Outcome of the output checks on one model reply.</summary>
public sealed record GroundingResult(IReadOnlyList<SupportedSentence> Kept, int Dropped);
