using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace KetamineFaqBot.Cli.Commands.TeamsPackage;

/// <summary>The template's <c>{{NAME}}</c> placeholders: the ones kfaq fills, and the ones the operator edits.</summary>
public static partial class Placeholders
{
    /// <summary>Whether <paramref name="text"/> holds a placeholder.</summary>
    public static bool Contains(string text) => Pattern().IsMatch(text);

    /// <summary>Every string in the manifest that still holds a placeholder, by field.</summary>
    public static IEnumerable<ManifestProblem> Left(JsonNode? node, string field = "")
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    foreach (var problem in Left(value, field.Length == 0 ? key : $"{field}.{key}"))
                    {
                        yield return problem;
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    foreach (var problem in Left(array[i], $"{field}[{i}]"))
                    {
                        yield return problem;
                    }
                }

                break;
            case JsonValue when TeamsManifest.Text(node) is { } text && Pattern().Match(text) is { Success: true } match:
                yield return new ManifestProblem(field, $"still holds the placeholder {match.Value}; replace it in the manifest template");
                break;
        }
    }

    [GeneratedRegex(@"\{\{[A-Za-z0-9_]+\}\}")]
    private static partial Regex Pattern();
}
