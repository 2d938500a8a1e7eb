using System.Buffers;
using System.Net.Http.Headers;
using System.Text.Json;

namespace KetamineFaqBot.Load.Scenarios;

/// <summary>The JSON bodies the run sends, built before the clock starts so the client's own work stays small.</summary>
internal static class ActivityPayloads
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    /// <summary>A Direct Line message as Web Chat posts it (the echo baseline gets the same body).</summary>
    public static byte[] DirectLineMessage(string text) => Write(writer =>
    {
        writer.WriteString("type", "message");
        writer.WriteString("text", text);
        writer.WriteString("locale", "en-US");
        writer.WriteStartObject("from");
        writer.WriteString("id", "user-1");
        writer.WriteString("role", "user");
        writer.WriteEndObject();
    });

    /// <summary>A Bot Framework message activity as the Emulator posts it to /api/messages in anonymous mode.</summary>
    public static byte[] BotFrameworkMessage(string id, string conversationId, string text, Uri serviceUrl) => Write(writer =>
    {
        writer.WriteString("type", "message");
        writer.WriteString("id", id);
        writer.WriteString("channelId", "emulator");
        writer.WriteString("serviceUrl", serviceUrl.ToString());
        writer.WriteStartObject("from");
        writer.WriteString("id", "load-user-" + conversationId);
        writer.WriteString("name", "Load");
        writer.WriteEndObject();
        writer.WriteStartObject("recipient");
        writer.WriteString("id", "ketaminefaqbot");
        writer.WriteString("name", "Ketamine FAQ");
        writer.WriteEndObject();
        writer.WriteStartObject("conversation");
        writer.WriteString("id", conversationId);
        writer.WriteEndObject();
        writer.WriteString("locale", "en-US");
        writer.WriteString("text", text);
    });

    public static HttpRequestMessage Post(string path, byte[] body, string? bearer = null)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = Json;
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return request;
    }

    private static byte[] Write(Action<Utf8JsonWriter> properties)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            properties(writer);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
