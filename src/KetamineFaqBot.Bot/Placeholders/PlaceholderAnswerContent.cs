namespace KetamineFaqBot.Bot.Placeholders;

internal sealed record PlaceholderAnswerContent(
    string Text,
    string CitationTitle,
    string CitationSection,
    string CitationTopic,
    string CitationSource,
    IReadOnlyList<string> Suggestions);
