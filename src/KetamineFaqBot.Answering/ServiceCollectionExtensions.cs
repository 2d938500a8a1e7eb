using KetamineFaqBot.Answering.Composers;
using KetamineFaqBot.Answering.ContentGaps;
using KetamineFaqBot.Answering.Contextualisation;
using KetamineFaqBot.Answering.Conversations;
using KetamineFaqBot.Answering.Generative;
using KetamineFaqBot.Answering.Pipeline;
using KetamineFaqBot.Core.Answering;
using KetamineFaqBot.Core.Conversations;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;

namespace KetamineFaqBot.Answering;

public static class ServiceCollectionExtensions
{
    /// <summary>Prompt file of the generative composer, under the prompts folder.</summary>
    public const string AnswerPromptFile = "answer.yaml";

    /// <summary>Prompt file of the follow-up rewrite, under the prompts folder.</summary>
    public const string RewritePromptFile = "rewrite.yaml";

    /// <summary>
    /// Registers the answering pipeline (<see cref="IAnswerService"/>), its validated <see cref="AnsweringOptions"/>
    /// and, when a model is configured, the Semantic Kernel generative composer and follow-up rewriter.
    /// The caller registers <see cref="IGuardrails"/>, <see cref="IResponseTexts"/>, <see cref="Core.Retrieval.IRetriever"/>
    /// and <see cref="IMessageNormaliser"/>. <see cref="IConversationStore"/> and <see cref="IContentGapRecorder"/>
    /// default to in-memory/no-op versions unless registered before this call.
    /// </summary>
    public static IServiceCollection AddAnswering(this IServiceCollection services, IConfiguration configuration, string promptsFolder)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(promptsFolder);

        var section = configuration.GetSection(AnsweringOptions.SectionName);
        services.AddOptions<AnsweringOptions>().Bind(section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IConversationStore>(sp => new InMemoryConversationStore(sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IContentGapRecorder>(NullContentGapRecorder.Instance);
        services.TryAddSingleton(_ => QueryFocus.Load(promptsFolder));
        services.TryAddSingleton(_ => AnswerTypes.Load(promptsFolder));
        services.TryAddSingleton<IAnswerService, AnswerPipeline>();

        var provider = section.GetValue(nameof(AnsweringOptions.Provider), AnswerProvider.None);
        if (provider != AnswerProvider.None)
        {
            services.TryAddSingleton(sp => ChatClientFactory.Create(sp.GetRequiredService<IOptions<AnsweringOptions>>().Value));
            services.TryAddSingleton(sp => BuildKernel(sp.GetRequiredService<IChatClient>(), sp.GetService<ILoggerFactory>()));
            services.TryAddSingleton<IGenerativeAnswerComposer>(sp => new GenerativeComposer(
                sp.GetRequiredService<Kernel>(),
                PromptFile.Load(Path.Combine(promptsFolder, AnswerPromptFile), "question", "passages"),
                sp.GetRequiredService<IOptions<AnsweringOptions>>().Value,
                sp.GetService<ILogger<GenerativeComposer>>() ?? NullLogger<GenerativeComposer>.Instance));
            services.TryAddSingleton<IQueryRewriter>(sp => new ModelQueryRewriter(
                sp.GetRequiredService<Kernel>(),
                PromptFile.Load(Path.Combine(promptsFolder, RewritePromptFile), "previous", "followup"),
                sp.GetRequiredService<IOptions<AnsweringOptions>>().Value,
                sp.GetService<ILogger<ModelQueryRewriter>>() ?? NullLogger<ModelQueryRewriter>.Instance));
        }

        return services;
    }

    /// <summary>A kernel whose only AI service is <paramref name="chatClient"/>.</summary>
    public static Kernel BuildKernel(IChatClient chatClient, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(chatClient);
        var builder = Kernel.CreateBuilder();
        builder.Services.AddSingleton(chatClient);
        if (loggerFactory is not null)
        {
            builder.Services.AddSingleton(loggerFactory);
        }

        return builder.Build();
    }
}
