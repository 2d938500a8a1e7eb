namespace KetamineFaqBot.Core.Retrieval;

/// <summary>Ranked passage search over the live index version. Nothing outside Retrieval sees a Lucene type.</summary>
public interface IRetriever
{
    /// <summary>Version id of the index currently served.</summary>
    string CorpusVersion { get; }

    IReadOnlyList<SearchHit> Search(string query, int top = 10, CancellationToken cancellationToken = default);

    /// <summary>Every passage of the live version, by id (text is held in memory).</summary>
    IReadOnlyDictionary<string, Corpus.Passage> Passages { get; }

    /// <summary>What an <see cref="IIndexExtension"/> loaded for the version served, or null when it has none.</summary>
    T? Extension<T>()
        where T : class => null;
}
