using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using KetamineFaqBot.Bot.Protocol;
using Microsoft.AspNetCore.Http;

namespace KetamineFaqBot.Bot.DirectLine;

/// <summary>Small request helpers shared by the Direct Line endpoints: ids, watermarks, token bodies.</summary>
public static partial class DirectLineRequests
{
    public static long ParseWatermark(string? watermark) =>
        long.TryParse(watermark, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : 0;

    public static string NewConversationId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));

    public static string UserIdFrom(TokenRequest? body) =>
        body?.User?.Id is { } id && UserIdPattern().IsMatch(id) ? id : "dl_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    /// <summary>The optional {user, locale} body; anything missing, oversized or malformed counts as no body.</summary>
    public static async Task<TokenRequest?> ReadTokenRequestAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        const int MaxBytes = 16 * 1024;
        if (request.ContentLength is 0 or > MaxBytes || !(request.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) ?? false))
        {
            return null;
        }

        var buffer = new byte[MaxBytes + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
        {
            length += read;
        }

        if (length > MaxBytes)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<TokenRequest>(buffer.AsSpan(0, length), ProtocolJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [GeneratedRegex("^dl_[A-Za-z0-9_-]{1,64}$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex UserIdPattern();
}
