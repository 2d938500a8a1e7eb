using System.Text.Json;
using System.Text.RegularExpressions;
using KetamineFaqBot.Core.Answering;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace KetamineFaqBot.Answering.Evaluation;

/// <summary>
/// Reads evaluation cases from .jsonl (one case per line) or .yaml/.yml (a list of cases):
/// <c>{"id","turns":[...],"expect":{"route": "answer" | ["answer","referral"], "contains":[regex...],
/// "not_contains":[regex...], "crisis_line": true}}</c>. Every problem is an <see cref="EvalFormatException"/>
/// naming the file and line.
/// </summary>
public static class EvalCaseReader
{
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(1);
    private static readonly HashSet<string> CaseKeys = new(StringComparer.Ordinal) { "id", "turns", "expect", "note", "tags" };
    private static readonly HashSet<string> ExpectKeys = new(StringComparer.Ordinal) { "route", "contains", "not_contains", "crisis_line" };

    public static IReadOnlyList<EvalCase> ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new EvalFormatException(path, 0, $"cannot read the file: {ex.Message}", ex);
        }

        var extension = Path.GetExtension(path).ToLowerInvariant();
        using var reader = new StringReader(text);
        return extension switch
        {
            ".jsonl" => ReadJsonLines(reader, path),
            ".yaml" or ".yml" => ReadYaml(reader, path),
            _ => throw new EvalFormatException(path, 0, "unknown file type: use .jsonl (one case per line) or .yaml (a list of cases)"),
        };
    }

    public static IReadOnlyList<EvalCase> ReadJsonLines(TextReader reader, string file)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var cases = new List<EvalCase>();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(line);
            }
            catch (JsonException ex)
            {
                throw new EvalFormatException(file, lineNumber, $"not valid JSON: {ex.Message}", ex);
            }

            using (document)
            {
                cases.Add(Build(FromJson(document.RootElement, file, lineNumber), file, lineNumber));
            }
        }

        return Checked(cases, file);
    }

    public static IReadOnlyList<EvalCase> ReadYaml(TextReader reader, string file)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var stream = new YamlStream();
        try
        {
            stream.Load(reader);
        }
        catch (YamlException ex)
        {
            throw new EvalFormatException(file, (int)ex.Start.Line, $"not valid YAML: {ex.Message}", ex);
        }

        if (stream.Documents.Count == 0)
        {
            return [];
        }

        if (stream.Documents[0].RootNode is not YamlSequenceNode list)
        {
            throw new EvalFormatException(file, (int)stream.Documents[0].RootNode.Start.Line, "the file must be a list of cases");
        }

        var cases = list.Children
            .Select(node => Build(FromYaml(node, file), file, (int)node.Start.Line))
            .ToList();
        return Checked(cases, file);
    }

    private static List<EvalCase> Checked(List<EvalCase> cases, string file)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var evalCase in cases)
        {
            if (!seen.TryAdd(evalCase.Id, evalCase.Line))
            {
                throw new EvalFormatException(file, evalCase.Line, $"duplicate id '{evalCase.Id}' (first on line {seen[evalCase.Id]})");
            }
        }

        return cases;
    }

    private static RawCase FromJson(JsonElement root, string file, int line)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new EvalFormatException(file, line, "a case must be a JSON object");
        }

        var raw = new RawCase();
        foreach (var property in root.EnumerateObject())
        {
            switch (property.Name)
            {
                case "id":
                    raw.Id = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : null;
                    break;
                case "turns":
                    raw.Turns = JsonStrings(property.Value, "turns", file, line);
                    break;
                case "expect":
                    if (property.Value.ValueKind != JsonValueKind.Object)
                    {
                        throw new EvalFormatException(file, line, "'expect' must be an object");
                    }

                    raw.HasExpect = true;
                    foreach (var e in property.Value.EnumerateObject())
                    {
                        switch (e.Name)
                        {
                            case "route":
                                raw.Routes = JsonStrings(e.Value, "expect.route", file, line);
                                break;
                            case "contains":
                                raw.Contains = JsonStrings(e.Value, "expect.contains", file, line);
                                break;
                            case "not_contains":
                                raw.NotContains = JsonStrings(e.Value, "expect.not_contains", file, line);
                                break;
                            case "crisis_line":
                                raw.CrisisLine = e.Value.ValueKind switch
                                {
                                    JsonValueKind.True => true,
                                    JsonValueKind.False => false,
                                    _ => throw new EvalFormatException(file, line, "'expect.crisis_line' must be true or false"),
                                };
                                break;
                            default:
                                throw new EvalFormatException(file, line, $"unknown key 'expect.{e.Name}' (known: {string.Join(", ", ExpectKeys)})");
                        }
                    }

                    break;
                default:
                    if (!CaseKeys.Contains(property.Name))
                    {
                        throw new EvalFormatException(file, line, $"unknown key '{property.Name}' (known: {string.Join(", ", CaseKeys)})");
                    }

                    break;
            }
        }

        return raw;
    }

    // A single string is accepted where a list is expected ("route": "answer").
    private static List<string> JsonStrings(JsonElement value, string key, string file, int line) => value.ValueKind switch
    {
        JsonValueKind.String => [value.GetString()!],
        JsonValueKind.Array => value.EnumerateArray()
            .Select(v => v.ValueKind == JsonValueKind.String ? v.GetString()! : throw new EvalFormatException(file, line, $"'{key}' must hold strings only"))
            .ToList(),
        _ => throw new EvalFormatException(file, line, $"'{key}' must be a string or a list of strings"),
    };

    private static RawCase FromYaml(YamlNode node, string file)
    {
        var line = (int)node.Start.Line;
        if (node is not YamlMappingNode mapping)
        {
            throw new EvalFormatException(file, line, "a case must be a mapping (id, turns, expect)");
        }

        var raw = new RawCase();
        foreach (var (keyNode, value) in mapping.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
            var at = (int)value.Start.Line;
            switch (key)
            {
                case "id":
                    raw.Id = (value as YamlScalarNode)?.Value;
                    break;
                case "turns":
                    raw.Turns = YamlStrings(value, "turns", file);
                    break;
                case "expect":
                    if (value is not YamlMappingNode expect)
                    {
                        throw new EvalFormatException(file, at, "'expect' must be a mapping");
                    }

                    raw.HasExpect = true;
                    foreach (var (eKey, eValue) in expect.Children)
                    {
                        var name = (eKey as YamlScalarNode)?.Value ?? string.Empty;
                        switch (name)
                        {
                            case "route":
                                raw.Routes = YamlStrings(eValue, "expect.route", file);
                                break;
                            case "contains":
                                raw.Contains = YamlStrings(eValue, "expect.contains", file);
                                break;
                            case "not_contains":
                                raw.NotContains = YamlStrings(eValue, "expect.not_contains", file);
                                break;
                            case "crisis_line":
                                raw.CrisisLine = eValue is YamlScalarNode { Value: var b } && bool.TryParse(b, out var flag)
                                    ? flag
                                    : throw new EvalFormatException(file, (int)eValue.Start.Line, "'expect.crisis_line' must be true or false");
                                break;
                            default:
                                throw new EvalFormatException(file, (int)eKey.Start.Line, $"unknown key 'expect.{name}' (known: {string.Join(", ", ExpectKeys)})");
                        }
                    }

                    break;
                default:
                    if (!CaseKeys.Contains(key))
                    {
                        throw new EvalFormatException(file, (int)keyNode.Start.Line, $"unknown key '{key}' (known: {string.Join(", ", CaseKeys)})");
                    }

                    break;
            }
        }

        return raw;
    }

    private static List<string> YamlStrings(YamlNode value, string key, string file) => value switch
    {
        YamlScalarNode scalar => [scalar.Value ?? string.Empty],
        YamlSequenceNode sequence => sequence.Children
            .Select(v => v is YamlScalarNode s ? s.Value ?? string.Empty : throw new EvalFormatException(file, (int)v.Start.Line, $"'{key}' must hold strings only"))
            .ToList(),
        _ => throw new EvalFormatException(file, (int)value.Start.Line, $"'{key}' must be a string or a list of strings"),
    };

    private static EvalCase Build(RawCase raw, string file, int line)
    {
        if (string.IsNullOrWhiteSpace(raw.Id))
        {
            throw new EvalFormatException(file, line, "missing 'id' (a non-empty string)");
        }

        if (raw.Turns is not { Count: > 0 } || raw.Turns.Any(string.IsNullOrWhiteSpace))
        {
            throw new EvalFormatException(file, line, $"case '{raw.Id}': 'turns' must be a non-empty list of non-empty messages");
        }

        if (!raw.HasExpect || raw.Routes is not { Count: > 0 })
        {
            throw new EvalFormatException(file, line, $"case '{raw.Id}': missing 'expect.route'");
        }

        var routes = new List<Route>();
        foreach (var name in raw.Routes)
        {
            if (!RouteNames.TryParse(name, out var route))
            {
                var known = string.Join(", ", Enum.GetValues<Route>().Select(r => r.ToWire()));
                throw new EvalFormatException(file, line, $"case '{raw.Id}': unknown route '{name}' (known: {known})");
            }

            routes.Add(route);
        }

        return new EvalCase(
            raw.Id,
            raw.Turns,
            new EvalExpectation(routes, Patterns(raw.Contains, raw.Id, file, line), Patterns(raw.NotContains, raw.Id, file, line), raw.CrisisLine),
            file,
            line);
    }

    private static List<Regex> Patterns(List<string> patterns, string id, string file, int line)
    {
        var compiled = new List<Regex>();
        foreach (var pattern in patterns)
        {
            try
            {
                compiled.Add(new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexTimeout));
            }
            catch (ArgumentException ex)
            {
                throw new EvalFormatException(file, line, $"case '{id}': invalid regex '{pattern}': {ex.Message}", ex);
            }
        }

        return compiled;
    }

    private sealed class RawCase
    {
        public string? Id { get; set; }

        public List<string>? Turns { get; set; }

        public bool HasExpect { get; set; }

        public List<string>? Routes { get; set; }

        public List<string> Contains { get; set; } = [];

        public List<string> NotContains { get; set; } = [];

        public bool? CrisisLine { get; set; }
    }
}
