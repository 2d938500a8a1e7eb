namespace KetamineFaqBot.Retrieval.Versioning;

/// <summary>One corpus document as it was when a version was built.</summary>
/// <param name="Path">Path relative to the corpus folder.</param>
/// <param name="Hash">SHA-256 (hex) of the file bytes.</param>
public sealed record ManifestDocument(string Id, string Path, string Hash);
