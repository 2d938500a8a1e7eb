using System.ComponentModel.DataAnnotations;

namespace KetamineFaqBot.Bot.Knowledge;

/// <summary>
/// The semantic layer: local MiniLM embeddings, the route classifier trained into each index version, passage vectors.
/// On by default; off runs the reviewed rules alone (and serves index versions built without the layer).
/// </summary>
public sealed class SemanticsOptions
{
    public const string SectionName = "Semantics";

    public bool Enabled { get; set; } = true;

    /// <summary>Build-time vector cache; empty means <c>embedding-cache</c> under the index root.</summary>
    public string CacheFolder { get; set; } = string.Empty;

    /// <summary>Question embeddings kept in memory (least recently used dropped first).</summary>
    [Range(1, 1_000_000)]
    public int QueryCacheSize { get; set; } = 2048;
}
