namespace KetamineFaqBot.Core.Answering;

/// <summary>The pipeline's reply to one turn.</summary>
/// <param name="Route">Which route produced the reply.</param>
/// <param name="Text">Reply text (Markdown, with [n] citation markers for answers).</param>
/// <param name="Citations">Cited passages, positions matching the markers.</param>
/// <param name="Suggestions">Up to three follow-up questions.</param>
/// <param name="Provenance">Where the reply came from.</param>
/// <param name="Generated">True only when a model wrote the text (drives the AI label).</param>
public sealed record Answer(
    Route Route,
    string Text,
    IReadOnlyList<Citation> Citations,
    IReadOnlyList<string> Suggestions,
    Provenance Provenance,
    bool Generated = false);
