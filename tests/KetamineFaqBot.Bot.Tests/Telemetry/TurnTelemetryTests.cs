using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KetamineFaqBot.Bot.Telemetry;
using KetamineFaqBot.Bot.Tests.TestSupport;
using KetamineFaqBot.Core.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace KetamineFaqBot.Bot.Tests.Telemetry;

public sealed class TurnTelemetryTests
{
    [Fact]
    public async Task Message_ThroughRealHost_TurnSpanWithStageChildren_AndNoTextOrIdInAnySpanOrMetric()
    {
        var marker = "marker" + Guid.NewGuid().ToString("N");
        var conversationId = "conv-" + Guid.NewGuid().ToString("N");
        var userId = "29-user-" + Guid.NewGuid().ToString("N");
        var spans = new LockedCollection<Activity>();
        var metrics = new LockedCollection<MetricSnapshot>();
        await using var connector = await FakeConnector.StartAsync();
        await using var host = BotTestHost.StartProductionLike(
            new Dictionary<string, string?>(),
            services => services.AddOpenTelemetry()
                .WithTracing(tracing => tracing.AddInMemoryExporter(spans))
                .WithMetrics(meters => meters.AddInMemoryExporter(metrics)));
        using var http = host.CreateHttpClient();

        // The request goes out in a trace of the test's own, so the bot's spans for it can be told from any other's.
        using var caller = new Activity("test caller").SetParentId(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded).Start();
        var traceId = caller.TraceId;
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/messages")
        {
            Content = JsonContent.Create(new JsonObject
            {
                ["type"] = "message",
                ["id"] = "in-1",
                ["channelId"] = "emulator",
                ["serviceUrl"] = connector.BaseAddress.ToString(),
                ["from"] = new JsonObject { ["id"] = userId, ["name"] = "User" },
                ["recipient"] = new JsonObject { ["id"] = "28-bot", ["name"] = "Bot" },
                ["conversation"] = new JsonObject { ["id"] = conversationId },
                ["locale"] = "en-US",
                ["text"] = $"Can you get addicted to ketamine treatment, and how addictive is ketamine when used for depression? {marker}",
            }),
        };
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = await connector.NextMessageAsync();
        Assert.Contains(conversationId, reply.Path, StringComparison.Ordinal);

        // The turn's span ends once the reply is sent and recorded; it joins the trace of the request that brought it.
        var turn = await Eventually.ValueAsync(() => Task.FromResult(
            spans.Snapshot().FirstOrDefault(s => s.TraceId == traceId && s.OperationName == TurnSpans.TurnName)));
        Assert.Equal("answer", turn.GetTagItem(TelemetryNames.RouteTag));
        Assert.Equal("emulator", turn.GetTagItem(TelemetryNames.ChannelTag));
        var children = spans.Snapshot().Where(s => s.ParentSpanId == turn.SpanId).ToList();
        foreach (var stage in new[] { "guardrails", "retrieval", "compose", "checks", "store" })
        {
            Assert.Contains(children, s => s.OperationName == stage && s.Source.Name == TelemetryNames.Source);
        }

        Assert.Contains(children, s => s.OperationName == "store" && (string?)s.GetTagItem(TelemetryNames.StoreOperationTag) == "load");
        Assert.Contains(children, s => s.OperationName == "store" && (string?)s.GetTagItem(TelemetryNames.StoreOperationTag) == "save");
        Assert.Equal("answer", children.Single(s => s.OperationName == "checks" && s.GetTagItem(TelemetryNames.RouteTag) is not null).GetTagItem(TelemetryNames.RouteTag));
        // The reply to the connector is a client span of the turn, the inbound POST its server parent.
        Assert.Contains(children, s => s.Kind == ActivityKind.Client);
        Assert.Contains(spans.Snapshot(), s => s.TraceId == traceId && s.Kind == ActivityKind.Server && s.SpanId == turn.ParentSpanId);

        host.Services.GetRequiredService<MeterProvider>().ForceFlush();
        var replies = metrics.Snapshot().Where(m => m.Name == BotMetrics.RepliesName).SelectMany(m => m.MetricPoints).ToList();
        Assert.Contains(replies, p => Tags(p).Contains(new(TelemetryNames.RouteTag, "answer")) && Tags(p).Contains(new(TelemetryNames.ChannelTag, "emulator")));

        string[] secrets = [marker, conversationId, userId];
        foreach (var span in spans.Snapshot())
        {
            var texts = new List<string?> { span.DisplayName, span.OperationName, span.StatusDescription };
            texts.AddRange(span.TagObjects.SelectMany(t => new[] { t.Key, Convert.ToString(t.Value, System.Globalization.CultureInfo.InvariantCulture) }));
            texts.AddRange(span.Events.SelectMany(e => e.Tags.Select(t => $"{t.Key}={t.Value}").Prepend(e.Name)));
            texts.AddRange(span.Links.SelectMany(l => l.Tags?.Select(t => $"{t.Key}={t.Value}") ?? []));
            texts.AddRange(span.Baggage.Select(b => $"{b.Key}={b.Value}"));
            AssertNoSecret(secrets, texts, $"span {span.Source.Name}/{span.DisplayName}");
        }

        foreach (var metric in metrics.Snapshot())
        {
            var texts = new List<string?> { metric.Name, metric.Description, metric.Unit };
            texts.AddRange(metric.MetricPoints.SelectMany(p => Tags(p).SelectMany(t => new[] { t.Key, Convert.ToString(t.Value, System.Globalization.CultureInfo.InvariantCulture) })));
            AssertNoSecret(secrets, texts, $"metric {metric.Name}");
        }
    }

    private static List<KeyValuePair<string, object?>> Tags(MetricPoint point)
    {
        var tags = new List<KeyValuePair<string, object?>>();
        foreach (var tag in point.Tags)
        {
            tags.Add(tag);
        }

        return tags;
    }

    private static void AssertNoSecret(string[] secrets, IEnumerable<string?> texts, string where)
    {
        foreach (var text in texts.OfType<string>())
        {
            foreach (var secret in secrets)
            {
                Assert.False(text.Contains(secret, StringComparison.OrdinalIgnoreCase), $"{where} carries '{secret}' in '{text}'");
            }
        }
    }
}
