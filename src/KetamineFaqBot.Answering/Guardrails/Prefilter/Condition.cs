namespace KetamineFaqBot.Answering.Guardrails.Prefilter;

/// <summary>
/// What a message must contain for a pattern to have any chance of matching: literals combined with and/or.
/// Built by <see cref="LiteralAnalysis"/>; <see cref="True"/> means "cannot tell, always run the pattern".
/// </summary>
internal abstract class Condition
{
    public static Condition True { get; } = new Constant(true);

    public static Condition False { get; } = new Constant(false);

    /// <summary>Any of the literals (True when one of them is empty, or when <paramref name="literals"/> is null: unknown).</summary>
    public static Condition AnyOf(IReadOnlyCollection<Literal>? literals)
    {
        if (literals is null)
        {
            return True;
        }

        var parts = new List<Condition>(literals.Count);
        foreach (var literal in literals)
        {
            if (literal.Text.Length == 0)
            {
                return True;
            }

            parts.Add(new LiteralCondition(literal));
        }

        return Or(parts);
    }

    public static Condition And(IEnumerable<Condition> conditions)
    {
        var parts = new List<Condition>();
        foreach (var condition in conditions)
        {
            if (ReferenceEquals(condition, False))
            {
                return False;
            }

            if (condition is AllOf all)
            {
                parts.AddRange(all.Parts);
            }
            else if (!ReferenceEquals(condition, True))
            {
                parts.Add(condition);
            }
        }

        return parts.Count switch
        {
            0 => True,
            1 => parts[0],
            _ => new AllOf(parts),
        };
    }

    public static Condition Or(IEnumerable<Condition> conditions)
    {
        var parts = new List<Condition>();
        foreach (var condition in conditions)
        {
            if (ReferenceEquals(condition, True))
            {
                return True;
            }

            if (condition is OneOf one)
            {
                parts.AddRange(one.Parts);
            }
            else if (!ReferenceEquals(condition, False))
            {
                parts.Add(condition);
            }
        }

        return parts.Count switch
        {
            0 => False,
            1 => parts[0],
            _ => new OneOf(parts),
        };
    }

    internal sealed class Constant(bool value) : Condition
    {
        public bool Value { get; } = value;

        public override string ToString() => Value ? "true" : "false";
    }

    internal sealed class LiteralCondition(Literal literal) : Condition
    {
        public Literal Literal { get; } = literal;

        public override string ToString() =>
            (Literal.NotWordBefore ? "<" : string.Empty) + "'" + Literal.Text + "'" + (Literal.NotWordAfter ? ">" : string.Empty);
    }

    internal sealed class AllOf(List<Condition> parts) : Condition
    {
        public IReadOnlyList<Condition> Parts { get; } = parts;

        public override string ToString() => "(" + string.Join(" & ", Parts) + ")";
    }

    internal sealed class OneOf(List<Condition> parts) : Condition
    {
        public IReadOnlyList<Condition> Parts { get; } = parts;

        public override string ToString() => "(" + string.Join(" | ", Parts) + ")";
    }
}
