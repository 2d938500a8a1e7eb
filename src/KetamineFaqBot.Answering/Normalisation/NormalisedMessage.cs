namespace KetamineFaqBot.Answering.Normalisation;

/// <summary>A user message after clean-up.</summary>
/// <param name="Text">Clean text: markup and mentions removed, entities decoded, quotes straightened, whitespace collapsed.
/// Use it for retrieval and for <see cref="Core.Answering.IGuardrails.Evaluate"/>.</param>
/// <param name="MatchText">Folded form the guardrail rules are written against (lower case, no apostrophes).</param>
/// <param name="IsTooLong">The clean text exceeds the limit: reply with the too_long text, do not answer.</param>
/// <param name="MaxLength">The limit that applied (for the too_long text's {maxLength}).</param>
public sealed record NormalisedMessage(string Text, string MatchText, bool IsTooLong, int MaxLength)
{
    /// <summary>Nothing left after clean-up (for example a bare @mention).</summary>
    public bool IsEmpty => Text.Length == 0;
}
