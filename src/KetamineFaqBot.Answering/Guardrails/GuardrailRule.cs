using System.Text.RegularExpressions;
using KetamineFaqBot.Core.Answering;

namespace KetamineFaqBot.Answering.Guardrails;

/// <summary>One compiled rule: a route rule or a flag. Immutable and thread-safe.</summary>
internal sealed class GuardrailRule
{
    private readonly Regex any;
    private readonly Regex[] patterns;
    private readonly Regex[] unless;
    private readonly Regex[] requires;
    private readonly Regex[] excludes;

    public GuardrailRule(string id, Route? route, string? responseKey, string? flag, Regex any, Regex[] patterns, Regex[] unless, Regex[] requires, Regex[] excludes)
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

    public bool IsMatch(string text)
    {
        try
        {
            return IsMatchCore(text);
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
            if (!required.IsMatch(text))
            {
                return false;
            }
        }

        foreach (var excluded in excludes)
        {
            if (excluded.IsMatch(text))
            {
                return false;
            }
        }

        if (unless.Length == 0)
        {
            return any.IsMatch(text);
        }

        if (!any.IsMatch(text))
        {
            return false;
        }

        // SAFETY: an exception cancels only the match it overlaps ("I'm not suicidal"), never a second,
        // separate statement elsewhere in the same message.
        foreach (var pattern in patterns)
        {
            foreach (var match in pattern.EnumerateMatches(text))
            {
                if (!IsCancelled(text, match.Index, match.Length))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private bool IsCancelled(string text, int index, int length)
    {
        var end = index + length;
        foreach (var exception in unless)
        {
            foreach (var match in exception.EnumerateMatches(text))
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
