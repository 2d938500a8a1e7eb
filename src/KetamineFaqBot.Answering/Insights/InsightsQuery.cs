using KetamineFaqBot.Core.Corpus;

namespace KetamineFaqBot.Answering.Insights;

/// <summary>What to build a report over.</summary>
/// <param name="Documents">The corpus documents (for review dates), overdue ones included.</param>
/// <param name="Passages">The live index's passages (for titles of disliked answers' passages), when available.</param>
public sealed record InsightsQuery(
    IReadOnlyList<CorpusDocument> Documents,
    IReadOnlyDictionary<string, Passage>? Passages = null,
    string? CorpusVersion = null,
    int Days = 30,
    int Top = 20,
    int ReviewWindowDays = 30);
