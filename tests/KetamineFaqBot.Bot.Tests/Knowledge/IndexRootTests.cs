using KetamineFaqBot.Bot.Tests.TestSupport;
using KetamineFaqBot.Retrieval.Search;
using Microsoft.Extensions.DependencyInjection;

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
        await using var host = BotTestHost.StartProductionLike(new Dictionary<string, string?> { ["Index:Root"] = _root });

        var live = host.Services.GetRequiredService<LiveIndex>();
        var answer = await host.AskAsync("Is ketamine addictive?");

        Assert.Equal(Path.GetFullPath(_root), Path.GetFullPath(live.Root));
        Assert.True(File.Exists(Path.Combine(_root, "current")));
        Assert.Equal(File.ReadAllText(Path.Combine(_root, "current")).Trim(), answer.Provenance.CorpusVersion);
    }
}
