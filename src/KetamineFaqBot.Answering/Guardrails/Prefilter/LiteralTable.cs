using System.Text.RegularExpressions;

namespace KetamineFaqBot.Answering.Guardrails.Prefilter;

/// <summary>
/// Every literal, condition and proof of one rule file, interned so that shared pieces (a word list used by twenty
/// rules) are checked once per message. Filled while the rules load; after <see cref="Freeze"/> it is read-only
/// and thread-safe.
/// </summary>
/// <remarks>
/// PERF: a message is scanned once against a trie of every literal (<see cref="Scan"/>): each literal found marks
/// the "any of" conditions that list it, so a condition over hundreds of literals costs one bit test.
/// </remarks>
internal sealed class LiteralTable
{
    private const byte KindTrue = 0;
    private const byte KindFalse = 1;
    private const byte KindLiteral = 2;
    private const byte KindAll = 3;
    private const byte KindAny = 4;

    private const int Ascii = 128;

    private readonly List<Literal> literals = [];
    private readonly Dictionary<Literal, int> literalIds = [];
    private readonly List<byte> kinds = [];
    private readonly List<int> arguments = [];
    private readonly List<int[]> children = [];
    private readonly Dictionary<NodeKey, int> nodeIds = [];
    private readonly List<(string Text, bool OpenEnded)> proofs = [];
    private readonly Dictionary<(string, bool), int> proofIds = [];

    // Analysis state shared by every pattern of the file while it loads; dropped when the table is frozen.
    private LiteralAnalysis? analysis = new();
    private Dictionary<string, PatternNode>? groups = new(StringComparer.Ordinal);
    private Dictionary<Condition, int>? interned = new(ReferenceEqualityComparer.Instance);
    private Dictionary<Regex, PrefilteredRegex>? byRegex = new(ReferenceEqualityComparer.Instance);
    private Frozen? frozen;

    public int LiteralCount => literals.Count;

    public int NodeCount => kinds.Count;

    public int ProofCount => proofs.Count;

    /// <summary>Registers a regular expression: its requirement and proofs, or "always run" when it cannot be analysed.</summary>
    public PrefilteredRegex Add(Regex regex)
    {
        ArgumentNullException.ThrowIfNull(regex);
        if (frozen is not null || analysis is null || byRegex is null)
        {
            throw new InvalidOperationException("The literal table is frozen.");
        }

        // Rules share compiled patterns; each is analysed once.
        if (byRegex.TryGetValue(regex, out var known))
        {
            return known;
        }

        var matcher = Analyse(regex);
        byRegex[regex] = matcher;
        return matcher;
    }

    private PrefilteredRegex Analyse(Regex regex)
    {
        PatternNode parsed;
        try
        {
            parsed = PatternParser.Parse(regex.ToString(), groups!);
        }
        catch (NotSupportedException)
        {
            return new PrefilteredRegex(regex, Intern(Condition.True), []);
        }

        var condition = Intern(analysis!.Requirement(LiteralAnalysis.DistributeBoundaries(parsed)));
        var proofList = analysis.Proofs(parsed).Select(InternProof).Distinct().ToArray();
        return new PrefilteredRegex(regex, condition, proofList);
    }

    /// <summary>Builds the scanning structures; called once, when every rule is loaded.</summary>
    public void Freeze()
    {
        frozen ??= new Frozen(this);
        analysis = null;
        groups = null;
        interned = null;
        byRegex = null;
    }

    /// <summary>Describes a node for diagnostics and tests.</summary>
    public string Describe(int node) => kinds[node] switch
    {
        KindTrue => "true",
        KindFalse => "false",
        KindLiteral => Describe(literals[arguments[node]]),
        KindAll => "(" + string.Join(" & ", children[node].Select(Describe)) + ")",
        _ => "(" + string.Join(" | ", children[node].Select(Describe)) + ")",
    };

    public bool IsAlways(int node) => kinds[node] == KindTrue;

    /// <summary>Finds every literal and proof in <paramref name="scan"/>'s text (its bit sets must be clear).</summary>
    public void Scan(MessageScan scan)
    {
        var f = frozen ?? throw new InvalidOperationException("The literal table is not frozen.");
        var text = scan.Text;
        for (var start = 0; start < text.Length; start++)
        {
            var c = text[start];
            if (c >= Ascii)
            {
                continue;
            }

            var node = f.RootChildren[c];
            var end = start + 1;
            while (node >= 0)
            {
                for (var e = f.EntryStart[node]; e < f.EntryStart[node + 1]; e++)
                {
                    Mark(f, f.Entries[e], text, start, end, scan);
                }

                if (end == text.Length || text[end] >= Ascii)
                {
                    break;
                }

                node = f.Child(node, text[end]);
                end++;
            }
        }
    }

    /// <summary>Whether the scanned message may satisfy a node; results are memoised in <paramref name="scan"/>.</summary>
    public bool Holds(int node, MessageScan scan)
    {
        switch (kinds[node])
        {
            case KindTrue:
                return true;
            case KindFalse:
                return false;
            case KindLiteral:
                return MessageScan.Get(scan.Literals, arguments[node]);
        }

        if (MessageScan.Get(scan.Evaluated, node))
        {
            return MessageScan.Get(scan.Values, node);
        }

        bool result;
        if (kinds[node] == KindAll)
        {
            result = true;
            foreach (var child in frozen!.AllChildren[node])
            {
                if (!Holds(child, scan))
                {
                    result = false;
                    break;
                }
            }
        }
        else
        {
            result = MessageScan.Get(scan.AnyHits, node);
            if (!result)
            {
                foreach (var child in frozen!.NonLiteralChildren[node])
                {
                    if (Holds(child, scan))
                    {
                        result = true;
                        break;
                    }
                }
            }
        }

        MessageScan.Set(scan.Evaluated, node);
        if (result)
        {
            MessageScan.Set(scan.Values, node);
        }

        return result;
    }

    /// <summary>Whether a proof literal is certainly in the scanned message, bounded as the proof requires.</summary>
    public static bool ProofPresent(int proof, MessageScan scan) => MessageScan.Get(scan.Proofs, proof);

    private void Mark(Frozen f, int entry, string text, int start, int end, MessageScan scan)
    {
        if (entry >= 0)
        {
            var literal = literals[entry];
            if (MessageScan.Get(scan.Literals, entry)
                || (literal.NotWordBefore && CertainlyWord(text, start - 1))
                || (literal.NotWordAfter && CertainlyWord(text, end)))
            {
                return;
            }

            MessageScan.Set(scan.Literals, entry);
            foreach (var parent in f.AnyParents[entry])
            {
                MessageScan.Set(scan.AnyHits, parent);
            }

            return;
        }

        var proof = ~entry;
        if (CertainlyNotWord(text, start - 1) && (proofs[proof].OpenEnded || CertainlyNotWord(text, end)))
        {
            MessageScan.Set(scan.Proofs, proof);
        }
    }

    // A non-ASCII neighbour may or may not be a word character for .NET's \w: "may match" treats it as either,
    // "certainly matches" as neither.
    private static bool CertainlyWord(string text, int index) =>
        index >= 0 && index < text.Length && char.IsAscii(text[index]) && Literal.IsAsciiWord(text[index]);

    private static bool CertainlyNotWord(string text, int index) =>
        index < 0 || index >= text.Length || (char.IsAscii(text[index]) && !Literal.IsAsciiWord(text[index]));

    private static string Describe(Literal literal) =>
        (literal.NotWordBefore ? "<" : string.Empty) + "'" + literal.Text + "'" + (literal.NotWordAfter ? ">" : string.Empty);

    private int InternProof((string Text, bool OpenEnded) proof)
    {
        if (!proofIds.TryGetValue(proof, out var id))
        {
            id = proofs.Count;
            proofs.Add(proof);
            proofIds[proof] = id;
        }

        return id;
    }

    private int Intern(Condition condition)
    {
        if (condition is not (Condition.AllOf or Condition.OneOf))
        {
            return InternCore(condition);
        }

        if (interned is not null && interned.TryGetValue(condition, out var known))
        {
            return known;
        }

        var id = InternCore(condition);
        interned?.TryAdd(condition, id);
        return id;
    }

    private int InternCore(Condition condition)
    {
        switch (condition)
        {
            case Condition.Constant constant:
                return Node(constant.Value ? KindTrue : KindFalse, 0, []);
            case Condition.LiteralCondition literal:
                if (!literalIds.TryGetValue(literal.Literal, out var literalId))
                {
                    literalId = literals.Count;
                    literals.Add(literal.Literal);
                    literalIds[literal.Literal] = literalId;
                }

                return Node(KindLiteral, literalId, []);
            case Condition.AllOf all:
                return Node(KindAll, 0, InternAll(all.Parts));
            case Condition.OneOf one:
                return Node(KindAny, 0, InternAll(one.Parts));
            default:
                throw new ArgumentException("Unknown condition.", nameof(condition));
        }
    }

    /// <summary>The parts' node ids, sorted and distinct (the same condition whatever the order it was built in).</summary>
    private int[] InternAll(IReadOnlyList<Condition> parts)
    {
        var ids = new int[parts.Count];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = Intern(parts[i]);
        }

        Array.Sort(ids);
        var count = 0;
        for (var i = 0; i < ids.Length; i++)
        {
            if (count == 0 || ids[count - 1] != ids[i])
            {
                ids[count++] = ids[i];
            }
        }

        return count == ids.Length ? ids : ids[..count];
    }

    private int Node(byte kind, int argument, int[] nodeChildren)
    {
        var key = new NodeKey(kind, argument, nodeChildren);
        if (nodeIds.TryGetValue(key, out var id))
        {
            return id;
        }

        id = kinds.Count;
        kinds.Add(kind);
        arguments.Add(argument);
        children.Add(nodeChildren);
        nodeIds[key] = id;
        return id;
    }

    /// <summary>A condition node's identity: equal keys are the same condition, interned once.</summary>
    private readonly struct NodeKey(byte kind, int argument, int[] children) : IEquatable<NodeKey>
    {
        private readonly byte kind = kind;
        private readonly int argument = argument;
        private readonly int[] children = children;

        public bool Equals(NodeKey other) =>
            kind == other.kind && argument == other.argument && children.AsSpan().SequenceEqual(other.children);

        public override bool Equals(object? obj) => obj is NodeKey other && Equals(other);

        public override int GetHashCode()
        {
            var hash = new HashCode();
            hash.Add(kind);
            hash.Add(argument);
            hash.AddBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(children.AsSpan()));
            return hash.ToHashCode();
        }
    }

    /// <summary>The read-only scanning structures: a trie over every literal and proof text, and condition parents.</summary>
    private sealed class Frozen
    {
        public Frozen(LiteralTable table)
        {
            // "Any of" nodes are lit by their literal children during the scan; only their other children are evaluated.
            var parents = new List<int>[table.literals.Count];
            NonLiteralChildren = new int[table.kinds.Count][];
            for (var node = 0; node < table.kinds.Count; node++)
            {
                NonLiteralChildren[node] = [];
                if (table.kinds[node] != KindAny)
                {
                    continue;
                }

                var others = new List<int>();
                foreach (var child in table.children[node])
                {
                    if (table.kinds[child] == KindLiteral)
                    {
                        (parents[table.arguments[child]] ??= []).Add(node);
                    }
                    else
                    {
                        others.Add(child);
                    }
                }

                NonLiteralChildren[node] = [.. others];
            }

            AnyParents = [.. parents.Select(p => p is null ? [] : p.ToArray())];

            // "All of" nodes test their cheapest children first (a literal, or "any of" literals: one bit each), so a
            // missing word rejects a rule before deeper conditions are walked.
            AllChildren = new int[table.kinds.Count][];
            for (var node = 0; node < table.kinds.Count; node++)
            {
                AllChildren[node] = table.kinds[node] != KindAll
                    ? []
                    : [.. table.children[node].OrderBy(child => table.kinds[child] == KindLiteral ? 0 : NonLiteralChildren[child].Length == 0 ? 1 : 2)];
            }

            // Entries: a literal id, or the complement (~id) of a proof id.
            var trie = new TrieBuilder();
            for (var i = 0; i < table.literals.Count; i++)
            {
                trie.Add(table.literals[i].Text, i);
            }

            for (var i = 0; i < table.proofs.Count; i++)
            {
                trie.Add(table.proofs[i].Text, ~i);
            }

            (RootChildren, EntryStart, Entries, ChildStart, ChildChars, ChildNodes) = trie.Build();
        }

        public int[][] AnyParents { get; }

        public int[][] NonLiteralChildren { get; }

        public int[][] AllChildren { get; }

        /// <summary>Trie node reached from the root by each ASCII character, or -1.</summary>
        public int[] RootChildren { get; }

        /// <summary>Entries of node n are Entries[EntryStart[n]..EntryStart[n + 1]].</summary>
        public int[] EntryStart { get; }

        public int[] Entries { get; }

        public int[] ChildStart { get; }

        public char[] ChildChars { get; }

        public int[] ChildNodes { get; }

        public int Child(int node, char c)
        {
            for (var i = ChildStart[node]; i < ChildStart[node + 1]; i++)
            {
                if (ChildChars[i] == c)
                {
                    return ChildNodes[i];
                }
            }

            return -1;
        }
    }

    private sealed class TrieBuilder
    {
        // One map for every edge, keyed by (node, character): a dictionary per node cost tens of megabytes.
        private readonly Dictionary<long, int> edges = [];
        private readonly List<(int Node, int Entry)> entries = [];
        private int nodeCount = 1;

        public void Add(string text, int entry)
        {
            var node = 0;
            foreach (var c in text)
            {
                var key = ((long)node << 16) | c;
                if (!edges.TryGetValue(key, out var next))
                {
                    next = nodeCount++;
                    edges[key] = next;
                }

                node = next;
            }

            entries.Add((node, entry));
        }

        public (int[] Root, int[] EntryStart, int[] Entries, int[] ChildStart, char[] ChildChars, int[] ChildNodes) Build()
        {
            var root = new int[Ascii];
            Array.Fill(root, -1);
            var edgeList = new (int Node, char Char, int Child)[edges.Count];
            var e = 0;
            foreach (var (key, child) in edges)
            {
                edgeList[e++] = ((int)(key >> 16), (char)(key & 0xFFFF), child);
            }

            Array.Sort(edgeList);
            var childStart = new int[nodeCount + 1];
            var childChars = new char[edgeList.Length];
            var childNodes = new int[edgeList.Length];
            for (var i = 0; i < edgeList.Length; i++)
            {
                var (node, c, child) = edgeList[i];
                childStart[node + 1]++;
                childChars[i] = c;
                childNodes[i] = child;
                if (node == 0 && c < Ascii)
                {
                    root[c] = child;
                }
            }

            for (var node = 0; node < nodeCount; node++)
            {
                childStart[node + 1] += childStart[node];
            }

            var sortedEntries = entries.OrderBy(x => x.Node).ToArray();
            var entryStart = new int[nodeCount + 1];
            foreach (var (node, _) in sortedEntries)
            {
                entryStart[node + 1]++;
            }

            for (var node = 0; node < nodeCount; node++)
            {
                entryStart[node + 1] += entryStart[node];
            }

            return (root, entryStart, [.. sortedEntries.Select(x => x.Entry)], childStart, childChars, childNodes);
        }
    }
}
