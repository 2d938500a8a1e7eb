using System.Diagnostics;
using System.Text;
using KetamineFaqBot.Answering.Composers;
using KetamineFaqBot.Answering.Logging;
using KetamineFaqBot.Answering.Text;
using KetamineFaqBot.Core.Corpus;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;

namespace KetamineFaqBot.Answering.Generative;

/// <summary>
/// Writes an answer with Semantic Kernel over the configured <see cref="Microsoft.Extensions.AI.IChatClient"/>,
/// from passages numbered [1]..[n] in prompts/answer.yaml, then keeps only sentences that pass the output checks.
/// Returns null (extractive fallback) on a timeout, an error, malformed output or when nothing is supported.
/// </summary>
public sealed class GenerativeComposer : IGenerativeAnswerComposer
{
    public const string Name = "generative";

    private readonly Kernel kernel;
    private readonly KernelFunction answerFunction;
    private readonly AnsweringOptions options;
    private readonly GroundingChecker checker;
    private readonly ILogger logger;

    public GenerativeComposer(Kernel kernel, PromptTemplateConfig answerPrompt, AnsweringOptions options, ILogger<GenerativeComposer> logger)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        ArgumentNullException.ThrowIfNull(answerPrompt);
        ArgumentNullException.ThrowIfNull(options);
        this.kernel = kernel;
        this.options = options;
        this.logger = logger;
        answerFunction = kernel.CreateFunctionFromPrompt(answerPrompt);
        checker = new GroundingChecker(options.MinSentenceSupport);
    }

    public async Task<ComposedAnswer?> ComposeAsync(ComposeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var given = request.Hits.Take(options.GenerativePassages).Select(h => h.Passage).ToList();
        if (given.Count == 0)
        {
            return null;
        }

        var arguments = new KernelArguments
        {
            ["question"] = request.Question,
            ["query"] = request.Query,
            ["passages"] = NumberedPassages(given),
        };

        var started = Stopwatch.GetTimestamp();
        string? modelText;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(options.TimeoutSeconds));
        try
        {
            var result = await kernel.InvokeAsync(answerFunction, arguments, deadline.Token);
            modelText = result.GetValue<string>();
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            logger.ModelTimedOut(options.TimeoutSeconds);
            return null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Any failure of the model or its endpoint (HTTP error, malformed JSON, SK error) means: answer extractively.
            logger.ModelFailed(ex.GetType().Name, ex);
            return null;
        }

        var checkedText = checker.Check(modelText, given);
        if (checkedText.Kept.Count == 0)
        {
            logger.GeneratedAnswerUnsupported(checkedText.Dropped);
            return null;
        }

        var elapsedMs = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        logger.GeneratedAnswer(checkedText.Kept.Count, checkedText.Dropped, elapsedMs);
        return Renumber(checkedText.Kept, given);
    }

    /// <summary>Passages as the prompt shows them: "[n] Title — Section" then the text.</summary>
    public static string NumberedPassages(IReadOnlyList<Passage> passages)
    {
        ArgumentNullException.ThrowIfNull(passages);
        var builder = new StringBuilder();
        for (var i = 0; i < passages.Count; i++)
        {
            var p = passages[i];
            builder.Append('[').Append(i + 1).Append("] ").Append(p.Title).Append(" — ").Append(p.Section).Append('\n')
                .Append(p.Text.Trim()).Append("\n\n");
        }

        return builder.ToString().TrimEnd();
    }

    // The model cites prompt positions; the reply cites only what it uses, numbered 1..k in order of first use.
    private static ComposedAnswer Renumber(IReadOnlyList<SupportedSentence> kept, List<Passage> given)
    {
        var map = new Dictionary<int, int>();
        foreach (var marker in kept.SelectMany(s => s.Markers))
        {
            map.TryAdd(marker, map.Count + 1);
        }

        var text = string.Join(" ", kept.Select(s => TextAnalysis.RenumberMarkers(s.Text, map)));
        var cited = map.OrderBy(p => p.Value).Select(p => given[p.Key - 1]).ToList();
        return new ComposedAnswer(text, cited, Name, Generated: true);
    }
}
