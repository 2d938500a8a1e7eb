using System.ComponentModel.DataAnnotations;

namespace KetamineFaqBot.Bot.Admin;

/// <summary>The content owners' admin API (section "Admin"). No key configured: the API does not exist (404).</summary>
public sealed class AdminOptions : IValidatableObject
{
    public const string SectionName = "Admin";

    /// <summary>Sent as <c>Authorization: Bearer &lt;key&gt;</c> or <c>X-Api-Key: &lt;key&gt;</c>. Set it from a secret store, never in a file.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Admin requests allowed per client address per minute, wrong keys included.</summary>
    [Range(1, 10_000)]
    public int RequestsPerMinute { get; set; } = 30;

    /// <summary>Index versions kept when the admin API rebuilds the index.</summary>
    [Range(1, 100)]
    public int KeepVersions { get; set; } = 5;

    public bool Enabled => !string.IsNullOrEmpty(ApiKey);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // SAFETY: a short key is guessable even behind the rate limit; empty means the API is off.
        if (Enabled && ApiKey!.Length < 24)
        {
            yield return new ValidationResult("Admin:ApiKey must be at least 24 characters (or empty to disable the admin API).", [nameof(ApiKey)]);
        }
    }
}
