using System.Text;
using System.Text.RegularExpressions;
using KetamineFaqBot.Answering.Guardrails.Prefilter;
using KetamineFaqBot.Core.Answering;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace KetamineFaqBot.Answering.Guardrails;

/// <summary>Reads, validates and compiles prompts/guardrails.yaml. Any problem is a <see cref="GuardrailsFileException"/>.</summary>
public static partial class GuardrailsLoader
{
    public const string FileName = "guardrails.yaml";

    /// <summary>Regex match timeout: a pathological pattern must fail loudly, not hang a turn.</summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(250);

    // PERF/SAFETY: interpreted, not RegexOptions.Compiled. Measured on .NET 10 with this rule file: Compiled was only
    // ~20% faster per message, its first match of each pattern JIT-compiles for up to seconds on a busy 2-core host
    // (that time counts against the match timeout, so real messages timed out until every code path had run), and
    // the compiler threw IndexOutOfRangeException on a lazy loop ("(?: \S+){0,10}?"). Patterns are still parsed
    // once, at load.
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.IgnoreCase;

    /// <summary>Routes a rule file may use. Answer and no_answer are never rule outcomes.</summary>
    private static readonly Dictionary<string, Route> RuleRoutes = new(StringComparer.Ordinal)
    {
        ["crisis"] = Route.Crisis,
        ["emergency"] = Route.Emergency,
        ["refusal"] = Route.Refusal,
        ["referral"] = Route.Referral,
        ["smalltalk"] = Route.Smalltalk,
        ["out_of_scope"] = Route.OutOfScope,
    };

    private static readonly HashSet<string> KnownFlags = new(StringComparer.Ordinal) { Guardrails.MentionsSelfHarmFlag, "prompt_injection" };

    /// <summary>Loads guardrails.yaml from a prompts folder.</summary>
    public static Guardrails Load(string promptsFolder)
    {
        ArgumentNullException.ThrowIfNull(promptsFolder);
        return LoadFile(Path.Combine(promptsFolder, FileName));
    }

    /// <summary>Loads one rule file.</summary>
    public static Guardrails LoadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new GuardrailsFileException(path, null, "the file does not exist.");
        }

        return Parse(File.ReadAllText(path, Encoding.UTF8), path);
    }

    /// <summary>Validates and compiles rule YAML; <paramref name="sourcePath"/> names the file in errors.</summary>
    public static Guardrails Parse(string yaml, string sourcePath)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(sourcePath);

        GuardrailsFile? file;
        try
        {
            var deserializer = new DeserializerBuilder()
                .WithNamingConvention(UnderscoredNamingConvention.Instance)
                .WithDuplicateKeyChecking()
                .Build();
            file = deserializer.Deserialize<GuardrailsFile>(yaml);
        }
        catch (YamlException ex)
        {
            var detail = ex.InnerException?.Message ?? ex.Message;
            throw new GuardrailsFileException(sourcePath, null, $"invalid YAML at line {ex.Start.Line}, column {ex.Start.Column}: {detail}", ex);
        }

        if (file is null)
        {
            throw new GuardrailsFileException(sourcePath, null, "the file is empty.");
        }

        if (file.Version != 1)
        {
            throw new GuardrailsFileException(sourcePath, null, $"unsupported version {file.Version}; expected 'version: 1'.");
        }

        var lists = ExpandLists(file.Lists ?? [], sourcePath);
        var compiled = new Dictionary<string, PrefilteredRegex>(StringComparer.Ordinal);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var rules = new List<GuardrailRule>();

        if (file.Routes is null || file.Routes.Count == 0)
        {
            throw new GuardrailsFileException(sourcePath, null, "no 'routes' section.");
        }

        foreach (var (routeName, routeRules) in file.Routes)
        {
            if (!RuleRoutes.TryGetValue(routeName, out var route))
            {
                throw new GuardrailsFileException(sourcePath, null,
                    $"unknown route '{routeName}'; allowed: {string.Join(", ", RuleRoutes.Keys)}.");
            }

            foreach (var rule in routeRules ?? [])
            {
                var id = CheckId(rule, ids, sourcePath);
                if (rule.Flag is not null)
                {
                    throw new GuardrailsFileException(sourcePath, id, "'flag' is only allowed in the 'flags' section.");
                }

                // The pipeline recognises context-dependent follow-ups by this prefix (see the YAML comments).
                if (route == Route.OutOfScope && !id.StartsWith("scope.", StringComparison.Ordinal))
                {
                    throw new GuardrailsFileException(sourcePath, id, "out_of_scope rule ids must start with 'scope.'.");
                }

                var responseKey = rule.Response ?? route.ToWire();
                if (!ResponseKeyShape().IsMatch(responseKey))
                {
                    throw new GuardrailsFileException(sourcePath, id, $"response key '{responseKey}' is not a valid key (e.g. 'crisis', 'smalltalk.greeting').");
                }

                rules.Add(Compile(rule, id, route, responseKey, null, lists, compiled, sourcePath));
            }
        }

        var flags = new List<GuardrailRule>();
        foreach (var flag in file.Flags ?? [])
        {
            var id = CheckId(flag, ids, sourcePath);
            if (flag.Flag is null || !KnownFlags.Contains(flag.Flag))
            {
                throw new GuardrailsFileException(sourcePath, id,
                    $"unknown or missing flag '{flag.Flag}'; allowed: {string.Join(", ", KnownFlags)}.");
            }

            if (flag.Response is not null)
            {
                throw new GuardrailsFileException(sourcePath, id, "a flag cannot have a 'response'.");
            }

            flags.Add(Compile(flag, id, null, null, flag.Flag, lists, compiled, sourcePath));
        }

        foreach (var required in new[] { Route.Crisis, Route.Emergency, Route.Refusal, Route.Referral })
        {
            if (!rules.Exists(r => r.Route == required))
            {
                throw new GuardrailsFileException(sourcePath, null, $"no rules for the safety route '{required.ToWire()}'.");
            }
        }

        return new Guardrails(sourcePath, [.. rules], [.. flags]);
    }

    private static string CheckId(GuardrailsFileRule rule, HashSet<string> ids, string sourcePath)
    {
        if (string.IsNullOrWhiteSpace(rule.Id))
        {
            throw new GuardrailsFileException(sourcePath, null, "a rule has no 'id'.");
        }

        if (!ids.Add(rule.Id))
        {
            throw new GuardrailsFileException(sourcePath, rule.Id, "duplicate id.");
        }

        if (string.IsNullOrWhiteSpace(rule.Description))
        {
            throw new GuardrailsFileException(sourcePath, rule.Id, "no 'description'; every rule says what it is for.");
        }

        return rule.Id;
    }

    private static GuardrailRule Compile(GuardrailsFileRule rule, string id, Route? route, string? responseKey, string? flag,
        Dictionary<string, string> lists, Dictionary<string, PrefilteredRegex> compiled, string sourcePath)
    {
        if (rule.Patterns is null || rule.Patterns.Count == 0 || rule.Patterns.Exists(string.IsNullOrWhiteSpace))
        {
            throw new GuardrailsFileException(sourcePath, id, "'patterns' is empty; a rule needs at least one non-empty pattern.");
        }

        var patterns = rule.Patterns.Select(p => Expand(p, lists, sourcePath, id)).ToArray();
        var any = Matcher(string.Join('|', patterns.Select(p => $"(?:{p})")), compiled, sourcePath, id);
        var single = patterns.Length == 1 ? [any] : patterns.Select(p => Matcher(p, compiled, sourcePath, id)).ToArray();
        var unless = (rule.Unless ?? []).Select(p => Matcher(Expand(p, lists, sourcePath, id), compiled, sourcePath, id)).ToArray();
        var requires = ListMatchers(rule.Requires, "requires", lists, compiled, sourcePath, id);
        var excludes = ListMatchers(rule.Excludes, "excludes", lists, compiled, sourcePath, id);
        return new GuardrailRule(id, route, responseKey, flag, any, single, unless, requires, excludes);
    }

    private static PrefilteredRegex[] ListMatchers(List<string>? names, string field, Dictionary<string, string> lists,
        Dictionary<string, PrefilteredRegex> compiled, string sourcePath, string id)
    {
        var matchers = new List<PrefilteredRegex>();
        foreach (var name in names ?? [])
        {
            if (!lists.TryGetValue(name, out var alternation))
            {
                throw new GuardrailsFileException(sourcePath, id, $"'{field}' names unknown list '{name}'.");
            }

            matchers.Add(Matcher(alternation, compiled, sourcePath, id));
        }

        return [.. matchers];
    }

    /// <summary>
    /// The compiled pattern, shared by every rule that uses the same text (word lists and exceptions recur across
    /// rules). Its literal pre-filter is derived later, off the start-up path (see <see cref="Guardrails"/>).
    /// </summary>
    private static PrefilteredRegex Matcher(string pattern, Dictionary<string, PrefilteredRegex> compiled, string sourcePath, string id)
    {
        if (!compiled.TryGetValue(pattern, out var matcher))
        {
            matcher = PrefilteredRegex.Unfiltered(Build(pattern, sourcePath, id));
            compiled[pattern] = matcher;
        }

        return matcher;
    }

    private static Regex Build(string pattern, string sourcePath, string id)
    {
        // Every pattern matches whole words: it may not start or end in the middle of a word
        // ("ket" never matches "ticket"); write \w* to allow endings.
        var bounded = $"(?<![\\w])(?:{pattern})(?![\\w])";
        try
        {
            return new Regex(bounded, Options, MatchTimeout);
        }
        catch (ArgumentException ex)
        {
            throw new GuardrailsFileException(sourcePath, id, $"invalid pattern '{pattern}': {ex.Message}", ex);
        }
    }

    private static Dictionary<string, string> ExpandLists(Dictionary<string, List<string>> raw, string sourcePath)
    {
        var expanded = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in raw.Keys)
        {
            ExpandList(name, raw, expanded, [], sourcePath);
        }

        return expanded;
    }

    private static string ExpandList(string name, Dictionary<string, List<string>> raw, Dictionary<string, string> expanded,
        HashSet<string> visiting, string sourcePath)
    {
        if (expanded.TryGetValue(name, out var done))
        {
            return done;
        }

        if (!ListName().IsMatch(name))
        {
            throw new GuardrailsFileException(sourcePath, $"lists.{name}", "list names use lower case letters, digits and '_'.");
        }

        if (!visiting.Add(name))
        {
            throw new GuardrailsFileException(sourcePath, $"lists.{name}", "the list refers to itself.");
        }

        var items = raw[name];
        if (items is null || items.Count == 0 || items.Exists(string.IsNullOrWhiteSpace))
        {
            throw new GuardrailsFileException(sourcePath, $"lists.{name}", "the list is empty or has an empty entry.");
        }

        var parts = items.Select(item => ListReference().Replace(item, m =>
        {
            var inner = m.Groups[1].Value;
            if (!raw.ContainsKey(inner))
            {
                throw new GuardrailsFileException(sourcePath, $"lists.{name}", $"unknown list reference '{{{inner}}}'.");
            }

            return ExpandList(inner, raw, expanded, visiting, sourcePath);
        }));
        var alternation = $"(?:{string.Join('|', parts)})";
        try
        {
            _ = new Regex(alternation, RegexOptions.CultureInvariant, MatchTimeout);
        }
        catch (ArgumentException ex)
        {
            throw new GuardrailsFileException(sourcePath, $"lists.{name}", $"invalid entry: {ex.Message}", ex);
        }

        visiting.Remove(name);
        expanded[name] = alternation;
        return alternation;
    }

    private static string Expand(string pattern, Dictionary<string, string> lists, string sourcePath, string id) =>
        ListReference().Replace(pattern, m =>
            lists.TryGetValue(m.Groups[1].Value, out var alternation)
                ? alternation
                : throw new GuardrailsFileException(sourcePath, id, $"unknown list reference '{m.Value}' in pattern '{pattern}'."));

    // {name} with a letter first, so regex quantifiers such as {0,3} are left alone.
    [GeneratedRegex(@"\{([a-z][a-z0-9_]*)\}", RegexOptions.CultureInvariant)]
    private static partial Regex ListReference();

    [GeneratedRegex(@"^[a-z][a-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex ListName();

    [GeneratedRegex(@"^[a-z][a-z_]*(\.[a-z][a-z_]*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex ResponseKeyShape();
}
