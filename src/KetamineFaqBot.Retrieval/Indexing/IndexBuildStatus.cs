namespace KetamineFaqBot.Retrieval.Indexing;

public enum IndexBuildStatus
{
    /// <summary>A new version was written and <c>current</c> now names it.</summary>
    Built,

    /// <summary>The corpus content hash equals the current version's; nothing was written.</summary>
    NoChange,
}
