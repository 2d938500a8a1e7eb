using KetamineFaqBot.Retrieval.Versioning;

namespace KetamineFaqBot.Retrieval.Indexing;

/// <summary>The outcome of <see cref="IndexBuilder.Build"/>.</summary>
/// <param name="Version">The version now current (the new one, or the unchanged one).</param>
/// <param name="VersionPath">Its folder.</param>
/// <param name="Changes">Document changes against the previously current version (empty for <see cref="IndexBuildStatus.NoChange"/>).</param>
/// <param name="PrunedVersions">Old versions deleted to keep <see cref="IndexBuildOptions.KeepVersions"/>.</param>
public sealed record IndexBuildResult(
    IndexBuildStatus Status,
    string Version,
    string VersionPath,
    IndexManifest Manifest,
    IndexChanges Changes,
    IReadOnlyList<string> PrunedVersions);
