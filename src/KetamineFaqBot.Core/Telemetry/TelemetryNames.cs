namespace KetamineFaqBot.Core.Telemetry;

/// <summary>
/// The one name of the bot's <c>ActivitySource</c> and <c>Meter</c>, and the tag keys its spans and metrics use. Tags
/// carry only values from fixed sets (routes, channels, layers, stages): never message text, user or conversation
/// ids, or tokens.
/// </summary>
public static class TelemetryNames
{
    /// <summary>Name of every ActivitySource and Meter the bot's own code creates.</summary>
    public const string Source = "KetamineFaqBot";

    public const string RouteTag = "kfaq.route";
    public const string ChannelTag = "kfaq.channel";
    public const string ActivityTypeTag = "kfaq.activity_type";
    public const string RoutingLayerTag = "kfaq.routing.layer";
    public const string GateLayerTag = "kfaq.gate.layer";
    public const string ComposerTag = "kfaq.composer";
    public const string StoreOperationTag = "kfaq.store.operation";
    public const string RatingTag = "kfaq.rating";
    public const string IndexVersionTag = "kfaq.index.version";
    public const string ErrorTypeTag = "error.type";

    /// <summary>Channel ids reported as they are; any other value (a client may send anything) is "other".</summary>
    private static readonly string[] KnownChannels = ["msteams", "directline", "webchat", "emulator", "test", "cli"];

    /// <summary>The channel as a tag value: a known channel id, or "other".</summary>
    public static string Channel(string? channelId) =>
        Array.Find(KnownChannels, c => string.Equals(c, channelId, StringComparison.Ordinal)) ?? "other";
}
