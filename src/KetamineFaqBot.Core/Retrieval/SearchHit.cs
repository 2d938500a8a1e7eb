using KetamineFaqBot.Core.Corpus;

namespace KetamineFaqBot.Core.Retrieval;

/// <summary>A ranked passage; <see cref="Score"/> is the raw BM25 score from the live index.</summary>
public sealed record SearchHit(Passage Passage, float Score);
