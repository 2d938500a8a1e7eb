using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using KetamineFaqBot.Core.Conversations;
using Microsoft.AspNetCore.Http;

namespace KetamineFaqBot.Bot.DirectLine;

/// <summary>
/// A page of the stored log written as a Direct Line ActivitySet straight from the stored JSON: each stored activity
/// gets its id and timestamp spliced in front of its own properties, with no deserialise and serialise round trip.
/// </summary>
/// <remarks>
/// Why: a poll that finds activities used to turn each one into an <see cref="Protocol.Activity"/> and back. The stored
/// JSON is already what <see cref="Protocol.ProtocolJson"/> writes for that activity, minus the id and timestamp the
/// log keeps outside it (ActivityLogDirectLineStore), so the result is the same JSON object with id and timestamp first.
/// </remarks>
public sealed class StoredActivitySet(string conversationId, ActivityLogPage page) : IResult
{
    private static readonly byte[] Start = "{\"activities\":["u8.ToArray();
    private static readonly byte[] IdName = "{\"id\":"u8.ToArray();
    private static readonly byte[] TimestampName = ",\"timestamp\":\""u8.ToArray();
    private static readonly byte[] WatermarkName = "],\"watermark\":\""u8.ToArray();

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var body = new ArrayBufferWriter<byte>(256 + (page.Activities.Count * 1024));
        Write(body);
        httpContext.Response.StatusCode = StatusCodes.Status200OK;
        httpContext.Response.ContentType = "application/json; charset=utf-8";
        httpContext.Response.ContentLength = body.WrittenCount;
        await httpContext.Response.Body.WriteAsync(body.WrittenMemory, httpContext.RequestAborted);
    }

    /// <summary>The ActivitySet's UTF-8 JSON.</summary>
    public void Write(IBufferWriter<byte> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        body.Write(Start);
        for (var i = 0; i < page.Activities.Count; i++)
        {
            var logged = page.Activities[i];
            if (i > 0)
            {
                body.Write(","u8);
            }

            body.Write(IdName);
            WriteString(body, logged.IdIn(conversationId));
            body.Write(TimestampName);
            // The same form as UtcTimestampConverter writes.
            WriteAscii(body, logged.Timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));
            body.Write("\""u8);

            // The stored object's own properties follow, after its opening brace.
            var rest = logged.Json.AsSpan().TrimStart()[1..].TrimStart();
            if (rest.Length > 0 && rest[0] != '}')
            {
                body.Write(","u8);
            }

            WriteUtf8(body, rest);
        }

        body.Write(WatermarkName);
        WriteAscii(body, page.Watermark.ToString(CultureInfo.InvariantCulture));
        body.Write("\"}"u8);
    }

    private static void WriteString(IBufferWriter<byte> body, string value)
    {
        // Escaped as the serializer escapes any string (its default encoder), quotes included.
        body.Write("\""u8);
        body.Write(JsonEncodedText.Encode(value).EncodedUtf8Bytes);
        body.Write("\""u8);
    }

    private static void WriteAscii(IBufferWriter<byte> body, string value) => WriteUtf8(body, value);

    private static void WriteUtf8(IBufferWriter<byte> body, ReadOnlySpan<char> value)
    {
        var span = body.GetSpan(Encoding.UTF8.GetMaxByteCount(value.Length));
        body.Advance(Encoding.UTF8.GetBytes(value, span));
    }
}
