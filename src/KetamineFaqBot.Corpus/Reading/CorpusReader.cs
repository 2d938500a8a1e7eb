using System.Globalization;
using System.Text;
using KetamineFaqBot.Core.Corpus;
using KetamineFaqBot.Corpus.Linting;
using KetamineFaqBot.Corpus.Synonyms;

namespace KetamineFaqBot.Corpus.Reading;

/// <summary>
/// Reads a corpus folder: every *.md (YAML front matter + Markdown body, subfolders included) and synonyms.txt.
/// Bad content never throws: a missing folder, an unreadable file or broken YAML becomes a finding.
/// </summary>
public static class CorpusReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static CorpusReadResult Read(string folder)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);

        var findings = new List<LintFinding>();
        if (!Directory.Exists(folder))
        {
            findings.Add(new LintFinding(folder, 0, LintSeverity.Error, LintRules.FolderMissing,
                "corpus folder does not exist."));
            return new CorpusReadResult(null, findings) { Folder = folder };
        }

        List<string> relativePaths;
        try
        {
            relativePaths = Directory.EnumerateFiles(folder, "*.md", SearchOption.AllDirectories)
                .Select(path => Path.GetRelativePath(folder, path).Replace('\\', '/'))
                .Order(StringComparer.Ordinal)
                .ToList();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            findings.Add(new LintFinding(folder, 0, LintSeverity.Error, LintRules.FileUnreadable,
                $"corpus folder cannot be listed: {ex.Message}"));
            return new CorpusReadResult(null, findings) { Folder = folder };
        }

        if (relativePaths.Count == 0)
        {
            findings.Add(new LintFinding(folder, 0, LintSeverity.Error, LintRules.NoDocuments,
                "no Markdown (*.md) documents found in the corpus folder."));
        }

        var parsed = relativePaths.Select(path => ReadDocument(folder, path, findings)).ToList();
        var (groups, synonymsHash) = ReadSynonyms(folder, findings);

        var snapshot = SnapshotBuilder.Build(parsed.Where(p => p.Document is not null).Select(p => p.Document!), groups, synonymsHash);
        return new CorpusReadResult(snapshot, findings)
        {
            Folder = folder,
            Parsed = parsed,
            SynonymGroups = groups,
            SynonymsHash = synonymsHash,
        };
    }

    private static (IReadOnlyList<IReadOnlyList<string>> Groups, string? Hash) ReadSynonyms(string folder, List<LintFinding> findings)
    {
        var path = Path.Join(folder, SynonymsParser.FileName);
        if (!File.Exists(path))
        {
            // Synonyms are optional: retrieval works without them.
            return ([], null);
        }

        if (!TryReadText(path, findings, out var bytes, out var text))
        {
            return ([], null);
        }

        var result = SynonymsParser.Parse(text, path);
        findings.AddRange(result.Findings);
        return (result.Groups, SnapshotBuilder.Hash(bytes));
    }

    private static ParsedDocument ReadDocument(string folder, string relativePath, List<LintFinding> findings)
    {
        var file = Path.Join(folder, relativePath);
        if (!TryReadText(file, findings, out var bytes, out var text))
        {
            return new ParsedDocument(file, null, null);
        }

        var lines = text.ReplaceLineEndings("\n").Split('\n');
        if (!FrontMatterSplitter.TrySplit(lines, out var yaml, out var yamlFirstLine, out var body, out var bodyFirstLine))
        {
            findings.Add(new LintFinding(file, 1, LintSeverity.Error, LintRules.FrontMatterMissing,
                "the file must start with YAML front matter between two '---' lines."));
            return new ParsedDocument(file, null, null);
        }

        var errorsBefore = findings.Count(f => f.Severity == LintSeverity.Error);
        var frontMatter = FrontMatterParser.Parse(yaml, yamlFirstLine, file, findings);
        if (frontMatter is null)
        {
            return new ParsedDocument(file, null, null);
        }

        foreach (var field in CorpusVocabulary.RequiredFields)
        {
            if (string.IsNullOrEmpty(frontMatter.Get(field)))
            {
                findings.Add(new LintFinding(file, frontMatter.LineOf(field, 1), LintSeverity.Error, LintRules.FieldMissing,
                    $"required front-matter field '{field}' is missing or empty."));
            }
        }

        var id = frontMatter.Get("id");
        if (!string.IsNullOrEmpty(id) && !Slug.IsSlug(id))
        {
            findings.Add(new LintFinding(file, frontMatter.LineOf("id", 1), LintSeverity.Error, LintRules.IdInvalid,
                $"id '{id}' must be a slug: lower-case letters, digits and single hyphens (e.g. '{Slug.From(id)}')."));
        }

        var reviewedOn = ReadDate(frontMatter, "reviewed_on", file, findings);
        var reviewDue = ReadDate(frontMatter, "review_due", file, findings);

        var sections = MarkdownSections.Split(body, bodyFirstLine);
        foreach (var section in sections.Where(s => s.Text.Length == 0))
        {
            findings.Add(new LintFinding(file, section.Line, LintSeverity.Warning, LintRules.SectionEmpty,
                $"section '{section.Heading}' has no text; add text or remove the heading."));
        }

        if (findings.Count(f => f.Severity == LintSeverity.Error) > errorsBefore || reviewedOn is null || reviewDue is null)
        {
            return new ParsedDocument(file, frontMatter, null);
        }

        var document = BuildDocument(relativePath, SnapshotBuilder.Hash(bytes), frontMatter, reviewedOn.Value, reviewDue.Value, sections);
        return new ParsedDocument(file, frontMatter, document);
    }

    private static CorpusDocument BuildDocument(
        string relativePath, string hash, FrontMatter frontMatter, DateOnly reviewedOn, DateOnly reviewDue, IReadOnlyList<MarkdownSection> sections)
    {
        var id = frontMatter.Get("id")!;
        var title = frontMatter.Get("title")!;
        var topic = frontMatter.Get("topic")!;
        var audience = frontMatter.Get("audience")!;
        var source = frontMatter.Get("source")!;

        var passages = new List<Passage>();
        var usedSlugs = new HashSet<string>(StringComparer.Ordinal);
        foreach (var section in sections.Where(s => s.Text.Length > 0))
        {
            var heading = section.Heading ?? title;
            var slug = Slug.From(heading);
            var unique = slug;
            for (var n = 2; !usedSlugs.Add(unique); n++)
            {
                unique = string.Create(CultureInfo.InvariantCulture, $"{slug}-{n}");
            }

            passages.Add(new Passage($"{id}#{unique}", id, title, heading, topic, audience, source, PassageKind.Section, section.Text, [], reviewedOn));
        }

        for (var i = 0; i < frontMatter.Faq.Count; i++)
        {
            var faq = frontMatter.Faq[i];
            var questions = faq.Questions.Select(q => q.Value).ToList();
            passages.Add(new Passage(
                string.Create(CultureInfo.InvariantCulture, $"{id}#faq-{i + 1}"),
                id, title, questions[0], topic, audience, source, PassageKind.Faq, faq.Answer, questions, reviewedOn));
        }

        return new CorpusDocument(id, relativePath, title, topic, audience, frontMatter.Get("summary")!, source,
            reviewedOn, reviewDue, hash, passages);
    }

    private static DateOnly? ReadDate(FrontMatter frontMatter, string field, string file, List<LintFinding> findings)
    {
        var value = frontMatter.Get(field);
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        findings.Add(new LintFinding(file, frontMatter.LineOf(field, 1), LintSeverity.Error, LintRules.DateInvalid,
            $"'{field}' must be a date written yyyy-MM-dd, not '{value}'."));
        return null;
    }

    private static bool TryReadText(string path, List<LintFinding> findings, out byte[] bytes, out string text)
    {
        text = string.Empty;
        try
        {
            bytes = File.ReadAllBytes(path);
            text = StrictUtf8.GetString(bytes).TrimStart('\uFEFF');
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            bytes = [];
            findings.Add(new LintFinding(path, 0, LintSeverity.Error, LintRules.FileUnreadable, $"file cannot be read: {ex.Message}"));
            return false;
        }
        catch (DecoderFallbackException)
        {
            bytes = [];
            findings.Add(new LintFinding(path, 0, LintSeverity.Error, LintRules.FileUnreadable, "file is not valid UTF-8 text."));
            return false;
        }
    }
}
