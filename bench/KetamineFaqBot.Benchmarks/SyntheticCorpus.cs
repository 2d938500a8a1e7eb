using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using KetamineFaqBot.Core.Corpus;
using KetamineFaqBot.Corpus;

namespace KetamineFaqBot.Benchmarks;

/// <summary>
/// A large corpus made from the real one: documents whose sections and FAQ entries recombine the real corpus's
/// sentences, headings and phrasings, chosen by a seeded generator (the same files on every run), written as
/// Markdown with front matter into a folder so it is read, linted and indexed like the real corpus.
/// </summary>
public static partial class SyntheticCorpus
{
    /// <summary>Sections per document; with one FAQ entry per ten sections a document has 33 passages.</summary>
    private const int SectionsPerDocument = 30;

    private const int FaqsPerDocument = 3;

    /// <summary>Writes documents holding at least <paramref name="passages"/> passages into <paramref name="folder"/>.</summary>
    /// <returns>The number of passages written.</returns>
    public static int Write(string folder, int passages, int seed)
    {
        var real = CorpusLoader.Load(Path.Combine(BenchmarkCorpus.RepositoryRoot(), "corpus"), new CorpusLoadOptions()).Snapshot
            ?? throw new InvalidOperationException("The real corpus did not load.");
        var sections = real.Passages.Where(p => p.Kind == PassageKind.Section).ToList();
        var faqs = real.Passages.Where(p => p.Kind == PassageKind.Faq).ToList();
        var sentences = sections.SelectMany(p => SentenceEnd().Split(p.Text)).Select(s => s.Trim()).Where(s => s.Length > 20).Distinct().ToList();
        var questions = faqs.SelectMany(p => p.Questions).Distinct().ToList();
        var random = new Random(seed);

        Directory.CreateDirectory(folder);
        File.Copy(Path.Combine(BenchmarkCorpus.RepositoryRoot(), "corpus", "synonyms.txt"), Path.Combine(folder, "synonyms.txt"), overwrite: true);
        var perDocument = SectionsPerDocument + FaqsPerDocument;
        var documents = (passages + perDocument - 1) / perDocument;
        for (var d = 0; d < documents; d++)
        {
            var template = real.Documents[random.Next(real.Documents.Count)];
            var text = new StringBuilder();
            text.Append("---\n")
                .Append(CultureInfo.InvariantCulture, $"id: synthetic-{d:D5}\n")
                .Append(CultureInfo.InvariantCulture, $"title: \"{template.Title} (part {d + 1})\"\n")
                .Append(CultureInfo.InvariantCulture, $"topic: {template.Topic}\n")
                .Append(CultureInfo.InvariantCulture, $"audience: {template.Audience}\n")
                .Append(CultureInfo.InvariantCulture, $"summary: \"{Pick(sentences, random).Replace("\"", "'", StringComparison.Ordinal)}\"\n")
                .Append(CultureInfo.InvariantCulture, $"source: \"Synthetic benchmark text recombined from {template.Id}\"\n")
                .Append("reviewed_by: Benchmark generator\n")
                .Append(CultureInfo.InvariantCulture, $"reviewed_on: {template.ReviewedOn:yyyy-MM-dd}\n")
                .Append(CultureInfo.InvariantCulture, $"review_due: {template.ReviewDue:yyyy-MM-dd}\n")
                .Append("faq:\n");
            for (var f = 0; f < FaqsPerDocument; f++)
            {
                text.Append("  - questions:\n");
                foreach (var question in Enumerable.Range(0, 2 + random.Next(2)).Select(_ => Pick(questions, random)).Distinct())
                {
                    text.Append(CultureInfo.InvariantCulture, $"      - \"{question.Replace("\"", "'", StringComparison.Ordinal)}\"\n");
                }

                text.Append(CultureInfo.InvariantCulture, $"    answer: \"{Paragraph(sentences, random, 1, 2).Replace("\"", "'", StringComparison.Ordinal)}\"\n");
            }

            text.Append("---\n");
            for (var s = 0; s < SectionsPerDocument; s++)
            {
                var heading = Pick(sections, random).Section;
                text.Append(CultureInfo.InvariantCulture, $"\n## {heading} {s + 1}\n\n{Paragraph(sentences, random, 2, 5)}\n");
            }

            File.WriteAllText(Path.Combine(folder, $"synthetic-{d:D5}.md"), text.ToString());
        }

        return documents * perDocument;
    }

    private static string Pick(List<string> items, Random random) => items[random.Next(items.Count)];

    private static Passage Pick(List<Passage> items, Random random) => items[random.Next(items.Count)];

    private static string Paragraph(List<string> sentences, Random random, int min, int max) =>
        string.Join(" ", Enumerable.Range(0, random.Next(min, max + 1)).Select(_ => Pick(sentences, random)).Select(s => s.EndsWith('.') ? s : s + "."));

    [GeneratedRegex(@"(?<=[.!?])\s+")]
    private static partial Regex SentenceEnd();
}
