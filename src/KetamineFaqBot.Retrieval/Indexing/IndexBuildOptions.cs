using System.ComponentModel.DataAnnotations;
using KetamineFaqBot.Core.Retrieval;

namespace KetamineFaqBot.Retrieval.Indexing;

/// <summary>Where and how index versions are written.</summary>
public sealed class IndexBuildOptions
{
    public const string SectionName = "Index";

    /// <summary>Index root: holds <c>versions/</c> and the <c>current</c> pointer.</summary>
    [Required]
    public string Root { get; set; } = string.Empty;

    /// <summary>Versions kept for rollback, the current one always included.</summary>
    [Range(1, 1000)]
    public int KeepVersions { get; set; } = 5;

    /// <summary>Recorded in the manifest; empty means this assembly's version.</summary>
    public string ToolVersion { get; set; } = string.Empty;

    /// <summary>Built into the version beside the Lucene files (passage vectors, route classifier); none by default.</summary>
    public IReadOnlyList<IIndexExtension> Extensions { get; set; } = [];
}
