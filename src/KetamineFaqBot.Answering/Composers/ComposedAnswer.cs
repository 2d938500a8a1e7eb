using KetamineFaqBot.Core.Corpus;

namespace KetamineFaqBot.Answering.Composers;

/// <summary>A composer's reply before the footer: text with [n] markers and the cited passages in marker order.</summary>
/// <param name="Text">Answer text; every marker [n] refers to <c>Cited[n - 1]</c>.</param>
/// <param name="Cited">Cited passages, position n at index n - 1.</param>
/// <param name="Composer">faq | extractive | generative.</param>
/// <param name="Generated">True only when model text is sent.</param>
public sealed record ComposedAnswer(string Text, IReadOnlyList<Passage> Cited, string Composer, bool Generated = false);
