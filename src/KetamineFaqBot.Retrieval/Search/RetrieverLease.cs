namespace KetamineFaqBot.Retrieval.Search;

/// <summary>
/// Reference count around one retriever: the live index holds one reference while it serves the version, each
/// search holds one while it runs, and the last release disposes the retriever.
/// </summary>
internal sealed class RetrieverLease(LuceneRetriever retriever)
{
    private int references = 1;

    public LuceneRetriever Retriever => retriever;

    /// <summary>False once the count has reached zero: the retriever is gone and the caller must read the new current lease.</summary>
    public bool TryAddReference()
    {
        var count = Volatile.Read(ref references);
        while (count > 0)
        {
            var seen = Interlocked.CompareExchange(ref references, count + 1, count);
            if (seen == count)
            {
                return true;
            }

            count = seen;
        }

        return false;
    }

    public void Release()
    {
        if (Interlocked.Decrement(ref references) == 0)
        {
            retriever.Dispose();
        }
    }
}
