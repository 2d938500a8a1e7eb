using KetamineFaqBot.Bot.Tests.TestSupport;
using KetamineFaqBot.Core.Answering;
using KetamineFaqBot.Core.Semantics;
using KetamineFaqBot.Retrieval.Search;
using Microsoft.Extensions.DependencyInjection;

namespace KetamineFaqBot.Bot.Tests.Knowledge;

/// <summary>The bot with its default semantic layer: built into the first index, loaded with it, fused with the rules.</summary>
public sealed class SemanticLayerTests
{
    private static readonly string SharedCache = Path.Combine(Path.GetTempPath(), "kfaq-test-embedding-cache");

    [Fact]
    public async Task FirstStart_BuildsClassifierIntoIndexAndRoutesACrisisTheRulesMiss()
    {
        await using var host = BotTestHost.StartWithRealAnswers(new Dictionary<string, string?>
        {
            ["Semantics:Enabled"] = "true",
            ["Semantics:CacheFolder"] = SharedCache,
        });

        var live = host.Services.GetRequiredService<LiveIndex>();
        var crisis = await host.AskAsync("honestly evry1 would be better off if i just disapeared for good, been counting how many of my meds it would take");
        var question = await host.AskAsync("Is ketamine addictive?");

        Assert.NotNull(live.Extension<ISemanticIndex>());
        Assert.Contains(live.Manifest.Extensions!, e => e.Name == "semantic");
        Assert.Equal(Route.Crisis, crisis.Route);
        Assert.Equal("classifier", crisis.Provenance.Routing!.Layer);
        Assert.Contains("988", crisis.Text, StringComparison.Ordinal);
        Assert.Equal(Route.Answer, question.Route);
        Assert.NotNull(question.Provenance.Routing);
    }
}
