using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KetamineFaqBot.Bot.Tests.TestSupport;
using KetamineFaqBot.Core.Answering;
using KetamineFaqBot.Corpus;
using KetamineFaqBot.Retrieval.Indexing;
using KetamineFaqBot.Retrieval.Search;
using Microsoft.Extensions.DependencyInjection;

namespace KetamineFaqBot.Bot.Tests.Admin;

/// <summary>
/// Content owners refresh the index while patients keep asking: swaps through the admin API and through a
/// <c>kfaq index</c>-style build next to the running bot, with questions in flight the whole time.
/// </summary>
public sealed class IndexSwapUnderLoadTests : IDisposable
{
    private const string Key = "content-owners-key-0123456789abcdef";
    private const string OriginalCostAnswer = "answer: Ketamine treatments for depression can be expensive, especially because insurance may not cover them.";
    private static readonly string[] Questions =
    [
        "How much does ketamine treatment cost?",
        "How addictive is ketamine when a doctor prescribes it for depression?",
        "What are the side effects of ketamine?",
        "how does ketamine compare to ECT",
        "Is ketamine legal?",
        "Do animal studies say anything about ketamine addiction?",
    ];

    private readonly TempCorpus _corpus = new();

    public void Dispose() => _corpus.Dispose();

    [Fact]
    public async Task SwapsDuringLoad_NoFailedOrEmptyAnswersAndNewContentServed()
    {
        await using var host = BotTestHost.StartProductionLike(new Dictionary<string, string?>
        {
            ["Knowledge:CorpusFolder"] = _corpus.Folder,
            ["Knowledge:WatchIntervalSeconds"] = "1",
            ["Admin:ApiKey"] = Key,
        });
        using var http = host.CreateHttpClient();
        var answers = host.Services.GetRequiredService<IAnswerService>();
        var live = host.Services.GetRequiredService<LiveIndex>();
        var failures = new ConcurrentQueue<string>();
        var versionsSeen = new ConcurrentDictionary<string, int>();
        var answered = 0;

        using var stop = new CancellationTokenSource();
        var load = Enumerable.Range(0, 6).Select(worker => Task.Run(async () =>
        {
            for (var i = worker; !stop.IsCancellationRequested; i++)
            {
                var question = Questions[i % Questions.Length];
                try
                {
                    var answer = await answers.AnswerAsync(new Turn($"load-{worker}-{i}", "user", question, Channel: "test"));
                    if (answer.Route != Route.Answer || string.IsNullOrWhiteSpace(answer.Text) || answer.Citations.Count == 0)
                    {
                        failures.Enqueue($"{question}: route {answer.Route}, {answer.Citations.Count} citation(s)");
                    }

                    versionsSeen.AddOrUpdate(answer.Provenance.CorpusVersion, 1, (_, n) => n + 1);
                    Interlocked.Increment(ref answered);
                }
                catch (Exception ex)
                {
                    failures.Enqueue($"{question}: {ex.GetType().Name}");
                }
            }
        })).ToList();

        var previous = OriginalCostAnswer;
        for (var revision = 1; revision <= 4; revision++)
        {
            var wording = $"answer: Ketamine treatments for depression can be costly (revision {revision}), in particular because insurance may not pay for them.";
            _corpus.Edit("cost.md", previous, wording);
            previous = wording;
            var before = live.CorpusVersion;
            if (revision % 2 == 1)
            {
                using var response = await http.SendAsync(AdminEndpointsTests.Request("POST", "admin/reindex", Key));
                Assert.Equal("built", (string?)(await response.Content.ReadFromJsonAsync<JsonObject>())!["status"]);
            }
            else
            {
                // What `kfaq index` does next to a running bot: build a version and move `current`; the bot's watcher swaps.
                var snapshot = CorpusLoader.Load(_corpus.Folder, new CorpusLoadOptions()).Snapshot!;
                new IndexBuilder().Build(snapshot, new IndexBuildOptions { Root = live.Root });
                await EventuallyAsync(() => live.CorpusVersion != before);
            }

            var cost = await answers.AnswerAsync(new Turn($"check-{revision}", "user", "How much does ketamine treatment cost?", Channel: "test"));
            Assert.Contains($"(revision {revision})", cost.Text, StringComparison.Ordinal);
            Assert.Equal(live.CorpusVersion, cost.Provenance.CorpusVersion);
        }

        await stop.CancelAsync();
        await Task.WhenAll(load);

        Assert.Empty(failures);
        Assert.True(answered > 50, $"only {answered} questions ran during the swaps");
        Assert.True(versionsSeen.Count >= 3, $"answers came from {versionsSeen.Count} version(s)");
    }

    private static async Task EventuallyAsync(Func<bool> condition)
    {
        for (var attempt = 0; attempt < 600 && !condition(); attempt++)
        {
            await Task.Delay(50);
        }

        Assert.True(condition(), "the bot did not pick up the new index version within 30 s");
    }
}
