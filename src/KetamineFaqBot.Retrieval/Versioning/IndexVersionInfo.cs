namespace KetamineFaqBot.Retrieval.Versioning;

/// <summary>A version folder found under <c>{Root}/versions</c>.</summary>
/// <param name="Manifest">Null when the manifest is missing or unreadable; <paramref name="Error"/> says why.</param>
public sealed record IndexVersionInfo(string Name, string Path, bool IsCurrent, IndexManifest? Manifest, string? Error);
