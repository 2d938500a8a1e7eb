namespace KetamineFaqBot.Answering.Guardrails.Prefilter;

/// <summary>
/// A piece of text a pattern needs, lower-case ASCII, with optional word-boundary conditions: the character
/// before (<see cref="NotWordBefore"/>) or after (<see cref="NotWordAfter"/>) it is not a word character, or there
/// is none. An empty <see cref="Text"/> is present in every message.
/// </summary>
internal readonly record struct Literal(string Text, bool NotWordBefore = false, bool NotWordAfter = false)
{
    public static Literal Empty { get; } = new(string.Empty);

    /// <summary>Word characters of .NET's <c>\w</c> that a literal can hold (literals are ASCII).</summary>
    public static bool IsAsciiWord(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    /// <summary>
    /// This literal followed directly by <paramref name="next"/>; false when their boundary conditions contradict
    /// each other ("a" that must not be followed by a word character, then "b").
    /// </summary>
    public bool TryJoin(Literal next, out Literal joined)
    {
        joined = default;
        if (NotWordAfter && next.Text.Length > 0 && IsAsciiWord(next.Text[0]))
        {
            return false;
        }

        if (next.NotWordBefore && Text.Length > 0 && IsAsciiWord(Text[^1]))
        {
            return false;
        }

        joined = new Literal(
            Text + next.Text,
            NotWordBefore || (Text.Length == 0 && next.NotWordBefore),
            next.NotWordAfter || (next.Text.Length == 0 && NotWordAfter));
        return true;
    }
}
