using System.Text.RegularExpressions;
using KetamineFaqBot.Answering.Text;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace KetamineFaqBot.Answering.Contextualisation;

/// <summary>
/// Narrows a message to what it asks before it is searched: removes framing about who asks or how the answer is
/// passed on (patterns in prompts/query-focus.yaml), then leading clauses the corpus knows nothing about ("my sister
/// died last year, does ketamine help…" is searched as "does ketamine help…") and trailing remarks after the question
/// ("how fast does ketamine work? ssris took months for me" is searched as "how fast does ketamine work?"). Only the
/// search query changes;
/// the guardrails and the content-gap record see the whole message.
/// </summary>
public sealed class QueryFocus
{
    public const string FileName = "query-focus.yaml";

    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);
    private static readonly System.Buffers.SearchValues<char> ClauseEnds = System.Buffers.SearchValues.Create(",;:.!?");
    private static readonly HashSet<string> QuestionStarts = new(StringComparer.Ordinal)
    {
        "what", "how", "why", "when", "where", "who", "which", "is", "are", "does", "do", "did", "can", "could",
        "will", "would", "should", "has", "have", "was", "were", "may", "might",
    };

    // A typed word: letters, digits and apostrophes ("b4", "ur", "y'all").
    private static readonly Regex TypedWord = new(@"[\p{L}\p{N}']+", RegexOptions.CultureInvariant, MatchTimeout);

    private readonly Regex[] framing;
    private readonly HashSet<string> uninformative;
    private readonly Dictionary<string, string> spelling;

    private QueryFocus(Regex[] framing, HashSet<string> uninformative, Dictionary<string, string> spelling, string fingerprint)
    {
        this.framing = framing;
        this.uninformative = uninformative;
        this.spelling = spelling;
        Fingerprint = fingerprint;
    }

    /// <summary>No framing patterns and no uninformative words: only the clause rule applies.</summary>
    public static QueryFocus Empty { get; } = new([], new HashSet<string>(StringComparer.Ordinal), new Dictionary<string, string>(StringComparer.Ordinal), "empty");

    /// <summary>
    /// Identifies the file this was read from (a hash of its text; "empty" for <see cref="Empty"/>), so what was
    /// calibrated with one version of the file is not used with another.
    /// </summary>
    public string Fingerprint { get; }

    /// <summary>The <see cref="Fingerprint"/> the file in <paramref name="promptsFolder"/> has now; "missing" when there is none.</summary>
    public static string FingerprintOf(string promptsFolder)
    {
        var path = Path.Combine(promptsFolder, FileName);
        return File.Exists(path) ? Hash(File.ReadAllText(path)) : "missing";
    }

    private static string Hash(string text) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));

    /// <summary>Reads prompts/query-focus.yaml; a bad file is a clear start-up error.</summary>
    public static QueryFocus Load(string promptsFolder)
    {
        var path = Path.Combine(promptsFolder, FileName);
        if (!File.Exists(path))
        {
            throw new InvalidDataException($"{path} is missing: it lists the framing patterns removed from search queries.");
        }

        QueryFocusFile file;
        var text = File.ReadAllText(path);
        try
        {
            file = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build()
                .Deserialize<QueryFocusFile?>(text) ?? new QueryFocusFile();
        }
        catch (YamlException ex)
        {
            throw new InvalidDataException($"{path}: not valid YAML at line {ex.Start.Line}: {ex.Message}", ex);
        }

        var patterns = new List<Regex>();
        foreach (var (pattern, index) in file.Framing.Select((p, i) => (p, i)))
        {
            try
            {
                patterns.Add(new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, MatchTimeout));
            }
            catch (ArgumentException ex)
            {
                throw new InvalidDataException($"{path}: framing pattern {index + 1} is not a valid regular expression: {ex.Message}", ex);
            }
        }

        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (group, entries) in file.Uninformative)
        {
            foreach (var entry in entries ?? [])
            {
                var parts = TextAnalysis.Words(entry ?? string.Empty);
                if (parts.Count != 1)
                {
                    throw new InvalidDataException($"{path}: uninformative group '{group}' has the entry '{entry}'; every entry must be one word.");
                }

                words.Add(parts[0]);
            }
        }

        var spelling = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (typed, written) in file.Spelling)
        {
            var key = typed?.Trim().ToLowerInvariant() ?? string.Empty;
            if (!TypedWord.IsMatch(key) || TypedWord.Match(key).Length != key.Length || string.IsNullOrWhiteSpace(written))
            {
                throw new InvalidDataException($"{path}: spelling entry '{typed}: {written}' must map one typed word to the words it stands for.");
            }

            spelling[key] = written.Trim().ToLowerInvariant();
        }

        return new QueryFocus([.. patterns], words, spelling, Hash(text));
    }

    /// <summary>
    /// True when a word of a question says nothing about its topic ("usually", "someone", "kind"). Matched as
    /// written, not by stem: stems are too coarse for a list that removes words ("evening" and "even" share one).
    /// The confidence gate and the extractive composer leave these out; they are still searched.
    /// </summary>
    public bool IsUninformative(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        return uninformative.Contains(word.ToLowerInvariant());
    }

    /// <summary>
    /// The message with text-speak and shorthand written out ("ur" → "your", "b4" → "before", "meds" →
    /// "medications"), from the spelling list of prompts/query-focus.yaml, so the search and the confidence gate read
    /// the words the corpus uses. Other words are left as typed.
    /// </summary>
    public string Respell(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (spelling.Count == 0)
        {
            return text;
        }

        try
        {
            return TypedWord.Replace(text, m => spelling.TryGetValue(m.Value.ToLowerInvariant(), out var written) ? written : m.Value);
        }
        catch (RegexMatchTimeoutException)
        {
            return text;
        }
    }

    /// <summary>The part of <paramref name="text"/> to search for, respelt (<see cref="Respell"/>).</summary>
    /// <param name="terms">Statistics of the live corpus: which words it knows.</param>
    public string Focus(string text, TermStatistics terms)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(terms);
        text = Respell(text);
        var focused = text;
        foreach (var pattern in framing)
        {
            try
            {
                focused = pattern.Replace(focused, " ");
            }
            catch (RegexMatchTimeoutException)
            {
                // A busy machine must not cost the patient an answer: a framing pattern that runs out of time leaves
                // the text as it was (the search then reads a little more of the message).
            }
        }

        focused = focused.Trim(' ', ',', ';', ':', '-');
        if (TextAnalysis.ContentTerms(focused).Count < 2)
        {
            focused = text;
        }

        return DropUnknownTrailingRemark(DropUnknownLeadingClauses(focused, terms), terms);
    }

    /// <summary>
    /// Drops a remark after the question ("…legit? my doc looked at me like i had 3 heads", "…for depression, i thought
    /// it was a horse tranquilizer") when it is a statement, not a second question, and the corpus mostly does not know
    /// its words, while the question before it holds at least two words the corpus knows.
    /// </summary>
    private static string DropUnknownTrailingRemark(string text, TermStatistics terms)
    {
        var firstWords = TextAnalysis.Words(text);
        var startsAsQuestion = firstWords.Count > 0 && QuestionStarts.Contains(firstWords[0]);
        for (var end = text.AsSpan().IndexOfAny(ClauseEnds); end > 0 && end < text.Length - 1; end = Next(text, end))
        {
            var head = text[..(end + 1)];
            var tail = text[(end + 1)..].Trim();

            // The head must be the question: it ends with "?" or starts like one ("when did…, i thought…").
            if (!(text[end] == '?' || startsAsQuestion) || tail.Contains('?', StringComparison.Ordinal))
            {
                continue;
            }

            var tailWords = TextAnalysis.Words(tail);
            var remark = TextAnalysis.ContentTerms(tail);
            if (tailWords.Count == 0 || QuestionStarts.Contains(tailWords[0]) || remark.Count == 0)
            {
                continue;
            }

            var unknown = remark.Count(w => !terms.IsKnown(TextAnalysis.Stem(w)));
            var knownInHead = TextAnalysis.ContentTerms(head).Count(w => terms.IsKnown(TextAnalysis.Stem(w)));
            if (unknown * 2 > remark.Count && knownInHead >= 2)
            {
                return head.TrimEnd(',', ';', ':', '.', ' ');
            }
        }

        return text;
    }

    /// <summary>
    /// Drops leading clauses whose words the corpus mostly does not know, when what follows is a question the
    /// corpus knows at least two words of.
    /// </summary>
    private static string DropUnknownLeadingClauses(string text, TermStatistics terms)
    {
        for (var end = text.AsSpan().IndexOfAny(ClauseEnds); end > 0 && end < text.Length - 1; end = Next(text, end))
        {
            var prefix = TextAnalysis.ContentTerms(text[..end]);
            var rest = text[(end + 1)..].Trim();
            var restWords = TextAnalysis.Words(rest);
            if (prefix.Count == 0 || restWords.Count == 0 || !QuestionStarts.Contains(restWords[0]))
            {
                continue;
            }

            var unknown = prefix.Count(w => !terms.IsKnown(TextAnalysis.Stem(w)));
            var knownInRest = TextAnalysis.ContentTerms(rest).Count(w => terms.IsKnown(TextAnalysis.Stem(w)));
            if (unknown * 2 > prefix.Count && knownInRest >= 2)
            {
                return rest;
            }
        }

        return text;
    }

    private static int Next(string text, int after)
    {
        var next = text.AsSpan(after + 1).IndexOfAny(ClauseEnds);
        return next < 0 ? -1 : after + 1 + next;
    }

    private sealed class QueryFocusFile
    {
        public List<string> Framing { get; set; } = [];

        public Dictionary<string, List<string>?> Uninformative { get; set; } = [];

        public Dictionary<string, string?> Spelling { get; set; } = [];
    }
}
