using System.Buffers;
using System.Text.RegularExpressions;

namespace KetamineFaqBot.Answering.Guardrails.Prefilter;

/// <summary>
/// What one folded message contains (literals and proofs found by <see cref="LiteralTable.Scan"/>) and the
/// conditions evaluated so far. One instance is reused per thread and per rule file, so evaluating a message
/// allocates nothing here.
/// </summary>
internal sealed class MessageScan
{
    [ThreadStatic]
    private static MessageScan? cached;

    // Characters outside ASCII that a case-insensitive ASCII pattern letter can match (the Kelvin sign matches "k").
    // A message holding one (or an upper-case ASCII letter, which folded text never has) is not pre-filtered.
    private static readonly Lazy<SearchValues<char>> Unfiltered = new(FindUnfilteredCharacters);

    private MessageScan(LiteralTable table)
    {
        Table = table;
        Literals = new ulong[Words(table.LiteralCount)];
        Proofs = new ulong[Words(table.ProofCount)];
        AnyHits = new ulong[Words(table.NodeCount)];
        Evaluated = new ulong[Words(table.NodeCount)];
        Values = new ulong[Words(table.NodeCount)];
    }

    public LiteralTable Table { get; }

    public string Text { get; private set; } = string.Empty;

    /// <summary>False when the message holds a character the literal analysis does not model: every pattern runs.</summary>
    public bool Enabled { get; private set; }

    /// <summary>Literals present (a bit per literal id).</summary>
    public ulong[] Literals { get; }

    /// <summary>Proof literals present, bounded as each proof requires.</summary>
    public ulong[] Proofs { get; }

    /// <summary>"Any of" condition nodes with at least one literal child present.</summary>
    public ulong[] AnyHits { get; }

    /// <summary>Condition nodes evaluated so far, and which of those hold.</summary>
    public ulong[] Evaluated { get; }

    /// <inheritdoc cref="Evaluated"/>
    public ulong[] Values { get; }

    /// <summary>The calling thread's scan for <paramref name="table"/>, filled for <paramref name="folded"/>.</summary>
    public static MessageScan For(LiteralTable table, string folded)
    {
        var scan = cached;
        if (scan is null || !ReferenceEquals(scan.Table, table))
        {
            scan = new MessageScan(table);
            cached = scan;
        }
        else
        {
            Array.Clear(scan.Literals);
            Array.Clear(scan.Proofs);
            Array.Clear(scan.AnyHits);
            Array.Clear(scan.Evaluated);
            Array.Clear(scan.Values);
        }

        scan.Text = folded;
        scan.Enabled = folded.AsSpan().IndexOfAny(Unfiltered.Value) < 0;
        if (scan.Enabled)
        {
            table.Scan(scan);
        }

        return scan;
    }

    public static bool Get(ulong[] bits, int index) => (bits[index >> 6] & (1UL << (index & 63))) != 0;

    public static void Set(ulong[] bits, int index) => bits[index >> 6] |= 1UL << (index & 63);

    private static int Words(int bits) => (bits + 63) >> 6;

    private static SearchValues<char> FindUnfilteredCharacters()
    {
        var letter = new Regex("^[a-z]$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
        var chars = new List<char>();
        for (var c = 'A'; c <= 'Z'; c++)
        {
            chars.Add(c);
        }

        for (var c = 128; c <= char.MaxValue; c++)
        {
            if (letter.IsMatch(((char)c).ToString()))
            {
                chars.Add((char)c);
            }
        }

        return SearchValues.Create([.. chars]);
    }
}
