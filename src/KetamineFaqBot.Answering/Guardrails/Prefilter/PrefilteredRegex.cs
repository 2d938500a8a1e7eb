using System.Text.RegularExpressions;

namespace KetamineFaqBot.Answering.Guardrails.Prefilter;

/// <summary>
/// A rule's regular expression with its literal pre-filter: a condition every matching message satisfies (checked
/// first, so most patterns never run) and proof literals whose presence settles a match without running it.
/// </summary>
internal sealed class PrefilteredRegex(Regex regex, int condition, int[] proofs)
{
    public Regex Regex { get; } = regex;

    /// <summary>Condition node in the <see cref="LiteralTable"/>; negative before the pattern is analysed (always run).</summary>
    public int Condition { get; } = condition;

    /// <summary>Proof literals in the <see cref="LiteralTable"/>.</summary>
    public IReadOnlyList<int> Proofs { get; } = proofs;

    /// <summary>The pattern before its analysis: it always runs.</summary>
    public static PrefilteredRegex Unfiltered(Regex regex) => new(regex, -1, []);

    /// <summary>False only when the pattern certainly does not match the scanned message.</summary>
    public bool MayMatch(MessageScan? scan) => scan is not { Enabled: true } || Condition < 0 || scan.Table.Holds(Condition, scan);

    /// <summary>The regular expression's answer; with a scan, settled by the pre-filter when it can be.</summary>
    public bool IsMatch(string text, MessageScan? scan)
    {
        if (scan is not { Enabled: true } || Condition < 0)
        {
            return Regex.IsMatch(text);
        }

        if (!scan.Table.Holds(Condition, scan))
        {
            return false;
        }

        foreach (var proof in proofs)
        {
            if (LiteralTable.ProofPresent(proof, scan))
            {
                return true;
            }
        }

        return Regex.IsMatch(text);
    }
}
