using System.ComponentModel.DataAnnotations;

namespace KetamineFaqBot.Bot.Knowledge;

/// <summary>Where the bot finds its vetted content, rules and index. Relative paths are resolved from the working
/// directory, or from the nearest parent folder holding <c>corpus/</c> and <c>prompts/</c> (so
/// <c>dotnet run --project src/KetamineFaqBot.Bot</c> works from anywhere in the repository).</summary>
public sealed class KnowledgeOptions
{
    public const string SectionName = "Knowledge";

    [Required]
    public string CorpusFolder { get; set; } = "corpus";

    [Required]
    public string PromptsFolder { get; set; } = "prompts";

    /// <summary>Index root shared with <c>kfaq index</c>.</summary>
    [Required]
    public string IndexRoot { get; set; } = "data/index";

    /// <summary>Build the index from the corpus at start-up when none exists yet.</summary>
    public bool BuildIndexOnStart { get; set; } = true;

    /// <summary>How often the bot checks the index's <c>current</c> pointer, besides file notifications.</summary>
    [Range(1, 3600)]
    public int WatchIntervalSeconds { get; set; } = 30;
}
