using System.Collections;
using KetamineFaqBot.Answering;
using KetamineFaqBot.Answering.Contextualisation;
using KetamineFaqBot.Answering.Guardrails;
using KetamineFaqBot.Answering.Normalisation;
using KetamineFaqBot.Answering.Pipeline;
using KetamineFaqBot.Core.Answering;
using KetamineFaqBot.Core.Conversations;
using KetamineFaqBot.Core.Retrieval;
using KetamineFaqBot.Retrieval.Search;
using KetamineFaqBot.Semantics;
using KetamineFaqBot.Semantics.Embeddings;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KetamineFaqBot.Cli.Composition;

/// <summary>
/// The CLI's composition root for answering: builds an <see cref="IAnswerService"/> from an index root and a
/// prompts folder. The retriever, guardrails, response texts and normaliser come from factories so the real
/// implementations (live index, guardrail rules, response files) are plugged in at one place: <see cref="Default"/>.
/// </summary>
public sealed class AnsweringComposition
{
    /// <summary>Opens the retriever over an index root.</summary>
    public required Func<string, IRetriever> Retriever { get; init; }

    /// <summary>Loads the guardrails from a prompts folder.</summary>
    public required Func<string, IGuardrails> Guardrails { get; init; }

    /// <summary>Loads the fixed response texts from a prompts folder.</summary>
    public required Func<string, IResponseTexts> ResponseTexts { get; init; }

    /// <summary>Loads the query-focus patterns from a prompts folder.</summary>
    public Func<string, QueryFocus> QueryFocus { get; init; } = Answering.Contextualisation.QueryFocus.Load;

    /// <summary>Loads the answer types from a prompts folder.</summary>
    public Func<string, AnswerTypes> AnswerTypes { get; init; } = Answering.Contextualisation.AnswerTypes.Load;

    /// <summary>Sentence embeddings of questions for the route classifier; null runs the rules alone.</summary>
    public Func<IEmbeddingGenerator<string, Embedding<float>>?> Embeddings { get; init; } = () => null;

    /// <summary>Creates the normaliser for a maximum message length.</summary>
    public required Func<int, IMessageNormaliser> Normaliser { get; init; }

    /// <summary>Configuration for the Answering and Messages sections; defaults to Answering__* and Messages__* environment variables.</summary>
    public IConfiguration? Configuration { get; init; }

    // One sentence model (and, for a remote one, one client) for the index and the questions of a CLI run.
    private static readonly Lazy<SentenceModel> EnvironmentSentenceModel = new(() => SentenceModelFrom(FromEnvironment()));

    /// <summary>
    /// The composition <c>kfaq ask</c> and <c>kfaq eval</c> use. It opens the live index and loads the guardrail rules
    /// and response files.
    /// </summary>
    public static AnsweringComposition Default { get; } = new()
    {
        // SAFETY: a version without its semantic layer (classifier, vectors) is refused rather than served on rules alone.
        // The gate's settings only matter when a version is built; loading reads the model fitted into it.
        Retriever = root => new LiveIndex(root, extensions:
        [
            SemanticLayer.Extension(CliDefaults.PromptsFolder, root, model: EnvironmentSentenceModel.Value),
            new GateCalibrationExtension(new AnsweringOptions(), CliDefaults.PromptsFolder),
        ]),
        Embeddings = () =>
        {
            var model = EnvironmentSentenceModel.Value;
            var embeddings = SemanticLayer.QueryEmbeddings(model: model);
            if (model.IsLocal)
            {
                // Loads the model and runs it once, on the loading thread: the question's own embedding then does not
                // pay for ONNX Runtime's first run.
                SemanticLayer.WarmQueryModel();
            }

            return embeddings;
        },
        Guardrails = GuardrailsLoader.Load,
        ResponseTexts = Answering.Responses.ResponseTexts.Load,
        Normaliser = max => new MessageNormaliser(new MessageNormaliserOptions { MaxLength = max }),
    };

    /// <summary>Builds the pipeline; <paramref name="gaps"/> and <paramref name="store"/> default to in-memory/no-op.</summary>
    /// <exception cref="CompositionException">A component could not be created (missing index, invalid rules…).</exception>
    public IAnswerService Build(string indexRoot, string promptsFolder, IContentGapRecorder? gaps = null, IConversationStore? store = null)
    {
        ArgumentNullException.ThrowIfNull(indexRoot);
        ArgumentNullException.ThrowIfNull(promptsFolder);
        var configuration = Configuration ?? FromEnvironment();
        try
        {
            var options = configuration.GetSection(AnsweringOptions.SectionName).Get<AnsweringOptions>() ?? new AnsweringOptions();
            var services = new ServiceCollection();

            // The sentence model loads on one thread and the prompts' parts on another while the index opens: none
            // needs another, and one after the other they were most of a fresh `kfaq ask` (docs/performance.md).
            var loadingEmbeddings = Task.Run(Embeddings);
            var loadingPrompts = Task.Run(() => (Guardrails(promptsFolder), ResponseTexts(promptsFolder), QueryFocus(promptsFolder), AnswerTypes(promptsFolder)));
            services.AddSingleton(Retriever(indexRoot));
            var (guardrails, responseTexts, queryFocus, answerTypes) = loadingPrompts.GetAwaiter().GetResult();
            if (loadingEmbeddings.GetAwaiter().GetResult() is { } embeddings)
            {
                services.AddSingleton(embeddings);
            }

            services.AddSingleton(guardrails);
            services.AddSingleton(responseTexts);
            services.AddSingleton(queryFocus);
            services.AddSingleton(answerTypes);
            var messages = configuration.GetSection(MessageNormaliserOptions.SectionName).Get<MessageNormaliserOptions>() ?? new MessageNormaliserOptions();
            services.AddSingleton(Normaliser(messages.MaxLength));
            if (gaps is not null)
            {
                services.AddSingleton(gaps);
            }

            if (store is not null)
            {
                services.AddSingleton(store);
            }

            services.AddAnswering(configuration, promptsFolder);
            var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

            // Options are validated on first use; do it now so a bad setting is reported before any question.
            _ = provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<AnsweringOptions>>().Value;
            return provider.GetRequiredService<IAnswerService>();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Whatever a component throws while loading (missing index, invalid rules or settings) is reported as one clear message.
            throw new CompositionException(ex.Message, ex);
        }
    }

    /// <summary>
    /// The sentence model the Answering settings name: the local MiniLM, or Answering:EmbeddingModel on the Answering
    /// provider (as the bot chooses it).
    /// </summary>
    public static SentenceModel SentenceModelFrom(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection(AnsweringOptions.SectionName).Get<AnsweringOptions>() ?? new AnsweringOptions();
        return SentenceModel.From(options.EmbeddingModel, Answering.Generative.ChatClientFactory.RemoteEmbeddings(options));
    }

    /// <summary>Answering and message-limit settings from Answering__* and Messages__* environment variables (e.g. Answering__Provider=Ollama, Messages__MaxLength=1500).</summary>
    public static IConfiguration FromEnvironment()
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (DictionaryEntry variable in Environment.GetEnvironmentVariables())
        {
            var name = (string)variable.Key;
            if (name.StartsWith(AnsweringOptions.SectionName + "__", StringComparison.OrdinalIgnoreCase)
                || name.StartsWith(MessageNormaliserOptions.SectionName + "__", StringComparison.OrdinalIgnoreCase))
            {
                settings[name.Replace("__", ":", StringComparison.Ordinal)] = variable.Value as string;
            }
        }

        return new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
    }
}
