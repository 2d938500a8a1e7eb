using System.Globalization;
using System.Net;
using System.Text;
using KetamineFaqBot.Answering.Insights;

namespace KetamineFaqBot.Bot.Admin;

/// <summary>The insights report as one HTML page for people (every value HTML-encoded), styled by the key page's stylesheet.</summary>
public static class InsightsHtml
{
    public static string Render(InsightsReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var html = new StringBuilder();
        // The stylesheet is linked, not inlined: the content owners' Content-Security-Policy allows no inline style.
        html.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Content insights</title>")
            .Append("<link rel=\"stylesheet\" href=\"").Append(InsightsPage.StylesheetPath).Append("\"></head><body>")
            .Append("<h1>Content insights</h1><p>")
            .Append(Encode(string.Create(CultureInfo.InvariantCulture, $"Last {report.Days} days, generated {report.GeneratedAt:yyyy-MM-dd HH:mm} UTC, live index {report.CorpusVersion ?? "unknown"}.")))
            .Append("</p>");

        Section(html, "Questions the corpus could not answer", ["Question (redacted)", "Times asked", "Last asked", "Index version"],
            report.TopGaps.Select(g => new[] { g.Question, Number(g.Count), Date(g.LastSeen), g.CorpusVersion }));

        Section(html, "Answers rated down", ["When", "Comment (redacted)", "Passages", "Composer"],
            report.DislikedAnswers.Select(d => new[]
            {
                Date(d.At), d.Comment ?? string.Empty,
                string.Join("; ", d.Passages.Select(p => p.Title is null ? p.Id : $"{p.Title} — {p.Section} ({p.Id})")),
                d.Composer ?? string.Empty,
            }));

        var routes = report.Routes.SelectMany(r => r.Counts.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        Section(html, "Replies per day and route", ["Day (UTC)", .. routes, "Total"],
            report.Routes.Select(r => (string[])[
                r.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                .. routes.Select(route => Number(r.Counts.GetValueOrDefault(route))),
                Number(r.Total)]));

        Section(html, "Documents due for clinical review", ["Document", "File", "Review due", "Days left"],
            report.ReviewsDue.Select(r => new[] { r.Title, r.Path, r.ReviewDueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Number(r.DaysLeft) }));

        return html.Append("</body></html>").ToString();
    }

    private static void Section(StringBuilder html, string title, IReadOnlyList<string> headings, IEnumerable<string[]> rows)
    {
        html.Append("<h2>").Append(Encode(title)).Append("</h2>");
        var body = rows.ToList();
        if (body.Count == 0)
        {
            html.Append("<p>None.</p>");
            return;
        }

        html.Append("<table><thead><tr>");
        foreach (var heading in headings)
        {
            html.Append("<th>").Append(Encode(heading)).Append("</th>");
        }

        html.Append("</tr></thead><tbody>");
        foreach (var row in body)
        {
            html.Append("<tr>");
            foreach (var cell in row)
            {
                html.Append("<td>").Append(Encode(cell)).Append("</td>");
            }

            html.Append("</tr>");
        }

        html.Append("</tbody></table>");
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Date(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
