using System.ComponentModel.DataAnnotations;

namespace KetamineFaqBot.Bot.Options;

/// <summary>What the web chat page shows: served as /webchat/settings.json so it changes without editing HTML.</summary>
public sealed class WebChatOptions
{
    public const string SectionName = "WebChat";

    [Required]
    public string Title { get; set; } = "Ketamine treatment questions";

    /// <summary>The clinic named under the title; empty (the default) shows none, and the bot warns at start outside Development.</summary>
    public string ClinicName { get; set; } = string.Empty;

    [Required]
    public string Notice { get; set; } =
        "General information, not medical advice. In a crisis call or text 988, or call 911.";

    [Required]
    [RegularExpression("^#[0-9a-fA-F]{6}$")]
    public string AccentColor { get; set; } = "#2f5d8a";

    [Required]
    [RegularExpression("^#[0-9a-fA-F]{6}$")]
    public string BackgroundColor { get; set; } = "#f7f9fb";

    [Required]
    public string Locale { get; set; } = "en-US";

    /// <summary>
    /// Origins allowed to show the page in a frame (a clinic's own site that embeds the chat), such as
    /// <c>https://clinic.example</c>. Empty (default): no site may frame it. Checked at start by <see cref="WebChatOptionsValidator"/>.
    /// </summary>
    public IList<string> FrameAncestors { get; set; } = [];
}
