using System.Globalization;
using KetamineFaqBot.Answering.Insights;

namespace KetamineFaqBot.Cli.Commands.Insights;

/// <summary>The insights report as plain text for a terminal.</summary>
internal static class InsightsText
{
    public static void Write(InsightsReport report, TextWriter output)
    {
        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(c, $"Content insights, last {report.Days} days (live index {report.CorpusVersion ?? "unknown"})"));

        output.WriteLine();
        output.WriteLine("Questions the corpus could not answer (redacted):");
        foreach (var gap in report.TopGaps)
        {
            output.WriteLine(string.Create(c, $"  {gap.Count,4}×  {gap.Question}  (last {gap.LastSeen:yyyy-MM-dd})"));
        }

        WriteNone(report.TopGaps.Count, output);

        output.WriteLine();
        output.WriteLine("Answers rated down:");
        foreach (var disliked in report.DislikedAnswers)
        {
            var passages = string.Join("; ", disliked.Passages.Select(p => p.Title is null ? p.Id : $"{p.Title} — {p.Section}"));
            var comment = disliked.Comment is null ? string.Empty : $" “{disliked.Comment}”";
            output.WriteLine(string.Create(c, $"  {disliked.At:yyyy-MM-dd HH:mm}{comment}  from: {passages}"));
        }

        WriteNone(report.DislikedAnswers.Count, output);

        output.WriteLine();
        output.WriteLine("Replies per day and route:");
        foreach (var day in report.Routes)
        {
            var counts = string.Join(", ", day.Counts.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => string.Create(c, $"{r.Key} {r.Value}")));
            output.WriteLine(string.Create(c, $"  {day.Day:yyyy-MM-dd}  {day.Total,5}  {counts}"));
        }

        WriteNone(report.Routes.Count, output);

        output.WriteLine();
        output.WriteLine("Documents due for clinical review:");
        foreach (var review in report.ReviewsDue)
        {
            var when = review.DaysLeft < 0 ? string.Create(c, $"OVERDUE by {-review.DaysLeft} day(s)") : string.Create(c, $"in {review.DaysLeft} day(s)");
            output.WriteLine(string.Create(c, $"  {review.ReviewDueOn:yyyy-MM-dd}  {when}  {review.Path} — {review.Title}"));
        }

        WriteNone(report.ReviewsDue.Count, output);
    }

    private static void WriteNone(int count, TextWriter output)
    {
        if (count == 0)
        {
            output.WriteLine("  none");
        }
    }
}
