using System.Text.RegularExpressions;
using KetamineFaqBot.Core.Corpus;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace KetamineFaqBot.Answering.Contextualisation;

/// <summary>
/// Questions that ask for a kind of fact (a duration…) and the evidence a passage must show to answer them, from
/// prompts/answer-types.yaml. A question of such a type whose top passages show no such fact gets no_answer.
/// </summary>
public sealed class AnswerTypes
{
    public const string FileName = "answer-types.yaml";

    /// <summary>How many of the leading passages may be reordered for a question's answer type.</summary>
    public const int PreferDepth = 5;

    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(100);

    private readonly (string Name, Regex Question, Regex Evidence)[] types;

    private AnswerTypes((string, Regex, Regex)[] types) => this.types = types;

    /// <summary>No answer types: every question passes.</summary>
    public static AnswerTypes None { get; } = new([]);

    /// <summary>Reads prompts/answer-types.yaml; a bad file is a clear start-up error.</summary>
    public static AnswerTypes Load(string promptsFolder)
    {
        var path = Path.Combine(promptsFolder, FileName);
        if (!File.Exists(path))
        {
            throw new InvalidDataException($"{path} is missing: it lists the answer types questions are checked against.");
        }

        AnswerTypesFile file;
        try
        {
            file = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build()
                .Deserialize<AnswerTypesFile?>(File.ReadAllText(path)) ?? new AnswerTypesFile();
        }
        catch (YamlException ex)
        {
            throw new InvalidDataException($"{path}: not valid YAML at line {ex.Start.Line}: {ex.Message}", ex);
        }

        var types = new List<(string, Regex, Regex)>();
        foreach (var type in file.Types)
        {
            if (string.IsNullOrWhiteSpace(type.Name) || string.IsNullOrWhiteSpace(type.Question) || string.IsNullOrWhiteSpace(type.Evidence))
            {
                throw new InvalidDataException($"{path}: every answer type needs a name, a question pattern and an evidence pattern.");
            }

            types.Add((type.Name, Compile(path, type.Name, "question", type.Question), Compile(path, type.Name, "evidence", type.Evidence)));
        }

        return new AnswerTypes([.. types]);
    }

    /// <summary>
    /// The name of the first type the question asks for whose evidence none of the answer's passages shows; null when
    /// the answer can stand.
    /// </summary>
    public string? Unsupported(string question, IReadOnlyList<Passage> cited)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(cited);
        foreach (var (name, asks, evidence) in types)
        {
            if (asks.IsMatch(question) && !cited.Any(p => evidence.IsMatch(p.Text)))
            {
                return name;
            }
        }

        return null;
    }

    /// <summary>
    /// The hits with the passages among the first <paramref name="depth"/> that show the evidence of a type the question
    /// asks for moved ahead of those that do not (each group keeps its order), so the answer is made from the passage
    /// that states the kind of fact asked for ("when did doctors start using it" → the passage with the decade). The
    /// hits as they are when the question asks for no type, or when none or all of those passages show it.
    /// </summary>
    public IReadOnlyList<T> Prefer<T>(string question, IReadOnlyList<T> hits, Func<T, Passage> passage, int depth)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(hits);
        ArgumentNullException.ThrowIfNull(passage);
        foreach (var (_, asks, evidence) in types)
        {
            if (!asks.IsMatch(question))
            {
                continue;
            }

            var head = hits.Take(depth).ToList();
            var showing = head.Where(h => evidence.IsMatch(passage(h).Text)).ToList();
            if (showing.Count == 0 || showing.Count == head.Count)
            {
                return hits;
            }

            return [.. showing, .. head.Where(h => !evidence.IsMatch(passage(h).Text)), .. hits.Skip(depth)];
        }

        return hits;
    }

    private static Regex Compile(string path, string name, string field, string pattern)
    {
        try
        {
            return new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, MatchTimeout);
        }
        catch (ArgumentException ex)
        {
            throw new InvalidDataException($"{path}: the {field} pattern of answer type '{name}' is not a valid regular expression: {ex.Message}", ex);
        }
    }

    private sealed class AnswerTypesFile
    {
        public List<AnswerTypeEntry> Types { get; set; } = [];
    }

    private sealed class AnswerTypeEntry
    {
        public string Name { get; set; } = string.Empty;

        public string Question { get; set; } = string.Empty;

        public string Evidence { get; set; } = string.Empty;
    }
}
