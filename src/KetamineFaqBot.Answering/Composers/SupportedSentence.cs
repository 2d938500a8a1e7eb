namespace KetamineFaqBot.Answering.Composers;

/// <summary>A generated sentence that passed the output checks, with the prompt positions it cites.</summary>
public sealed record SupportedSentence(string Text, IReadOnlyList<int> Markers);
