using KetamineFaqBot.Answering;
using KetamineFaqBot.Answering.Guardrails;
using KetamineFaqBot.Answering.Normalisation;
using KetamineFaqBot.Answering.Pipeline;
using KetamineFaqBot.Answering.Responses;
using KetamineFaqBot.Bot.Knowledge;
using KetamineFaqBot.Core.Answering;
using KetamineFaqBot.Core.Retrieval;
using KetamineFaqBot.Semantics;
using KetamineFaqBot.Semantics.Embeddings;
using Microsoft.Extensions.Options;

namespace KetamineFaqBot.Bot.Extensions;

/// <summary>
/// Registers the answering pipeline: the live index (built from the corpus on first start), the guardrail rules and
/// fixed response texts from prompts/ (a bad file stops start-up with a clear error), the normaliser and
/// <see cref="IAnswerService"/>.
/// </summary>
public static class AnswerPipelineExtensions
{
    public static WebApplicationBuilder AddAnswerPipeline(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<KnowledgeOptions>().BindConfiguration(KnowledgeOptions.SectionName)
            .PostConfigure(options => KnowledgeOptions.ApplyAlias(options, builder.Configuration))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<MessageNormaliserOptions>().BindConfiguration(MessageNormaliserOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        var knowledge = KnowledgeOptions.From(builder.Configuration);
        var paths = KnowledgePaths.Resolve(knowledge, Directory.GetCurrentDirectory());
        services.AddSingleton(paths);
        services.AddOptions<SemanticsOptions>().BindConfiguration(SemanticsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        var semantics = builder.Configuration.GetSection(SemanticsOptions.SectionName).Get<SemanticsOptions>() ?? new SemanticsOptions();
        var answering = builder.Configuration.GetSection(AnsweringOptions.SectionName).Get<AnsweringOptions>() ?? new AnsweringOptions();
        // The local MiniLM, or the remote embedding model named by Answering:EmbeddingModel on the Answering provider (an
        // embedding model without a provider is refused by the options' validation at start).
        var sentences = SentenceModel.From(answering.EmbeddingModel, Answering.Generative.ChatClientFactory.RemoteEmbeddings(answering));

        // The gate's meaning model is fitted into each version after the semantic layer it reads, so the first question
        // after a start or a swap pays for nothing. For the same reason the bot loads each version's ML.NET route model
        // with it (kfaq ask loads it only if a message outside printable ASCII needs it).
        IReadOnlyList<IIndexExtension> extensions = semantics.Enabled
            ?
            [
                SemanticLayer.Extension(
                    paths.PromptsFolder, paths.IndexRoot, semantics.CacheFolder is { Length: > 0 } cache ? cache : null, sentences, loadClassifierModel: true),
                new GateCalibrationExtension(answering, paths.PromptsFolder),
            ]
            : [];
        services.AddSingleton(new IndexExtensionSet(extensions));
        if (semantics.Enabled)
        {
            // The sentence model loads on another core while the host, the store, the index and the rules load here
            // (it took 1.6 s of a 4 s start in sequence); the warm-up waits for it before the server takes requests.
            if (sentences.IsLocal)
            {
                services.AddSingleton(new SentenceModelPreload(SemanticLayer.PreloadQueryModel()));
            }

            services.AddSingleton(_ => SemanticLayer.QueryEmbeddings(semantics.QueryCacheSize, sentences));
        }

        services.AddSingleton(sp => KnowledgeIndex.Open(
            paths, sp.GetRequiredService<IOptions<KnowledgeOptions>>().Value, extensions, sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton<IRetriever>(sp => sp.GetRequiredService<Retrieval.Search.LiveIndex>());
        services.AddSingleton<IGuardrails>(_ => GuardrailsLoader.Load(paths.PromptsFolder));
        services.AddSingleton<IResponseTexts>(_ => ResponseTexts.Load(paths.PromptsFolder));
        services.AddSingleton<IMessageNormaliser, MessageNormaliser>();
        services.AddAnswering(builder.Configuration, paths.PromptsFolder);
        services.AddHostedService<KnowledgeWarmup>();
        return builder;
    }
}
