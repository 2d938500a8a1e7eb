using System.Globalization;
using System.Net.WebSockets;
using System.Text.Json;
using KetamineFaqBot.Bot.DirectLine.Logging;
using KetamineFaqBot.Bot.Hosting;
using KetamineFaqBot.Bot.Protocol;
using KetamineFaqBot.Storage.Resilience;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace KetamineFaqBot.Bot.DirectLine;

/// <summary>The streamUrl WebSocket: the backlog after the watermark, then every new activity as an ActivitySet frame.</summary>
public static class DirectLineStreamEndpoint
{
    public static async Task<IResult> AcceptAsync(
        string conversationId, string? t, string? watermark, HttpContext context, DirectLineAuthorizer authorizer,
        DirectLineConversations conversations, DirectLineStreamLimiter streams, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (_, error) = await authorizer.AuthorizeAsync(t ?? DirectLineAuthorizer.BearerOf(context.Request), conversationId, cancellationToken: context.RequestAborted);
        if (error is not null)
        {
            return error;
        }

        if (!context.WebSockets.IsWebSocketRequest)
        {
            return TypedResults.Problem("This endpoint only accepts WebSocket requests.", statusCode: StatusCodes.Status400BadRequest);
        }

        using var slot = streams.TryOpen(conversationId);
        if (slot is null)
        {
            return RetryAfterHeader.TooManyRequests(context.Response, "This conversation has as many streams open as it may; close one first.", TimeSpan.FromSeconds(RetryAfterHeader.BusySeconds));
        }

        var logger = loggerFactory.CreateLogger(typeof(DirectLineStreamEndpoint));
        using var socket = await context.WebSockets.AcceptWebSocketAsync();

        // Subscribe before reading the backlog, then skip pushed items already sent, so nothing falls in between.
        using var subscription = conversations.Hub.Subscribe(conversationId);
        using var closing = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        var reader = DrainClientAsync(socket, closing);
        try
        {
            var backlog = await conversations.Store.GetAfterAsync(conversationId, DirectLineRequests.ParseWatermark(watermark), int.MaxValue, closing.Token);
            var sent = backlog?.Watermark ?? 0;
            if (backlog is { Activities.Count: > 0 })
            {
                await SendAsync(socket, new ActivitySet(backlog.Activities, sent.ToString(CultureInfo.InvariantCulture)), closing.Token);
            }

            await foreach (var (sequence, activity) in subscription.Reader.ReadAllAsync(closing.Token))
            {
                if (sequence is null)
                {
                    await SendAsync(socket, new ActivitySet([activity], sent.ToString(CultureInfo.InvariantCulture)), closing.Token);
                }
                else if (sequence > sent)
                {
                    sent = sequence.Value;
                    await SendAsync(socket, new ActivitySet([activity], sent.ToString(CultureInfo.InvariantCulture)), closing.Token);
                }
            }

            DirectLineLog.StreamClosed(logger, conversationId, "subscription ended");
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            var reason = ex.GetType().Name;
            DirectLineLog.StreamClosed(logger, conversationId, reason);
        }
        catch (Exception ex) when (StoreFaults.IsUnavailable(ex))
        {
            // The socket is open, so no 503 can be sent: close it, and Direct Line JS reconnects (and gets the 503 then).
            DirectLineLog.StreamClosed(logger, conversationId, "store unavailable");
            await CloseQuietlyAsync(socket, WebSocketCloseStatus.InternalServerError, "store unavailable");
        }
        finally
        {
            await closing.CancelAsync();
            await reader;
        }

        return TypedResults.Empty;
    }

    private static async Task SendAsync(WebSocket socket, ActivitySet set, CancellationToken cancellationToken)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(set, ProtocolJson.Options);
        await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
    }

    private static async Task CloseQuietlyAsync(WebSocket socket, WebSocketCloseStatus status, string reason)
    {
        try
        {
            await socket.CloseOutputAsync(status, reason, CancellationToken.None);
        }
        catch (Exception ex) when (ex is WebSocketException or InvalidOperationException or OperationCanceledException)
        {
            // The client is gone already.
        }
    }

    /// <summary>Reads (and ignores) the client's keep-alive frames; a close from the client ends the stream.</summary>
    private static async Task DrainClientAsync(WebSocket socket, CancellationTokenSource closing)
    {
        var buffer = new byte[1024];
        try
        {
            while (socket.State == WebSocketState.Open && !closing.IsCancellationRequested)
            {
                var result = await socket.ReceiveAsync(buffer, closing.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                    break;
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // The stream is going away either way.
        }
        finally
        {
            await closing.CancelAsync();
        }
    }
}
