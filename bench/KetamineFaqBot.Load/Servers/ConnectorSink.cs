using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KetamineFaqBot.Load.Servers;

/// <summary>
/// Stands in for a channel's Connector on a loopback port: accepts the bot's reply POSTs, answers with a
/// ResourceResponse at once, and notes when the first message replying to each inbound activity arrived (on this
/// process's <see cref="Stopwatch"/> clock, the same one the requests were timed on).
/// </summary>
internal sealed class ConnectorSink : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, long> _firstMessage = new(StringComparer.Ordinal);
    private int _messages;
    private int _typing;
    private int _other;

    private ConnectorSink(WebApplication app) => _app = app;

    /// <summary>The serviceUrl to put on inbound activities.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public int Messages => Volatile.Read(ref _messages);

    public int Typing => Volatile.Read(ref _typing);

    public int Other => Volatile.Read(ref _other);

    public static async Task<ConnectorSink> StartAsync(CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var sink = new ConnectorSink(app);
        app.MapPost("/{**path}", (Delegate)sink.ReceiveAsync);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        sink.BaseAddress = new Uri(address + "/");
        return sink;
    }

    /// <summary>When the first message replying to <paramref name="activityId"/> arrived, as a Stopwatch timestamp.</summary>
    public bool TryGetArrival(string activityId, out long timestamp) => _firstMessage.TryGetValue(activityId, out timestamp);

    /// <summary>How many of <paramref name="activityIds"/> have a message reply.</summary>
    public int CountReplied(IEnumerable<string> activityIds) => activityIds.Count(_firstMessage.ContainsKey);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task<IResult> ReceiveAsync(HttpContext context)
    {
        var arrived = Stopwatch.GetTimestamp();
        using var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        var type = body.RootElement.TryGetProperty("type", out var t) ? t.GetString() : null;
        var replyToId = body.RootElement.TryGetProperty("replyToId", out var r) ? r.GetString() : null;
        switch (type)
        {
            case "message":
                Interlocked.Increment(ref _messages);
                if (replyToId is not null)
                {
                    _firstMessage.TryAdd(replyToId, arrived);
                }

                break;
            case "typing":
                Interlocked.Increment(ref _typing);
                break;
            default:
                Interlocked.Increment(ref _other);
                break;
        }

        return TypedResults.Json(new ResourceId("sink-" + arrived.ToString(CultureInfo.InvariantCulture)), SinkJson.Default.ResourceId);
    }
}
