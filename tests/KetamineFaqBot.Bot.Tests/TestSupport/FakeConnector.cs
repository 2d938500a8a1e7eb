using System.Globalization;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KetamineFaqBot.Bot.Tests.TestSupport;

/// <summary>A loopback stand-in for a channel's Connector: records every POST and answers with a ResourceResponse.</summary>
public sealed class FakeConnector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Channel<RecordedPost> _posts = Channel.CreateUnbounded<RecordedPost>();
    private int _count;

    private FakeConnector(WebApplication app) => _app = app;

    /// <summary>
    /// The setting that lets an anonymous bot reply here: start the connector first, then the bot with
    /// <c>[ReplyPortSetting] = ReplyPort</c>.
    /// </summary>
    public const string ReplyPortSetting = "Bot:AllowedLoopbackReplyPorts:0";

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>This connector's port, the value for <see cref="ReplyPortSetting"/>.</summary>
    public string ReplyPort => BaseAddress.Port.ToString(CultureInfo.InvariantCulture);

    public static async Task<FakeConnector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var connector = new FakeConnector(app);
        app.MapPost("/{**path}", async (HttpContext context) =>
        {
            var body = await JsonNode.ParseAsync(context.Request.Body);
            var id = "reply-" + Interlocked.Increment(ref connector._count).ToString(CultureInfo.InvariantCulture);
            var authorization = context.Request.Headers.Authorization.ToString();
            var rawPath = context.Features.Get<IHttpRequestFeature>()!.RawTarget;
            await connector._posts.Writer.WriteAsync(new RecordedPost(rawPath, authorization, (JsonObject)body!, id));
            return Results.Json(new { id });
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        connector.BaseAddress = new Uri(address + "/");
        return connector;
    }

    /// <summary>The next recorded POST; fails the test if none arrives within the time limit.</summary>
    public async Task<RecordedPost> NextAsync(TimeSpan? timeout = null)
    {
        using var cancellation = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(20));
        return await _posts.Reader.ReadAsync(cancellation.Token);
    }

    /// <summary>The next recorded POST that is not a typing activity.</summary>
    public async Task<RecordedPost> NextMessageAsync()
    {
        while (true)
        {
            var post = await NextAsync();
            if ((string?)post.Body["type"] != "typing")
            {
                return post;
            }
        }
    }

    public bool TryTake(out RecordedPost? post) => _posts.Reader.TryRead(out post);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
