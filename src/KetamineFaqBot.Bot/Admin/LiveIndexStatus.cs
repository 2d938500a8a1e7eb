using KetamineFaqBot.Retrieval.Versioning;

namespace KetamineFaqBot.Bot.Admin;

/// <summary>Body of <c>GET /admin/index</c>: the version being served, its manifest, and every version on disk.</summary>
public sealed record LiveIndexStatus(string Live, IndexManifest Manifest, IReadOnlyList<IndexVersionStatus> Versions);
