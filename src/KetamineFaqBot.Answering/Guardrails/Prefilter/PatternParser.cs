using System.Globalization;
using System.Text;

namespace KetamineFaqBot.Answering.Guardrails.Prefilter;

/// <summary>
/// Parses the subset of .NET regular-expression syntax the guardrail rules use into a <see cref="PatternNode"/> tree.
/// It only ever reads patterns the Regex constructor has already accepted, so it does not validate; it throws
/// <see cref="NotSupportedException"/> for anything it cannot reason about (back-references, atomic groups, inline
/// options, conditionals), and the caller then always runs that regular expression.
/// </summary>
internal sealed class PatternParser
{
    /// <summary>Classes with more distinct characters than this are treated as unknown text.</summary>
    private const int MaxClassSize = 8;

    private readonly string pattern;
    private readonly Dictionary<string, PatternNode>? groups;
    private int position;

    private PatternParser(string pattern, Dictionary<string, PatternNode>? groups)
    {
        this.pattern = pattern;
        this.groups = groups;
    }

    /// <param name="pattern">A pattern the Regex constructor accepted.</param>
    /// <param name="groups">
    /// Non-capturing groups parsed so far, by their text: a group met again (a word list in another rule) is the same
    /// node, so an analysis can remember what it found for it. Null to share nothing.
    /// </param>
    /// <exception cref="NotSupportedException">The pattern uses a construct the analysis does not model.</exception>
    public static PatternNode Parse(string pattern, Dictionary<string, PatternNode>? groups = null)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var parser = new PatternParser(pattern, groups);
        var node = parser.ParseAlternation();
        if (parser.position != pattern.Length)
        {
            throw new NotSupportedException($"Unexpected ')' at {parser.position}.");
        }

        return node;
    }

    private bool AtEnd => position >= pattern.Length;

    private char Peek => pattern[position];

    private PatternNode ParseAlternation()
    {
        var branches = new List<PatternNode> { ParseConcat() };
        while (!AtEnd && Peek == '|')
        {
            position++;
            branches.Add(ParseConcat());
        }

        return branches.Count == 1 ? branches[0] : new AlternationNode(branches);
    }

    private PatternNode ParseConcat()
    {
        var items = new List<PatternNode>();
        while (!AtEnd && Peek is not '|' and not ')')
        {
            var atom = ParseAtom();
            var quantified = ParseQuantifier(atom);

            // PERF: runs of plain characters become one text node, so the analysis joins words, not letters.
            if (quantified is CharNode next && items.Count > 0 && items[^1] is CharNode or TextNode)
            {
                var previous = items[^1] is CharNode c ? c.Value.ToString() : ((TextNode)items[^1]).Text;
                items[^1] = new TextNode(previous + next.Value);
                continue;
            }

            items.Add(quantified);
        }

        return items.Count == 1 ? items[0] : new ConcatNode(items);
    }

    private PatternNode ParseQuantifier(PatternNode atom)
    {
        while (!AtEnd)
        {
            int min;
            int max;
            switch (Peek)
            {
                case '*':
                    (min, max) = (0, int.MaxValue);
                    position++;
                    break;
                case '+':
                    (min, max) = (1, int.MaxValue);
                    position++;
                    break;
                case '?':
                    (min, max) = (0, 1);
                    position++;
                    break;
                case '{' when TryReadBraces(out min, out max):
                    break;
                default:
                    return atom;
            }

            // A lazy quantifier matches the same strings; only the order of attempts differs.
            if (!AtEnd && Peek == '?')
            {
                position++;
            }

            atom = new RepeatNode(atom, min, max);
        }

        return atom;
    }

    /// <summary>Reads {n}, {n,} or {n,m}; anything else is a literal brace, as in .NET.</summary>
    private bool TryReadBraces(out int min, out int max)
    {
        min = 0;
        max = 0;
        var close = pattern.IndexOf('}', position);
        if (close < 0)
        {
            return false;
        }

        var body = pattern.AsSpan(position + 1, close - position - 1);
        var comma = body.IndexOf(',');
        var first = comma < 0 ? body : body[..comma];
        if (!IsDigits(first) || !int.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out min))
        {
            return false;
        }

        if (comma < 0)
        {
            max = min;
        }
        else
        {
            var second = body[(comma + 1)..];
            if (second.IsEmpty)
            {
                max = int.MaxValue;
            }
            else if (!IsDigits(second) || !int.TryParse(second, NumberStyles.None, CultureInfo.InvariantCulture, out max))
            {
                return false;
            }
        }

        position = close + 1;
        return true;
    }

    private static bool IsDigits(ReadOnlySpan<char> span)
    {
        if (span.IsEmpty)
        {
            return false;
        }

        foreach (var c in span)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private PatternNode ParseAtom()
    {
        var c = pattern[position++];
        switch (c)
        {
            case '(':
                return ParseGroup();
            case '[':
                return ParseClass();
            case '\\':
                return ParseEscape();
            case '.':
                return new AnyText(CharKind.Unknown);
            case '^':
                return new Anchor(Start: true);
            case '$':
                return new Anchor(Start: false);
            default:
                return Literal(c);
        }
    }

    private PatternNode ParseGroup()
    {
        PatternNode Body()
        {
            var inner = ParseAlternation();
            if (AtEnd || Peek != ')')
            {
                throw new NotSupportedException("Unclosed group.");
            }

            position++;
            return inner;
        }

        if (AtEnd || Peek != '?')
        {
            return Body();
        }

        position++;
        if (Match(":"))
        {
            var start = position - 3;
            var body = Body();
            if (groups is null)
            {
                return body;
            }

            var text = pattern[start..position];
            if (groups.TryGetValue(text, out var known))
            {
                return known;
            }

            groups[text] = body;
            return body;
        }

        if (Match("="))
        {
            return new PositiveLook(Body(), Behind: false);
        }

        if (Match("!"))
        {
            return Body() is AnyText { Kind: CharKind.Word } ? new NotWordNeighbour(Before: false) : new ZeroWidth();
        }

        if (Match("<="))
        {
            return new PositiveLook(Body(), Behind: true);
        }

        if (Match("<!"))
        {
            return Body() is AnyText { Kind: CharKind.Word } ? new NotWordNeighbour(Before: true) : new ZeroWidth();
        }

        if (!AtEnd && Peek is '<' or '\'')
        {
            // Named capture (?<name>...) or (?'name'...); balancing groups are not modelled.
            var close = Peek == '<' ? '>' : '\'';
            var end = pattern.IndexOf(close, position + 1);
            if (end < 0 || pattern.AsSpan(position + 1, end - position - 1).Contains('-'))
            {
                throw new NotSupportedException("Balancing group.");
            }

            position = end + 1;
            return Body();
        }

        // Atomic groups, inline options, comments and conditionals change what can match; leave them to the regex.
        throw new NotSupportedException($"Group construct '(?{(AtEnd ? ' ' : Peek)}'.");
    }

    private bool Match(string text)
    {
        if (string.CompareOrdinal(pattern, position, text, 0, text.Length) == 0)
        {
            position += text.Length;
            return true;
        }

        return false;
    }

    private PatternNode ParseEscape()
    {
        if (AtEnd)
        {
            throw new NotSupportedException("Trailing backslash.");
        }

        var c = pattern[position++];
        switch (c)
        {
            case 'w':
                return new AnyText(CharKind.Word);
            case 'W':
                return new AnyText(CharKind.NonWord);
            case 's' or 'S' or 'd' or 'D':
                return new AnyText(CharKind.Unknown);
            case 'p' or 'P':
                SkipBraces();
                return new AnyText(CharKind.Unknown);
            case 'A':
                return new Anchor(Start: true);
            case 'z' or 'Z':
                return new Anchor(Start: false);
            case 'b' or 'B' or 'G':
                return new ZeroWidth();
            case >= '1' and <= '9' or 'k':
                throw new NotSupportedException("Back-reference.");
            default:
                return Literal(EscapedChar(c));
        }
    }

    /// <summary>The character an escape outside the \w-style classes stands for.</summary>
    private char EscapedChar(char c)
    {
        switch (c)
        {
            case 't': return '\t';
            case 'n': return '\n';
            case 'r': return '\r';
            case 'f': return '\f';
            case 'v': return '\v';
            case 'e': return '\u001B';
            case 'a': return '\a';
            case 'x': return ReadHex(2);
            case 'u': return ReadHex(4);
            case '0': return ReadOctal();
            case 'c': throw new NotSupportedException("Control-character escape.");
            default: return c;
        }
    }

    private char ReadHex(int digits)
    {
        if (position + digits > pattern.Length
            || !int.TryParse(pattern.AsSpan(position, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value))
        {
            throw new NotSupportedException("Malformed hexadecimal escape.");
        }

        position += digits;
        return (char)value;
    }

    private char ReadOctal()
    {
        var value = 0;
        for (var i = 0; i < 2 && !AtEnd && Peek is >= '0' and <= '7'; i++)
        {
            value = (value * 8) + (pattern[position++] - '0');
        }

        return (char)value;
    }

    private void SkipBraces()
    {
        var end = pattern.IndexOf('}', position);
        if (AtEnd || Peek != '{' || end < 0)
        {
            throw new NotSupportedException("Malformed \\p escape.");
        }

        position = end + 1;
    }

    private PatternNode ParseClass()
    {
        var negated = !AtEnd && Peek == '^';
        if (negated)
        {
            position++;
        }

        var chars = new StringBuilder();
        var unknown = false;
        var onlyWordClass = true;
        var first = true;
        while (true)
        {
            if (AtEnd)
            {
                throw new NotSupportedException("Unclosed class.");
            }

            var c = pattern[position++];
            if (c == ']' && !first)
            {
                break;
            }

            first = false;
            if (c == '-' && !AtEnd && Peek == '[')
            {
                throw new NotSupportedException("Class subtraction.");
            }

            char low;
            if (c == '\\')
            {
                var e = pattern[position++];
                if (e == 'w')
                {
                    unknown = true;
                    continue;
                }

                onlyWordClass = false;
                if (e is 'W' or 's' or 'S' or 'd' or 'D')
                {
                    unknown = true;
                    continue;
                }

                if (e is 'p' or 'P')
                {
                    SkipBraces();
                    unknown = true;
                    continue;
                }

                low = e == 'b' ? '\b' : EscapedChar(e);
            }
            else
            {
                onlyWordClass = false;
                low = c;
            }

            // A range a-z (the '-' is literal when it is last).
            if (!AtEnd && Peek == '-' && position + 1 < pattern.Length && pattern[position + 1] != ']')
            {
                position++;
                var high = pattern[position++];
                if (high == '\\')
                {
                    high = EscapedChar(pattern[position++]);
                }

                if (high - low >= MaxClassSize)
                {
                    unknown = true;
                    continue;
                }

                for (var r = low; r <= high; r++)
                {
                    unknown |= !Add(chars, r);
                }

                continue;
            }

            unknown |= !Add(chars, low);
        }

        if (onlyWordClass && unknown)
        {
            // [\w] and [^\w]
            return new AnyText(negated ? CharKind.NonWord : CharKind.Word);
        }

        return negated || unknown || chars.Length == 0 || chars.Length > MaxClassSize
            ? new AnyText(CharKind.Unknown)
            : new CharSetNode(chars.ToString());
    }

    /// <summary>Adds a class member, lower-cased; false for a character the analysis does not model (non-ASCII).</summary>
    private static bool Add(StringBuilder chars, char c)
    {
        if (!char.IsAscii(c))
        {
            return false;
        }

        var low = char.ToLowerInvariant(c);
        if (chars.ToString().IndexOf(low, StringComparison.Ordinal) < 0)
        {
            chars.Append(low);
        }

        return true;
    }

    // SAFETY: a non-ASCII character in a pattern may match characters the analysis does not track; it is unknown text.
    private static PatternNode Literal(char c) => char.IsAscii(c) ? new CharNode(char.ToLowerInvariant(c)) : new AnyText(CharKind.Unknown);
}
