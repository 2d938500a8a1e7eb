using System.Net;
using System.Text.Json.Nodes;
using KetamineFaqBot.Bot.Tests.TestSupport;

namespace KetamineFaqBot.Bot.Tests.DirectLine;

/// <summary>One worker with room for one waiting turn: what a user sees when the bot cannot keep up.</summary>
public sealed class DirectLineBusyTests : IAsyncLifetime
{
    private BotTestHost _host = null!;
    private HttpClient _http = null!;

    public Task InitializeAsync()
    {
        _host = BotTestHost.Start(new Dictionary<string, string?>
        {
            ["Bot:Workers"] = "1",
            ["Bot:QueueCapacity"] = "1",
            // Long enough that a loaded machine frees the queue within it; the refusal test waits it out once.
            ["Bot:QueueWaitMilliseconds"] = "2000",
        });
        _http = _host.CreateHttpClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _host.Answers.Gate?.TrySetResult();
        _http.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task PostActivity_QueueFullPastTheWait_503AndNothingLogged()
    {
        var client = await FillQueueAsync();
        using var refused = await client.PostAsync(DirectLineTestClient.Message("third question", "c-3"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        var logged = (await client.GetActivitiesAsync()).Activities.Select(a => (string?)a!["text"]).ToList();
        Assert.Contains("second question", logged);
        Assert.DoesNotContain("third question", logged);

        _host.Answers.Gate!.SetResult();
        var answers = await client.WaitForAnswersAsync(2);
        Assert.Equal(2, answers.Count);
    }

    [Fact]
    public async Task PostActivity_QueueFreesWithinTheWait_AcceptedAndAnsweredInOrder()
    {
        var client = await FillQueueAsync();

        var third = client.PostAsync(DirectLineTestClient.Message("third question", "c-3"));
        _host.Answers.Gate!.SetResult();
        using var accepted = await third;

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var answers = await client.WaitForAnswersAsync(3);
        Assert.Collection(answers,
            a => Assert.StartsWith("Scripted answer to: first question", (string?)a["text"], StringComparison.Ordinal),
            a => Assert.StartsWith("Scripted answer to: second question", (string?)a["text"], StringComparison.Ordinal),
            a => Assert.StartsWith("Scripted answer to: third question", (string?)a["text"], StringComparison.Ordinal));
    }

    /// <summary>The worker held inside the first question's answer and the second question waiting: the queue is full.</summary>
    private async Task<DirectLineTestClient> FillQueueAsync()
    {
        var client = await DirectLineTestClient.StartAsync(_http);
        await Eventually.ValueAsync(async () => (await client.GetActivitiesAsync()).Activities.Count > 0 ? "welcomed" : null);
        _host.Answers.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await client.SendTextAsync("first question", "c-1");
        await Eventually.ValueAsync(() => Task.FromResult(_host.Answers.Turns.Count == 1 ? "answering" : null));
        await client.SendTextAsync("second question", "c-2");
        return client;
    }
}
