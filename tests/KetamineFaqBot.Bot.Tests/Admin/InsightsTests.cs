using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KetamineFaqBot.Bot.Tests.TestSupport;

namespace KetamineFaqBot.Bot.Tests.Admin;

/// <summary>Insights built from real traffic: web chat conversations through Direct Line and the real pipeline.</summary>
public sealed class InsightsTests : IAsyncLifetime, IDisposable
{
    private const string Key = "content-owners-key-0123456789abcdef";
    private readonly TempCorpus _corpus = new();
    private BotTestHost _host = null!;
    private HttpClient _http = null!;

    public Task InitializeAsync()
    {
        // One document's review falls due in ten days, so it must be listed.
        var dueSoon = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        _corpus.Edit("legality.md", "review_due: 2027-11-20", "review_due: " + dueSoon);
        _host = BotTestHost.StartProductionLike(new Dictionary<string, string?>
        {
            ["Knowledge:CorpusFolder"] = _corpus.Folder,
            ["Admin:ApiKey"] = Key,
        });
        _http = _host.CreateHttpClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _host.DisposeAsync();
    }

    public void Dispose() => _corpus.Dispose();

    [Fact]
    public async Task Insights_AfterRealTraffic_GapsDislikesRoutesAndReviewsDue()
    {
        var patient = await DirectLineTestClient.StartAsync(_http);
        await AskAsync(patient, "is there parking near the ketamine clinic? email me at pat@example.com", 1);
        await AskAsync(patient, "How addictive is ketamine when a doctor prescribes it for depression?", 2);
        var other = await DirectLineTestClient.StartAsync(_http);
        await AskAsync(other, "Is there parking near the ketamine clinic?  Email me at sam@example.org", 1);
        var answers = await AskAsync(other, "i want to end my life", 2);
        await AskAsync(other, "How addictive is ketamine when a doctor prescribes it for depression?", 3);
        var answers2 = await patient.AnswersAsync();

        // Dislike the addiction answer, with a comment that carries a phone number.
        using (var feedback = await patient.PostAsync(new JsonObject
        {
            ["type"] = "event",
            ["name"] = "feedback",
            ["from"] = new JsonObject { ["id"] = "someone-else", ["role"] = "user" },
            ["value"] = new JsonObject { ["replyToId"] = (string)answers2[1]["id"]!, ["reaction"] = "dislike", ["comment"] = "too vague, call 555-123-4567" },
        }))
        {
            feedback.EnsureSuccessStatusCode();
        }

        var report = await Eventually.ValueAsync(async () =>
        {
            using var response = await _http.SendAsync(AdminEndpointsTests.Request("GET", "admin/insights", Key));
            var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
            return body["dislikedAnswers"]!.AsArray().Count > 0 && Total(body) >= 5 ? body : null;
        });

        var gap = Assert.Single(report["topGaps"]!.AsArray())!;
        Assert.Equal(2, (int)gap["count"]!);
        Assert.Contains("[email]", (string)gap["question"]!, StringComparison.Ordinal);

        var disliked = Assert.Single(report["dislikedAnswers"]!.AsArray())!;
        Assert.Equal("too vague, call [phone]", (string?)disliked["comment"]);
        var passage = disliked["passages"]!.AsArray()[0]!;
        Assert.StartsWith("addiction-risk#", (string)passage["id"]!, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty((string?)passage["title"]));

        var today = report["routes"]!.AsArray()[0]!;
        Assert.Equal(2, (int)today["counts"]!["answer"]!);
        Assert.Equal(2, (int)today["counts"]!["no_answer"]!);
        Assert.Equal(1, (int)today["counts"]!["crisis"]!);
        Assert.Contains("988", (string)answers[1]["text"]!, StringComparison.Ordinal);

        var due = Assert.Single(report["reviewsDue"]!.AsArray())!;
        Assert.Equal("legality", (string?)due["id"]);
        Assert.Equal(10, (int)due["daysLeft"]!);

        using var html = await _http.SendAsync(WithAccept(AdminEndpointsTests.Request("GET", "admin/insights", Key), "text/html"));
        var page = await html.Content.ReadAsStringAsync();
        Assert.Equal("text/html", html.Content.Headers.ContentType!.MediaType);
        Assert.Contains("parking near the ketamine clinic?", page, StringComparison.Ordinal);
        Assert.Contains("[email]", page, StringComparison.Ordinal);
        Assert.Contains("too vague, call [phone]", page, StringComparison.Ordinal);
        Assert.DoesNotContain("pat@example.com", page, StringComparison.Ordinal);
        Assert.Contains("<link rel=\"stylesheet\" href=\"/insights/insights.css\">", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<style", page, StringComparison.Ordinal);

        using var keyPage = await _http.GetAsync("insights");
        using var keyScript = await _http.GetAsync("insights/insights.js");
        Assert.Equal(HttpStatusCode.OK, keyPage.StatusCode);
        Assert.Contains("<script src=\"/insights/insights.js\"></script>", await keyPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("'X-Api-Key': key", await keyScript.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static long Total(JsonObject report) => report["routes"]!.AsArray().Sum(r => (long)r!["total"]!);

    private static HttpRequestMessage WithAccept(HttpRequestMessage request, string mediaType)
    {
        request.Headers.Accept.ParseAdd(mediaType);
        return request;
    }

    private static async Task<List<JsonObject>> AskAsync(DirectLineTestClient client, string text, int expectedReplies)
    {
        await client.SendTextAsync(text, Guid.NewGuid().ToString("N"));
        return await client.WaitForAnswersAsync(expectedReplies);
    }
}
