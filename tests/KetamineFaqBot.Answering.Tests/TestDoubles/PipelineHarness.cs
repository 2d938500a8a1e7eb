using KetamineFaqBot.Answering.Normalisation;
using KetamineFaqBot.Answering.Composers;
using KetamineFaqBot.Answering.ContentGaps;
using KetamineFaqBot.Answering.Conversations;
using KetamineFaqBot.Answering.Pipeline;
using KetamineFaqBot.Core.Answering;
using KetamineFaqBot.Core.Corpus;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace KetamineFaqBot.Answering.Tests.TestDoubles;

/// <summary>An <see cref="AnswerPipeline"/> over in-test implementations, with handles on each of them.</summary>
internal sealed class PipelineHarness
{
    public PipelineHarness(IGuardrails? guardrails = null, IReadOnlyList<Passage>? passages = null,
        AnsweringOptions? options = null, IGenerativeAnswerComposer? generative = null, ScriptedSemanticIndex? semantic = null)
    {
        Guardrails = guardrails ?? new KeywordGuardrails();
        Retriever = new ListRetriever(passages ?? TestCorpus.Passages) { Semantic = semantic };
        Options = options ?? new AnsweringOptions();
        Store = new InMemoryConversationStore(Time);
        Pipeline = new AnswerPipeline(Store, new MessageNormaliser(new MessageNormaliserOptions { MaxLength = 500 }), Guardrails, Texts, Retriever, Gaps,
            Microsoft.Extensions.Options.Options.Create(Options), timeProvider: Time, generative: generative,
            embeddings: semantic is null ? null : new ZeroEmbeddings());
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));

    public IGuardrails Guardrails { get; }

    public ListRetriever Retriever { get; }

    public AnsweringOptions Options { get; }

    public InMemoryConversationStore Store { get; }

    public DictionaryResponseTexts Texts { get; } = new();

    public InMemoryContentGapRecorder Gaps { get; } = new();

    public AnswerPipeline Pipeline { get; }

    public Task<Route> WarmUpPipelineAsync() => Pipeline.WarmUpAsync();

    public Task<Answer> AskAsync(string text, string conversation = "c1") =>
        Pipeline.AnswerAsync(new Turn(conversation, "u1", text, Channel: "test"));
}
