using KetamineFaqBot.Answering.Composers;
using KetamineFaqBot.Answering.Generative;
using KetamineFaqBot.Answering.Tests.Pipeline;
using KetamineFaqBot.Answering.Tests.TestDoubles;
using KetamineFaqBot.Core.Answering;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging.Abstractions;

namespace KetamineFaqBot.Answering.Tests.Generative;

public sealed class GenerativeComposerTests
{
    private const string Question = "What side effects does ketamine have and is it addictive?";

    [Fact]
    public async Task ComposeAsync_SupportedAnswer_IsSentAsGeneratedWithRenumberedCitations()
    {
        var chat = new ScriptedChatClient("Common side effects include nausea and dissociation [2]. Supervised use has a low risk of addiction [1].");
        var (composer, request) = Create(chat);

        var composed = await composer.ComposeAsync(request);

        Assert.NotNull(composed);
        Assert.True(composed.Generated);
        Assert.Equal("Common side effects include nausea and dissociation [1]. Supervised use has a low risk of addiction [2].", composed.Text);
        Assert.Equal([request.Hits[1].Passage.Id, request.Hits[0].Passage.Id], composed.Cited.Select(p => p.Id));
        var prompt = string.Join("\n", chat.Requests.Single().Select(m => m.Text));
        Assert.Contains(Question, prompt, StringComparison.Ordinal);
        Assert.Contains("[1] ", prompt, StringComparison.Ordinal);
        Assert.Contains(request.Hits[0].Passage.Text, prompt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ComposeAsync_UnsupportedSentence_IsDropped()
    {
        var chat = new ScriptedChatClient("Common side effects include nausea and dissociation [2]. Ketamine also cures migraines permanently for everyone [1].");
        var (composer, request) = Create(chat);

        var composed = await composer.ComposeAsync(request);

        Assert.Equal("Common side effects include nausea and dissociation [1].", composed?.Text);
    }

    [Fact]
    public async Task ComposeAsync_InventedNumber_IsDropped()
    {
        var chat = new ScriptedChatClient("Most side effects pass within 24 hours [2]. Supervised use has a low risk of addiction [1].");
        var (composer, request) = Create(chat);

        var composed = await composer.ComposeAsync(request);

        Assert.Equal("Supervised use has a low risk of addiction [1].", composed?.Text);
    }

    [Fact]
    public async Task ComposeAsync_NothingSupported_ReturnsNullForFallback()
    {
        var (composer, request) = Create(new ScriptedChatClient("Take 50 mg twice a day. It is perfectly safe for everyone."));

        Assert.Null(await composer.ComposeAsync(request));
    }

    [Fact]
    public async Task ComposeAsync_ModelThrows_ReturnsNullForFallback()
    {
        var (composer, request) = Create(new ScriptedChatClient((_, _) => throw new HttpRequestException("connection refused")));

        Assert.Null(await composer.ComposeAsync(request));
    }

    [Fact]
    public async Task ComposeAsync_ModelNeverReplies_TimesOutAndReturnsNull()
    {
        var chat = new ScriptedChatClient(async (_, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            return "never";
        });
        var (composer, request) = Create(chat, new AnsweringOptions { TimeoutSeconds = 0.2 });

        Assert.Null(await composer.ComposeAsync(request));
    }

    [Fact]
    public async Task AnswerAsync_AllUnsupported_PipelineFallsBackToExtractive()
    {
        var chat = new ScriptedChatClient("Ketamine is completely risk free [1].");
        var generative = new GenerativeComposer(ServiceCollectionExtensions.BuildKernel(chat), AnswerPipelineTests.AnswerPrompt(),
            new AnsweringOptions(), NullLogger<GenerativeComposer>.Instance);
        var harness = new PipelineHarness(generative: generative, options: new AnsweringOptions { FaqMinScore = 1000 });

        var answer = await harness.AskAsync("Is ketamine addictive under medical supervision?");

        Assert.Equal(Route.Answer, answer.Route);
        Assert.False(answer.Generated);
        Assert.Equal("extractive", answer.Provenance.Composer);
        Assert.Single(chat.Requests);
        Assert.Contains("low risk of addiction", answer.Text, StringComparison.Ordinal);
    }

    private static (GenerativeComposer Composer, ComposeRequest Request) Create(IChatClient chat, AnsweringOptions? options = null)
    {
        var composer = new GenerativeComposer(ServiceCollectionExtensions.BuildKernel(chat), AnswerPipelineTests.AnswerPrompt(),
            options ?? new AnsweringOptions(), NullLogger<GenerativeComposer>.Instance);
        var hits = new[]
        {
            new KetamineFaqBot.Core.Retrieval.SearchHit(TestCorpus.Passages[5], 5f),
            new KetamineFaqBot.Core.Retrieval.SearchHit(TestCorpus.Passages[10], 4f),
        };
        return (composer, new ComposeRequest(Question, Question, hits));
    }
}
