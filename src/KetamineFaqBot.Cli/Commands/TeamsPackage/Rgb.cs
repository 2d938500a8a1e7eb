using System.Globalization;

namespace KetamineFaqBot.Cli.Commands.TeamsPackage;

/// <summary>An opaque colour, as a manifest's <c>accentColor</c> writes it (<c>#RRGGBB</c>).</summary>
public sealed record Rgb(byte R, byte G, byte B)
{
    public static Rgb White { get; } = new(255, 255, 255);

    /// <summary>Reads <c>#RRGGBB</c>; null when <paramref name="hex"/> is not that.</summary>
    public static Rgb? TryParse(string? hex)
    {
        if (hex is not { Length: 7 } || hex[0] != '#'
            || !int.TryParse(hex.AsSpan(1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value))
        {
            return null;
        }

        return new Rgb((byte)(value >> 16), (byte)(value >> 8), (byte)value);
    }
}
