using KetamineFaqBot.Bot.Tests.TestSupport;
using KetamineFaqBot.Retrieval.Search;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KetamineFaqBot.Bot.Tests.Knowledge;

public sealed class IndexRootTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "kfaq-index-root-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public async Task IndexRootSetting_BotBuildsAndServesTheIndexThere()
    {
        using var logs = new CapturingLoggerProvider();
        await using var host = BotTestHost.StartProductionLike(new Dictionary<string, string?> { ["Index:Root"] = _root },
            services => services.AddSingleton<ILoggerProvider>(logs));

        var live = host.Services.GetRequiredService<LiveIndex>();
        var answer = await host.AskAsync("Is ketamine addictive?");

        Assert.Equal(Path.GetFullPath(_root), Path.GetFullPath(live.Root));
        Assert.True(File.Exists(Path.Combine(_root, "current")));
        Assert.Equal(File.ReadAllText(Path.Combine(_root, "current")).Trim(), answer.Provenance.CorpusVersion);

        // A first start says what it is building and, when done, what it built and how long it took.
        Assert.Contains(logs.Entries, e => e.EventId.Id == 5000);
        var built = Assert.Single(logs.Entries, e => e.EventId.Id == 5002);
        Assert.Matches(@"^Index built on first start: version \S+, 12 document\(s\), \d+ passage\(s\), in \d+\.\d s$", built.Message);
    }
}
