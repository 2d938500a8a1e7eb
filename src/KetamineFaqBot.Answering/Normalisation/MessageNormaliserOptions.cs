using System.ComponentModel.DataAnnotations;

namespace KetamineFaqBot.Answering.Normalisation;

/// <summary>Limits applied to incoming messages before any rule or search sees them.</summary>
public sealed class MessageNormaliserOptions
{
    public const string SectionName = "Messages";

    /// <summary>Longest message accepted, in characters after clean-up. Longer messages are refused, never truncated.</summary>
    [Range(50, 20_000)]
    public int MaxLength { get; set; } = 1000;
}
