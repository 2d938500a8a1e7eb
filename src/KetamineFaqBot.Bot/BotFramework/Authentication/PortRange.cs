using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace KetamineFaqBot.Bot.BotFramework.Authentication;

/// <summary>One entry of <see cref="BotAuthenticationOptions.AllowedLoopbackReplyPorts"/>: a port (<c>3978</c>) or an inclusive range (<c>49152-65535</c>).</summary>
internal sealed record PortRange(int From, int To)
{
    public const int MinPort = 1;
    public const int MaxPort = 65535;

    public bool Contains(int port) => port >= From && port <= To;

    public static bool TryParse(string? entry, [NotNullWhen(true)] out PortRange? range, [NotNullWhen(false)] out string? error)
    {
        range = null;
        string text = (entry ?? string.Empty).Trim();
        int dash = text.IndexOf('-', StringComparison.Ordinal);
        string fromText = dash < 0 ? text : text[..dash].Trim();
        string toText = dash < 0 ? text : text[(dash + 1)..].Trim();

        if (!TryParsePort(fromText, out int from) || !TryParsePort(toText, out int to))
        {
            error = string.Create(CultureInfo.InvariantCulture, $"'{entry}' is not a port ({MinPort}–{MaxPort}) or a range of ports such as 49152-65535.");
            return false;
        }

        if (from > to)
        {
            error = string.Create(CultureInfo.InvariantCulture, $"'{entry}' is an empty range: its first port is above its last.");
            return false;
        }

        range = new PortRange(from, to);
        error = null;
        return true;
    }

    private static bool TryParsePort(string text, out int port) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out port) && port is >= MinPort and <= MaxPort;
}
