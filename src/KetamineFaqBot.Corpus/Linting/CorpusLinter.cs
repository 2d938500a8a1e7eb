using System.Globalization;
using System.Text;
using KetamineFaqBot.Corpus.Reading;

namespace KetamineFaqBot.Corpus.Linting;

/// <summary>
/// Content rules over a read corpus: vocabularies, duplicate ids and FAQ phrasings, review dates.
/// Returns the reader's structural findings too, so one call gives the whole picture.
/// </summary>
public sealed class CorpusLinter(TimeProvider timeProvider)
{
    public IReadOnlyList<LintFinding> Lint(CorpusReadResult read, bool allowExpired = false)
    {
        ArgumentNullException.ThrowIfNull(read);

        var today = DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime);
        var findings = new List<LintFinding>(read.Findings);
        var firstFileOfId = new Dictionary<string, string>(StringComparer.Ordinal);
        var firstPlaceOfQuestion = new Dictionary<string, string>(StringComparer.Ordinal);

        foreach (var parsed in read.Parsed)
        {
            if (parsed.FrontMatter is not { } frontMatter)
            {
                continue;
            }

            var file = parsed.File;
            CheckVocabulary(frontMatter, "topic", CorpusVocabulary.Topics, LintRules.TopicUnknown, file, findings);
            CheckVocabulary(frontMatter, "audience", CorpusVocabulary.Audiences, LintRules.AudienceUnknown, file, findings);

            var id = frontMatter.Get("id");
            if (!string.IsNullOrEmpty(id) && !firstFileOfId.TryAdd(id, file))
            {
                findings.Add(new LintFinding(file, frontMatter.LineOf("id", 1), LintSeverity.Error, LintRules.IdDuplicate,
                    $"id '{id}' is already used by {firstFileOfId[id]}; ids must be unique."));
            }

            CheckReviewDates(frontMatter, file, today, allowExpired, findings);

            foreach (var question in frontMatter.Faq.SelectMany(f => f.Questions))
            {
                var key = QuestionKey(question.Value);
                var place = string.Create(CultureInfo.InvariantCulture, $"{file}:{question.Line}");
                if (!firstPlaceOfQuestion.TryAdd(key, place))
                {
                    findings.Add(new LintFinding(file, question.Line, LintSeverity.Warning, LintRules.FaqDuplicateQuestion,
                        $"FAQ question '{question.Value}' duplicates {firstPlaceOfQuestion[key]}; keep one so the question has one answer."));
                }
            }
        }

        return findings
            .OrderBy(f => f.File, StringComparer.Ordinal)
            .ThenBy(f => f.Line)
            .ToList();
    }

    private static void CheckVocabulary(
        FrontMatter frontMatter, string field, IReadOnlyList<string> vocabulary, string rule, string file, List<LintFinding> findings)
    {
        var value = frontMatter.Get(field);
        if (!string.IsNullOrEmpty(value) && !vocabulary.Contains(value, StringComparer.Ordinal))
        {
            findings.Add(new LintFinding(file, frontMatter.LineOf(field, 1), LintSeverity.Error, rule,
                $"{field} '{value}' is not one of: {string.Join(", ", vocabulary)}."));
        }
    }

    private static void CheckReviewDates(FrontMatter frontMatter, string file, DateOnly today, bool allowExpired, List<LintFinding> findings)
    {
        if (!TryDate(frontMatter.Get("review_due"), out var due))
        {
            return;
        }

        var line = frontMatter.LineOf("review_due", 1);
        if (TryDate(frontMatter.Get("reviewed_on"), out var reviewedOn) && due < reviewedOn)
        {
            findings.Add(new LintFinding(file, line, LintSeverity.Error, LintRules.ReviewDatesOrder,
                $"review_due {due:yyyy-MM-dd} is before reviewed_on {reviewedOn:yyyy-MM-dd}."));
        }

        if (due < today)
        {
            // SAFETY: content past its review date must not be served; --allow-expired is for local work only.
            findings.Add(new LintFinding(file, line, allowExpired ? LintSeverity.Warning : LintSeverity.Error, LintRules.ReviewExpired,
                $"review was due on {due:yyyy-MM-dd}; re-review the content and update reviewed_on and review_due."));
        }
    }

    private static bool TryDate(string? value, out DateOnly date) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>Case- and punctuation-insensitive form of a phrasing: words of letters and digits, single-spaced.</summary>
    internal static string QuestionKey(string question)
    {
        var builder = new StringBuilder(question.Length);
        var pendingSpace = false;
        foreach (var c in question)
        {
            if (char.IsLetterOrDigit(c))
            {
                if (pendingSpace && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                pendingSpace = false;
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (c is not '\'' and not '\u2019')
            {
                pendingSpace = true;
            }
        }

        return builder.ToString();
    }
}
