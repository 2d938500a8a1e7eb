using KetamineFaqBot.Answering;
using KetamineFaqBot.Answering.Contextualisation;
using KetamineFaqBot.Answering.Pipeline;
using KetamineFaqBot.Bot.Tests.TestSupport;
using KetamineFaqBot.Core.Answering;
using KetamineFaqBot.Core.Semantics;
using KetamineFaqBot.Retrieval.Search;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

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

        // The gate's meaning model was fitted into the version under the settings the bot runs with, so it is used as is.
        Assert.Contains(live.Manifest.Extensions!, e => e.Name == GateCalibrationExtension.FolderName);
        var fitted = live.Extension<GateCalibration>();
        Assert.NotNull(fitted?.Model);
        var gate = new ConfidenceGate(host.Services.GetRequiredService<IOptions<AnsweringOptions>>().Value, live, host.Services.GetRequiredService<QueryFocus>());
        Assert.Equal(gate.CalibrationKey, fitted.Key);
        Assert.Same(fitted.Model, gate.MeaningModel(live.Extension<ISemanticIndex>()!));
    }
}
