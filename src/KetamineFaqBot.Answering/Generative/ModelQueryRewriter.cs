using KetamineFaqBot.Answering.Logging;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;

namespace KetamineFaqBot.Answering.Generative;

/// <summary>
/// Rewrites a follow-up into a standalone search query with the model (prompts/rewrite.yaml). The result only
/// steers retrieval; answers stay grounded. Returns null whenever the deterministic rewrite should be used.
/// </summary>
public sealed class ModelQueryRewriter : IQueryRewriter
{
    private const int MaxQueryWords = 30;

    private readonly Kernel kernel;
    private readonly KernelFunction rewriteFunction;
    private readonly AnsweringOptions options;
    private readonly ILogger logger;

    public ModelQueryRewriter(Kernel kernel, PromptTemplateConfig rewritePrompt, AnsweringOptions options, ILogger<ModelQueryRewriter> logger)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        ArgumentNullException.ThrowIfNull(rewritePrompt);
        ArgumentNullException.ThrowIfNull(options);
        this.kernel = kernel;
        this.options = options;
        this.logger = logger;
        rewriteFunction = kernel.CreateFunctionFromPrompt(rewritePrompt);
    }

    public async Task<string?> RewriteAsync(string previousQuery, string followUp, CancellationToken cancellationToken = default)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(options.TimeoutSeconds));
        string? text;
        try
        {
            var result = await kernel.InvokeAsync(rewriteFunction, new KernelArguments { ["previous"] = previousQuery, ["followup"] = followUp }, deadline.Token);
            text = result.GetValue<string>();
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            logger.RewriteFellBack("timeout");
            return null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.RewriteFellBack(ex.GetType().Name);
            return null;
        }

        var query = text?.Trim().Trim('"').Trim();
        if (string.IsNullOrEmpty(query) || query.Contains('\n', StringComparison.Ordinal)
            || query.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length > MaxQueryWords)
        {
            logger.RewriteFellBack("unusable");
            return null;
        }

        return query;
    }
}
