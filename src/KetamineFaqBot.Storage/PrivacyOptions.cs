namespace KetamineFaqBot.Storage;

/// <summary>Privacy settings (section "Privacy").</summary>
public sealed class PrivacyOptions
{
    public const string SectionName = "Privacy";

    /// <summary>
    /// Keep the (redacted) question and reply text with each answer record. Off by default: provenance records
    /// name passages and rules, never what the user wrote.
    /// </summary>
    public bool StoreTranscripts { get; set; }
}
