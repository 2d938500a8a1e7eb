using KetamineFaqBot.Core.Answering;
using Route = KetamineFaqBot.Core.Answering.Route;

namespace KetamineFaqBot.Bot.Placeholders;

/// <summary>
/// PLACEHOLDER until the real pipeline is wired into AddAnswerPipeline: one fixed cited answer for every message, and the
/// fixed crisis text for a message with an obvious crisis word. It only lets the host run; it is not the product.
/// </summary>
public sealed class PlaceholderAnswerService(IResponseTexts texts) : IAnswerService
{
    public Task<Answer> AnswerAsync(Turn turn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var content = PlaceholderContent.Current;

        // SAFETY: even the placeholder never answers an obvious crisis message with content.
        if (content.CrisisWords.Any(w => turn.Text.Contains(w, StringComparison.OrdinalIgnoreCase)))
        {
            return Task.FromResult(new Answer(
                Route.Crisis, texts.Text("crisis", turn.Locale), [], [], new Provenance("placeholder", [], ["placeholder.crisis"], "fixed")));
        }

        var answer = content.Answer;
        var citation = new Citation(1, "placeholder", answer.CitationTitle, answer.CitationSection, answer.CitationTopic, answer.CitationSource, "placeholder#overview");
        return Task.FromResult(new Answer(
            Route.Answer, answer.Text, [citation], answer.Suggestions, new Provenance("placeholder", ["placeholder#overview"], [], "extractive")));
    }
}
