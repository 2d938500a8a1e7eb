using System.Net.Http.Headers;
using System.Text.Json;

namespace KetamineFaqBot.Load.Scenarios;

/// <summary>
/// Reads a conversation's activity log through <c>GET …/activities?watermark=</c>, page by page, from the watermark of
/// the previous read on: like a Direct Line client polling, it asks only for what is new.
/// </summary>
internal static class DirectLineLogReader
{
    public static async Task ReadNewAsync(HttpClient client, DirectLineConversation conversation, CancellationToken cancellationToken = default)
    {
        var activities = conversation.Log;
        var watermark = conversation.Watermark;
        while (true)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"v3/directline/conversations/{conversation.Id}/activities?watermark={watermark}");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", conversation.Token);
            using var response = await client.SendAsync(request, cancellationToken);
            response.EnsureSuccessStatusCode();
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            using var page = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
            var items = page.RootElement.GetProperty("activities");
            foreach (var item in items.EnumerateArray())
            {
                activities.Add(new LoggedActivity(
                    item.GetProperty("id").GetString()!,
                    item.GetProperty("type").GetString()!,
                    item.TryGetProperty("from", out var from) && from.TryGetProperty("role", out var role) ? role.GetString() : null,
                    item.TryGetProperty("replyToId", out var replyTo) ? replyTo.GetString() : null,
                    item.GetProperty("timestamp").GetDateTimeOffset()));
            }

            var next = page.RootElement.GetProperty("watermark").GetString() ?? string.Empty;
            if (items.GetArrayLength() == 0 || next == watermark)
            {
                conversation.Watermark = watermark;
                return;
            }

            watermark = next;
        }
    }
}
