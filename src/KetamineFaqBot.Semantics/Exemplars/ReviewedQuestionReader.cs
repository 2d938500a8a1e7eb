using YamlDotNet.RepresentationModel;

namespace KetamineFaqBot.Semantics.Exemplars;

/// <summary>
/// Reads the reviewed in-scope questions that the vetted corpus does not answer (<c>prompts/coverage/uncovered.yaml</c>)
/// or does answer (<c>prompts/coverage/covered.yaml</c>): a mapping with <c>examples</c>, a list of questions. They
/// calibrate the confidence gate's meaning layer; they are not route exemplars. A missing file means nothing to calibrate on; a damaged one is an
/// <see cref="ExemplarFormatException"/> naming file and line.
/// </summary>
public static class ReviewedQuestionReader
{
    /// <summary>The uncovered questions' place under the prompts folder.</summary>
    public const string UncoveredRelativePath = "coverage/uncovered.yaml";

    /// <summary>
    /// The reviewed questions the corpus does answer (same format), under the prompts folder: the other side of the
    /// gate's calibration.
    /// </summary>
    public const string CoveredRelativePath = "coverage/covered.yaml";

    public static IReadOnlyList<string> ReadFile(string path, string displayName) => ReadWithLines(path, displayName).Select(q => q.Text).ToList();

    /// <summary>The questions with the line each starts on.</summary>
    public static IReadOnlyList<(string Text, int Line)> ReadWithLines(string path, string displayName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            return [];
        }

        var root = ExemplarYaml.LoadMapping(path, displayName, "'examples'");

        if (!root.Children.TryGetValue(new YamlScalarNode("examples"), out var node) || node is not YamlSequenceNode examples)
        {
            throw new ExemplarFormatException(displayName, (int)root.Start.Line, "missing 'examples' (a list of questions)");
        }

        var result = new List<(string, int)>(examples.Children.Count);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var child in examples.Children)
        {
            if (child is not YamlScalarNode { Value: { } text } || string.IsNullOrWhiteSpace(text))
            {
                throw new ExemplarFormatException(displayName, (int)child.Start.Line, "each example must be a non-empty question");
            }

            if (seen.Add(text.Trim()))
            {
                result.Add((text.Trim(), (int)child.Start.Line));
            }
        }

        return result;
    }
}
