using KetamineFaqBot.Bot.Placeholders;
using KetamineFaqBot.Core.Answering;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace KetamineFaqBot.Bot.Extensions;

/// <summary>
/// The one place the answering pipeline is registered. The host needs exactly two services from it:
/// <see cref="IAnswerService"/> (answers a <see cref="Turn"/>) and <see cref="IResponseTexts"/> (keys welcome, apology,
/// too_long). Optional: IConversationStore (reset after a failed turn). Replace the body with the real pipeline.
/// </summary>
public static class AnswerPipelineExtensions
{
    public static WebApplicationBuilder AddAnswerPipeline(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        // PLACEHOLDER: a fixed cited answer so the host runs before the real pipeline is wired in.
        builder.Services.AddSingleton<IResponseTexts, PlaceholderResponseTexts>();
        builder.Services.AddSingleton<IAnswerService, PlaceholderAnswerService>();
        return builder;
    }
}
