namespace KetamineFaqBot.Answering.Guardrails.Prefilter;

/// <summary>
/// Derives from a parsed pattern (1) a <see cref="Condition"/> over literals that every message it matches must
/// satisfy, and (2) "proof" literals whose presence guarantees a match. Both err on the safe side: a condition may
/// hold for messages the pattern does not match (the pattern then runs), never the reverse; a proof is only derived
/// where the pattern provably matches any message holding it.
/// </summary>
/// <remarks>
/// The method is the classic required-literal analysis (as in RE2 and code search): every node is described by the
/// finite set of strings it matches, when that set is small ("exact"); otherwise by the strings its matches start
/// and end with, plus conditions on its inside. Concatenation crosses adjacent exact sets into longer literals.
/// </remarks>
internal sealed class LiteralAnalysis
{
    /// <summary>Largest literal set kept exact; beyond it a set becomes a condition and a new run starts.</summary>
    private const int MaxSet = 64;

    /// <summary>Largest repetition count expanded into literals ("(?:ab){2}").</summary>
    private const int MaxExpandedRepeat = 4;

    // PERF: word lists are expanded into every pattern that names them, so the same groups recur hundreds of times
    // in one rule file. The parser hands out one node per distinct group text, and each node is analysed once.
    private readonly Dictionary<PatternNode, Info> infos = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<PatternNode, HashSet<string>?> precise = new(ReferenceEqualityComparer.Instance);

    /// <summary>The condition a message must satisfy for <paramref name="pattern"/> to match somewhere in it.</summary>
    public Condition Requirement(PatternNode pattern) => Analyze(pattern).ToCondition();

    /// <summary>
    /// For a pattern of the loader's shape <c>(?&lt;!\w)(?:A|B|…)(?!\w)</c>: literals, each bounded by non-word
    /// characters on both sides (or only before, when the branch ends in <c>\w*</c>: <c>OpenEnded</c>),
    /// whose presence proves a match. Empty when none can be derived.
    /// </summary>
    public IReadOnlyList<(string Text, bool OpenEnded)> Proofs(PatternNode pattern)
    {
        var proofs = new List<(string, bool)>();
        if (pattern is not ConcatNode { Items: [NotWordNeighbour { Before: true }, var body, NotWordNeighbour { Before: false }] })
        {
            return proofs;
        }

        foreach (var branch in Branches(body))
        {
            var openEnded = false;
            var exactPart = branch;
            if (branch is ConcatNode { Items.Count: > 1 } concat
                && concat.Items[^1] is RepeatNode { Child: AnyText { Kind: CharKind.Word }, Min: 0, Max: int.MaxValue })
            {
                // "ketamine\w*": the \w* runs to the end of the word, where (?!\w) always holds.
                openEnded = true;
                exactPart = concat.Items.Count == 2 ? concat.Items[0] : new ConcatNode([.. concat.Items.Take(concat.Items.Count - 1)]);
            }

            var strings = Precise(exactPart);
            if (strings is null)
            {
                continue;
            }

            foreach (var text in strings)
            {
                if (text.Length > 0)
                {
                    proofs.Add((text, openEnded));
                }
            }
        }

        return proofs;
    }

    /// <summary>
    /// Rewrites <c>(?&lt;!\w)(?:A|B)(?!\w)</c> as <c>(?&lt;!\w)A(?!\w)|(?&lt;!\w)B(?!\w)</c> (the same language), so each
    /// branch's literals keep their word boundaries even when the branches together are too many to keep exact.
    /// </summary>
    public static PatternNode DistributeBoundaries(PatternNode pattern) =>
        pattern is ConcatNode { Items: [NotWordNeighbour { Before: true } before, AlternationNode body, NotWordNeighbour { Before: false } after] }
            ? new AlternationNode([.. Branches(body).Select(branch => (PatternNode)new ConcatNode([before, branch, after]))])
            : pattern;

    private static IEnumerable<PatternNode> Branches(PatternNode node)
    {
        if (node is AlternationNode alternation)
        {
            foreach (var branch in alternation.Branches)
            {
                foreach (var inner in Branches(branch))
                {
                    yield return inner;
                }
            }
        }
        else
        {
            yield return node;
        }
    }

    /// <summary>The exact, finite set of strings a node matches when it is built only from literals; otherwise null.</summary>
    private HashSet<string>? Precise(PatternNode node)
    {
        if (node is not (ConcatNode or AlternationNode or RepeatNode))
        {
            return PreciseCore(node);
        }

        if (!precise.TryGetValue(node, out var strings))
        {
            strings = PreciseCore(node);
            precise[node] = strings;
        }

        return strings;
    }

    private HashSet<string>? PreciseCore(PatternNode node)
    {
        switch (node)
        {
            case CharNode c:
                return [c.Value.ToString()];
            case TextNode t:
                return [t.Text];
            case CharSetNode set:
                return [.. set.Chars.Select(ch => ch.ToString())];
            case ConcatNode concat:
                HashSet<string>? acc = [string.Empty];
                foreach (var item in concat.Items)
                {
                    var next = Precise(item);
                    if (next is null || acc.Count * next.Count > MaxSet)
                    {
                        return null;
                    }

                    acc = [.. acc.SelectMany(a => next.Select(b => a + b))];
                }

                return acc;
            case AlternationNode alternation:
                var union = new HashSet<string>(StringComparer.Ordinal);
                foreach (var branch in alternation.Branches)
                {
                    var strings = Precise(branch);
                    if (strings is null)
                    {
                        return null;
                    }

                    union.UnionWith(strings);
                    if (union.Count > MaxSet)
                    {
                        return null;
                    }
                }

                return union;
            case RepeatNode repeat when repeat.Max <= MaxExpandedRepeat:
                var child = Precise(repeat.Child);
                if (child is null)
                {
                    return null;
                }

                var result = new HashSet<string>(StringComparer.Ordinal);
                HashSet<string> power = [string.Empty];
                for (var k = 0; k <= repeat.Max; k++)
                {
                    if (k >= repeat.Min)
                    {
                        result.UnionWith(power);
                    }

                    if (k < repeat.Max)
                    {
                        if (power.Count * child.Count > MaxSet)
                        {
                            return null;
                        }

                        power = [.. power.SelectMany(a => child.Select(b => a + b))];
                    }
                }

                return result.Count > MaxSet ? null : result;
            default:
                return null;
        }
    }

    private Info Analyze(PatternNode node)
    {
        if (node is not (ConcatNode or AlternationNode or RepeatNode))
        {
            return AnalyzeCore(node);
        }

        if (!infos.TryGetValue(node, out var info))
        {
            info = AnalyzeCore(node);
            infos[node] = info;
        }

        return info;
    }

    private Info AnalyzeCore(PatternNode node) => node switch
    {
        CharNode c => Info.ExactOf([new Literal(c.Value.ToString())]),
        TextNode t => Info.ExactOf([new Literal(t.Text)]),
        CharSetNode set => Info.ExactOf([.. set.Chars.Select(ch => new Literal(ch.ToString()))]),

        // One non-word character: whatever precedes it is followed by a non-word character, and whatever follows
        // it is preceded by one.
        AnyText { Kind: CharKind.NonWord } => new Info
        {
            Prefix = [new Literal(string.Empty, NotWordAfter: true)],
            Suffix = [new Literal(string.Empty, NotWordBefore: true)],
            HeadNonWord = true,
            TailNonWord = true,
        },
        AnyText => new Info(),
        ZeroWidth => Info.ExactOf([Literal.Empty]),

        // ^ has nothing before it; $ has nothing after it, or a final line break: neither is a word character.
        Anchor a => Info.ExactOf([a.Start ? new Literal(string.Empty, NotWordBefore: true) : new Literal(string.Empty, NotWordAfter: true)]),
        NotWordNeighbour n => Info.ExactOf([n.Before ? new Literal(string.Empty, NotWordBefore: true) : new Literal(string.Empty, NotWordAfter: true)]),
        PositiveLook look => new Info { Exact = [Literal.Empty], Required = Analyze(look.Child).ToCondition() },
        ConcatNode concat => AnalyzeConcat(concat.Items),
        AlternationNode alternation => AnalyzeAlternation(alternation.Branches),
        RepeatNode repeat => AnalyzeRepeat(repeat),
        _ => new Info(),
    };

    private Info AnalyzeRepeat(RepeatNode repeat)
    {
        if (repeat.Max == 0)
        {
            return Info.ExactOf([Literal.Empty]);
        }

        var child = Analyze(repeat.Child);
        if (child.Exact is { } exact && !child.Overhang && repeat.Max <= MaxExpandedRepeat && ExpandRepeat(exact, repeat.Min, repeat.Max) is { } expanded)
        {
            return new Info { Exact = expanded, Required = repeat.Min > 0 ? child.Required : Condition.True };
        }

        if (repeat.Min == 0)
        {
            // Possibly empty: nothing is required, but a repetition of text that starts (ends) with a non-word
            // character still starts (ends) with one.
            return new Info { Nullable = true, HeadNonWord = child.IsHeadNonWord, TailNonWord = child.IsTailNonWord };
        }

        // At least one repetition: the match starts with the child's start and ends with its end.
        return new Info
        {
            Prefix = child.Exact ?? child.Prefix,
            Suffix = child.Exact ?? child.Suffix,
            Required = child.ToCondition(),
            Overhang = child.Overhang,
            Nullable = child.IsNullable,
            HeadNonWord = child.IsHeadNonWord,
            TailNonWord = child.IsTailNonWord,
        };
    }

    /// <summary>The strings of <paramref name="min"/> to <paramref name="max"/> repetitions; null when too many.</summary>
    private static HashSet<Literal>? ExpandRepeat(HashSet<Literal> exact, int min, int max)
    {
        var result = new HashSet<Literal>();
        HashSet<Literal>? power = [Literal.Empty];
        for (var k = 0; k <= max; k++)
        {
            if (k >= min)
            {
                result.UnionWith(power);
            }

            if (k < max)
            {
                power = Cross(power, exact);
                if (power is null)
                {
                    return null;
                }
            }
        }

        return result.Count <= MaxSet ? result : null;
    }

    private Info AnalyzeAlternation(IReadOnlyList<PatternNode> branches)
    {
        var infos = branches.Select(Analyze).ToList();
        var overhang = infos.Exists(i => i.Overhang);
        if (infos.TrueForAll(i => i.Exact is not null))
        {
            var union = new HashSet<Literal>();
            foreach (var info in infos)
            {
                union.UnionWith(info.Exact!);
            }

            if (union.Count <= MaxSet)
            {
                return new Info
                {
                    Exact = union,
                    Required = Condition.Or(infos.Select(i => i.Required)),
                    Overhang = overhang,
                };
            }
        }

        return new Info
        {
            Required = Condition.Or(infos.Select(i => i.ToCondition())),
            Prefix = Union(infos.Select(i => i.Exact ?? i.Prefix)),
            Suffix = Union(infos.Select(i => i.Exact ?? i.Suffix)),
            Overhang = overhang,
            Nullable = infos.Exists(i => i.IsNullable),
            HeadNonWord = infos.TrueForAll(i => i.IsHeadNonWord),
            TailNonWord = infos.TrueForAll(i => i.IsTailNonWord),
        };
    }

    private static HashSet<Literal>? Union(IEnumerable<HashSet<Literal>?> sets)
    {
        var union = new HashSet<Literal>();
        foreach (var set in sets)
        {
            if (set is null)
            {
                return null;
            }

            union.UnionWith(set);
            if (union.Count > MaxSet)
            {
                return null;
            }
        }

        return union;
    }

    private Info AnalyzeConcat(IReadOnlyList<PatternNode> items)
    {
        var infos = items.Select(i => i is PositiveLook { Behind: true } ? null : Analyze(i)).ToArray();
        var conditions = new List<Condition>();
        HashSet<Literal> run = [Literal.Empty];

        // Whether the current run started at the beginning of this concatenation, so it is this node's prefix.
        var runAtStart = true;
        var flushed = false;
        var overhang = false;
        HashSet<Literal>? prefix = null;

        void Flush()
        {
            conditions.Add(Condition.AnyOf(run));
            if (runAtStart)
            {
                prefix = run;
            }

            runAtStart = false;
            flushed = true;
        }

        // Continues the run with a set of strings that begins where the run ends.
        void Extend(HashSet<Literal> next, bool nextOverhang)
        {
            if (nextOverhang)
            {
                // The next strings start before this position (a lookbehind's text): they cannot be joined to the
                // run, except to an empty one (its boundary conditions are dropped, which only weakens the filter).
                if (run.All(l => l.Text.Length == 0))
                {
                    overhang |= runAtStart;
                    run = next;
                    return;
                }

                Flush();
                run = next;
                return;
            }

            var joined = Cross(run, next);
            if (joined is null)
            {
                Flush();
                run = next;
                return;
            }

            run = joined;
        }

        for (var index = 0; index < items.Count; index++)
        {
            if (items[index] is PositiveLook { Behind: true } lookBehind)
            {
                var inner = Analyze(lookBehind.Child);
                conditions.Add(inner.ToCondition());
                if ((inner.Exact ?? inner.Suffix) is { } ending)
                {
                    // The text just before this position is one of the lookbehind's endings.
                    Extend(ending, nextOverhang: true);
                }

                continue;
            }

            var info = infos[index]!;
            conditions.Add(info.Required);
            if (info.Exact is { } exact)
            {
                Extend(exact, info.Overhang);
                continue;
            }

            // The run ends here. When the text from here on certainly starts with a non-word character, the run's
            // strings are followed by one.
            if (!info.Overhang && NonWordAhead(infos, index))
            {
                Extend([new Literal(string.Empty, NotWordAfter: true)], nextOverhang: false);
            }

            var endsAfterNonWord = EndsAfterNonWord(run);
            Extend(info.Prefix ?? [Literal.Empty], info.Overhang);
            Flush();
            run = info.Suffix ?? [Literal.Empty];

            // Text that ends with a non-word character (or is empty, after such text) leaves the next run preceded by one.
            if (info.IsTailNonWord && (!info.IsNullable || endsAfterNonWord) && !EndsAfterNonWord(run))
            {
                run = [new Literal(string.Empty, NotWordBefore: true)];
            }
        }

        if (!flushed)
        {
            return new Info { Exact = run, Required = Condition.And(conditions), Overhang = overhang };
        }

        conditions.Add(Condition.AnyOf(run));
        return new Info
        {
            Required = Condition.And(conditions),
            Prefix = overhang ? null : prefix,
            Suffix = run,
            Nullable = Array.TrueForAll(infos, i => i is null || i.IsNullable),
            HeadNonWord = HeadNonWord(infos),
            TailNonWord = TailNonWord(infos),
        };
    }

    /// <summary>Whether the character at the start of item <paramref name="index"/> is certainly not a word character (or absent).</summary>
    private static bool NonWordAhead(Info?[] infos, int index)
    {
        for (var j = index; j < infos.Length; j++)
        {
            var info = infos[j];
            if (info is null || info.Overhang)
            {
                return false;
            }

            if (info.Exact is { } exact)
            {
                var transparent = false;
                foreach (var literal in exact)
                {
                    if (literal.Text.Length > 0)
                    {
                        if (Literal.IsAsciiWord(literal.Text[0]))
                        {
                            return false;
                        }
                    }
                    else if (!literal.NotWordAfter)
                    {
                        transparent = true;
                    }
                }

                if (!transparent)
                {
                    return true;
                }

                continue;
            }

            if (!info.HeadNonWord)
            {
                return false;
            }

            if (!info.Nullable)
            {
                return true;
            }
        }

        // The end of this concatenation: what follows is not known here.
        return false;
    }

    private static bool HeadNonWord(Info?[] infos)
    {
        foreach (var info in infos)
        {
            if (info is null || !info.IsHeadNonWord)
            {
                return false;
            }

            if (!info.IsNullable)
            {
                return true;
            }
        }

        return true;
    }

    private static bool TailNonWord(Info?[] infos)
    {
        for (var j = infos.Length - 1; j >= 0; j--)
        {
            var info = infos[j];
            if (info is null)
            {
                continue;
            }

            if (!info.IsTailNonWord)
            {
                return false;
            }

            if (!info.IsNullable)
            {
                return true;
            }
        }

        return true;
    }

    /// <summary>Every string of the set ends after a non-word character (or is empty where one precedes it).</summary>
    private static bool EndsAfterNonWord(HashSet<Literal> set) =>
        set.All(l => l.Text.Length > 0 ? !Literal.IsAsciiWord(l.Text[^1]) : l.NotWordBefore);

    /// <summary>Every string of <paramref name="left"/> followed by every string of <paramref name="right"/>; null when too many.</summary>
    private static HashSet<Literal>? Cross(HashSet<Literal> left, HashSet<Literal> right)
    {
        if ((long)left.Count * right.Count > MaxSet * 4L)
        {
            return null;
        }

        var result = new HashSet<Literal>();
        foreach (var a in left)
        {
            foreach (var b in right)
            {
                if (a.TryJoin(b, out var joined))
                {
                    result.Add(joined);
                }
            }
        }

        return result.Count > MaxSet ? null : result;
    }

    /// <summary>What is known about the strings one node matches. A new instance knows nothing (any text).</summary>
    private sealed class Info
    {
        private Condition? condition;

        /// <summary>The node matches one of these strings exactly (null: not a small finite set).</summary>
        public HashSet<Literal>? Exact { get; init; }

        /// <summary>When not exact: every match starts with one of these (null: unknown).</summary>
        public HashSet<Literal>? Prefix { get; init; }

        /// <summary>When not exact: every match ends with one of these (null: unknown).</summary>
        public HashSet<Literal>? Suffix { get; init; }

        /// <summary>Holds in the message whenever the node matches, beyond what the sets say.</summary>
        public Condition Required { get; init; } = Prefilter.Condition.True;

        /// <summary>The exact or prefix strings may begin before the match (they include lookbehind text).</summary>
        public bool Overhang { get; init; }

        /// <summary>When not exact: the node may match empty text.</summary>
        public bool Nullable { get; init; }

        /// <summary>When not exact: every non-empty match starts with a non-word character.</summary>
        public bool HeadNonWord { get; init; }

        /// <summary>When not exact: every non-empty match ends with a non-word character.</summary>
        public bool TailNonWord { get; init; }

        public bool IsNullable => Exact?.Any(l => l.Text.Length == 0) ?? Nullable;

        public bool IsHeadNonWord => Exact?.All(l => l.Text.Length == 0 || !Literal.IsAsciiWord(l.Text[0])) ?? HeadNonWord;

        public bool IsTailNonWord => Exact?.All(l => l.Text.Length == 0 || !Literal.IsAsciiWord(l.Text[^1])) ?? TailNonWord;

        public static Info ExactOf(HashSet<Literal> literals) => new() { Exact = literals };

        public Condition ToCondition() => condition ??= Exact is not null
            ? Prefilter.Condition.And([Required, Prefilter.Condition.AnyOf(Exact)])
            : Prefilter.Condition.And([Required, Prefilter.Condition.AnyOf(Prefix), Prefilter.Condition.AnyOf(Suffix)]);
    }
}
