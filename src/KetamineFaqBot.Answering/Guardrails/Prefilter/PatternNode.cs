namespace KetamineFaqBot.Answering.Guardrails.Prefilter;

/// <summary>
/// A parsed guardrail regular expression, reduced to what the literal analysis needs. Anything the analysis cannot
/// reason about is an <see cref="AnyText"/> (matches unknown text) or makes the parser give up on the pattern.
/// </summary>
internal abstract record PatternNode;

/// <summary>One literal character, lower-cased (patterns run case-insensitively over folded text).</summary>
internal sealed record CharNode(char Value) : PatternNode;

/// <summary>Consecutive literal characters, lower-cased ("ketamine" in <c>ketamine\w*</c>).</summary>
internal sealed record TextNode(string Text) : PatternNode;

/// <summary>A small character class such as <c>[i1]</c>: exactly one of <see cref="Chars"/>, lower-cased.</summary>
internal sealed record CharSetNode(string Chars) : PatternNode;

/// <summary>
/// One character the analysis cannot pin down: <c>\w</c> (<see cref="CharKind.Word"/>), <c>\W</c>
/// (<see cref="CharKind.NonWord"/>), <c>\S</c>, <c>.</c>, negated or large classes.
/// </summary>
internal sealed record AnyText(CharKind Kind) : PatternNode;

internal enum CharKind
{
    Unknown,
    Word,
    NonWord,
}

/// <summary>A zero-width assertion that constrains nothing the analysis uses (<c>\b</c>, negative lookarounds).</summary>
internal sealed record ZeroWidth : PatternNode;

/// <summary><c>^</c> (<see cref="Start"/>) or <c>$</c>: the start of the text, or its end (or a final line break).</summary>
internal sealed record Anchor(bool Start) : PatternNode;

/// <summary>
/// <c>(?&lt;!\w)</c> (<see cref="Before"/>) or <c>(?!\w)</c>: the neighbouring character is not a word character
/// (or there is none). The loader wraps every pattern in both.
/// </summary>
internal sealed record NotWordNeighbour(bool Before) : PatternNode;

/// <summary>A positive lookaround: <see cref="Child"/> must match just before (lookbehind) or after the position.</summary>
internal sealed record PositiveLook(PatternNode Child, bool Behind) : PatternNode;

internal sealed record ConcatNode(IReadOnlyList<PatternNode> Items) : PatternNode;

internal sealed record AlternationNode(IReadOnlyList<PatternNode> Branches) : PatternNode;

/// <summary><see cref="Child"/> repeated <see cref="Min"/> to <see cref="Max"/> times (<see cref="int.MaxValue"/>: unbounded).</summary>
internal sealed record RepeatNode(PatternNode Child, int Min, int Max) : PatternNode;
