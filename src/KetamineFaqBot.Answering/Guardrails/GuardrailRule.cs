using System.Text.RegularExpressions;
using KetamineFaqBot.Answering.Guardrails.Prefilter;
using KetamineFaqBot.Core.Answering;

namespace KetamineFaqBot.Answering.Guardrails;

/// <summary>One compiled rule: a route rule or a flag. Immutable and thread-safe.</summary>
internal sealed class GuardrailRule
{
    private readonly PrefilteredRegex any;
    private readonly PrefilteredRegex[] patterns;
    private readonly PrefilteredRegex[] unless;
    private readonly PrefilteredRegex[] requires;
    private readonly PrefilteredRegex[] excludes;

    public GuardrailRule(string id, Route? route, string? responseKey, string? flag, PrefilteredRegex any, PrefilteredRegex[] patterns,
        PrefilteredRegex[] unless, PrefilteredRegex[] requires, PrefilteredRegex[] excludes)
    {
        Id = id;
        Route = route;
        ResponseKey = responseKey;
        Flag = flag;
        this.any = any;
        this.patterns = patterns;
        this.unless = unless;
        this.requires = requires;
        this.excludes = excludes;
    }

    public string Id { get; }

    public Route? Route { get; }

    public string? ResponseKey { get; }

    public string? Flag { get; }

    /// <summary>The same rule with each matcher replaced (by its analysed, pre-filtered form).</summary>
    internal GuardrailRule WithMatchers(Func<PrefilteredRegex, PrefilteredRegex> map) =>
        new(Id, Route, ResponseKey, Flag, map(any), [.. patterns.Select(map)], [.. unless.Select(map)], [.. requires.Select(map)], [.. excludes.Select(map)]);

    /// <summary>Every regular expression of the rule (for the pre-filter's soundness tests).</summary>
    internal IEnumerable<PrefilteredRegex> Matchers => [any, .. patterns, .. unless, .. requires, .. excludes];

    /// <summary>
    /// Whether the rule fires on folded <paramref name="text"/>. With a <paramref name="scan"/>, patterns the
    /// literal pre-filter rules out are skipped; the outcome is the same as without one (a self-check test holds
    /// the two paths equal over every evaluation message).
    /// </summary>
    public bool IsMatch(string text, MessageScan? scan)
    {
        try
        {
            return scan is { Enabled: true } ? IsMatchFiltered(text, scan) : IsMatchCore(text);
        }
        catch (RegexMatchTimeoutException ex)
        {
            // Names the rule (never the text) so a slow pattern can be found and fixed.
            throw new GuardrailsTimeoutException(Id, ex);
        }
    }

    private bool IsMatchCore(string text)
    {
        foreach (var required in requires)
        {
            if (!required.Regex.IsMatch(text))
            {
                return false;
            }
        }

        foreach (var excluded in excludes)
        {
            if (excluded.Regex.IsMatch(text))
            {
                return false;
            }
        }

        if (unless.Length == 0)
        {
            return any.Regex.IsMatch(text);
        }

        if (!any.Regex.IsMatch(text))
        {
            return false;
        }

        // SAFETY: an exception cancels only the match it overlaps ("I'm not suicidal"), never a second,
        // separate statement elsewhere in the same message.
        foreach (var pattern in patterns)
        {
            foreach (var match in pattern.Regex.EnumerateMatches(text))
            {
                if (!IsCancelled(text, match.Index, match.Length, null))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// The same decision as <see cref="IsMatchCore"/>, cheapest checks first: a pattern, required list or exception
    /// whose literals are missing cannot match, so it is not run; a list proven by a whole word is not run either.
    /// Every check is a pure function of the text, so the order does not change the outcome.
    /// </summary>
    private bool IsMatchFiltered(string text, MessageScan scan)
    {
        if (!any.MayMatch(scan))
        {
            return false;
        }

        foreach (var required in requires)
        {
            if (!required.MayMatch(scan))
            {
                return false;
            }
        }

        foreach (var required in requires)
        {
            if (!required.IsMatch(text, scan))
            {
                return false;
            }
        }

        foreach (var excluded in excludes)
        {
            if (excluded.IsMatch(text, scan))
            {
                return false;
            }
        }

        var exceptionsPossible = false;
        foreach (var exception in unless)
        {
            exceptionsPossible |= exception.MayMatch(scan);
        }

        if (!exceptionsPossible)
        {
            // No exception can match, so none can cancel a match.
            return any.IsMatch(text, scan);
        }

        // SAFETY: as in IsMatchCore, an exception cancels only the match it overlaps. Patterns that cannot match
        // have no matches to enumerate, and exceptions that cannot match cancel nothing.
        foreach (var pattern in patterns)
        {
            if (!pattern.MayMatch(scan))
            {
                continue;
            }

            foreach (var match in pattern.Regex.EnumerateMatches(text))
            {
                if (!IsCancelled(text, match.Index, match.Length, scan))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private bool IsCancelled(string text, int index, int length, MessageScan? scan)
    {
        var end = index + length;
        foreach (var exception in unless)
        {
            if (!exception.MayMatch(scan))
            {
                continue;
            }

            foreach (var match in exception.Regex.EnumerateMatches(text))
            {
                if (match.Index < end && index < match.Index + match.Length)
                {
                    return true;
                }

                if (match.Index >= end)
                {
                    break;
                }
            }
        }

        return false;
    }
}
