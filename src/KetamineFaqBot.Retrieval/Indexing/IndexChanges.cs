namespace KetamineFaqBot.Retrieval.Indexing;

/// <summary>Document paths that differ from the version that was current before the build.</summary>
public sealed record IndexChanges(IReadOnlyList<string> Added, IReadOnlyList<string> Changed, IReadOnlyList<string> Removed)
{
    public static IndexChanges None { get; } = new([], [], []);

    public bool IsEmpty => Added.Count == 0 && Changed.Count == 0 && Removed.Count == 0;
}
