using System.ComponentModel.DataAnnotations;

namespace KetamineFaqBot.Bot.Knowledge;

/// <summary>Where the bot finds its vetted content, rules and index. Relative paths are resolved from the working
/// directory, or from the nearest parent folder holding <c>corpus/</c> and <c>prompts/</c> (so
/// <c>dotnet run --project src/KetamineFaqBot.Bot</c> works from anywhere in the repository).</summary>
public sealed class KnowledgeOptions
{
    public const string SectionName = "Knowledge";

    /// <summary>Also accepted for the index root, the name content owners' tooling uses (<c>Index__Root</c>).</summary>
    public const string IndexRootAlias = "Index:Root";

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

    /// <summary>The section as bound, with <c>Index:Root</c> taking precedence over <c>Knowledge:IndexRoot</c> when set.</summary>
    public static KnowledgeOptions From(Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection(SectionName).Get<KnowledgeOptions>() ?? new KnowledgeOptions();
        ApplyAlias(options, configuration);
        return options;
    }

    public static void ApplyAlias(KnowledgeOptions options, Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration[IndexRootAlias] is { Length: > 0 } root)
        {
            options.IndexRoot = root;
        }
    }
}
