using System.Net;
using System.Text.Json;
using KetamineFaqBot.Answering.Composers;
using KetamineFaqBot.Answering.Generative;
using KetamineFaqBot.Answering.Tests.Pipeline;
using KetamineFaqBot.Answering.Tests.TestDoubles;
using KetamineFaqBot.Core.Retrieval;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace KetamineFaqBot.Answering.Tests.Generative;

/// <summary>
/// The generative composer against a real OpenAI-compatible HTTP endpoint on loopback (Kestrel): the request's
/// wire format, a normal reply, and every failure that must end in the extractive fallback.
/// </summary>
public sealed class OpenAiCompatibleContractTests : IAsyncLifetime
{
    private const string Question = "What side effects does ketamine have?";

    private WebApplication? server;
    private Uri? endpoint;
    private Func<HttpContext, Task> respond = _ => Task.CompletedTask;

    public List<(string Body, string? Authorization, string Path)> Requests { get; } = [];

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        server = builder.Build();
        server.MapPost("/v1/chat/completions", async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            Requests.Add((await reader.ReadToEndAsync(), context.Request.Headers.Authorization.ToString(), context.Request.Path));
            await respond(context);
        });
        await server.StartAsync();
        var address = server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        endpoint = new Uri(address.TrimEnd('/') + "/v1");
    }

    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }

    [Fact]
    public async Task ComposeAsync_NormalReply_SendsOpenAiRequestAndReturnsGeneratedAnswer()
    {
        respond = context => Completion(context, "Common side effects include nausea and dissociation [1].");
        var (composer, request) = Create();

        var composed = await composer.ComposeAsync(request);

        Assert.NotNull(composed);
        Assert.True(composed.Generated);
        Assert.Equal("Common side effects include nausea and dissociation [1].", composed.Text);

        var (body, authorization, path) = Assert.Single(Requests);
        Assert.Equal("/v1/chat/completions", path);
        Assert.Equal("Bearer unused", authorization);
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        Assert.Equal("test-model", root.GetProperty("model").GetString());
        Assert.Equal(0, root.GetProperty("temperature").GetDouble());
        var messages = root.GetProperty("messages").EnumerateArray().ToList();
        Assert.Equal(["system", "user"], messages.Select(m => m.GetProperty("role").GetString()));
        var system = MessageText(messages[0]);
        Assert.Contains("[1] Side-effects of ketamine treatment — Common side effects", system, StringComparison.Ordinal);
        Assert.Contains(TestCorpus.Passages[10].Text, system, StringComparison.Ordinal);
        Assert.Contains("[2] ", system, StringComparison.Ordinal);
        Assert.Equal(Question, MessageText(messages[1]));
    }

    [Fact]
    public async Task ComposeAsync_ServerSlowerThanTimeout_ReturnsNullForFallback()
    {
        respond = async context => await Task.Delay(Timeout.Infinite, context.RequestAborted);
        var (composer, request) = Create(timeoutSeconds: 0.5);

        // Whether the request reached the server before the deadline depends on machine load, so only the outcome is asserted.
        Assert.Null(await composer.ComposeAsync(request));
    }

    [Fact]
    public async Task ComposeAsync_Http500_ReturnsNullWithoutRetrying()
    {
        respond = context =>
        {
            context.Response.StatusCode = 500;
            return context.Response.WriteAsync("""{"error":{"message":"boom","type":"server_error"}}""");
        };
        var (composer, request) = Create();

        Assert.Null(await composer.ComposeAsync(request));
        Assert.Single(Requests);
    }

    [Fact]
    public async Task ComposeAsync_MalformedJson_ReturnsNullForFallback()
    {
        respond = context =>
        {
            context.Response.ContentType = "application/json";
            return context.Response.WriteAsync("""{"id": "x", "choices": [ {"message": """);
        };
        var (composer, request) = Create();

        Assert.Null(await composer.ComposeAsync(request));
    }

    [Fact]
    public async Task AnswerAsync_EndpointFails_PipelineAnswersExtractively()
    {
        respond = context =>
        {
            context.Response.StatusCode = 500;
            return Task.CompletedTask;
        };
        var (composer, _) = Create();
        var harness = new PipelineHarness(generative: composer, options: new AnsweringOptions { FaqMinScore = 1000 });

        var answer = await harness.AskAsync("What are the common side effects of ketamine?");

        Assert.Equal("extractive", answer.Provenance.Composer);
        Assert.False(answer.Generated);
        Assert.Contains("dissociation", answer.Text, StringComparison.Ordinal);
        Assert.Single(Requests);
    }

    private (GenerativeComposer Composer, ComposeRequest Request) Create(double timeoutSeconds = 8)
    {
        var options = new AnsweringOptions
        {
            Provider = AnswerProvider.OpenAICompatible,
            Endpoint = endpoint,
            Model = "test-model",
            TimeoutSeconds = timeoutSeconds,
        };
        var kernel = ServiceCollectionExtensions.BuildKernel(ChatClientFactory.Create(options));
        var composer = new GenerativeComposer(kernel, AnswerPipelineTests.AnswerPrompt(), options, NullLogger<GenerativeComposer>.Instance);
        SearchHit[] hits = [new(TestCorpus.Passages[10], 5f), new(TestCorpus.Passages[5], 2f)];
        return (composer, new ComposeRequest(Question, Question, hits));
    }

    private static string MessageText(JsonElement message)
    {
        var content = message.GetProperty("content");
        return content.ValueKind == JsonValueKind.String
            ? content.GetString()!
            : string.Concat(content.EnumerateArray().Select(part => part.GetProperty("text").GetString()));
    }

    private static Task Completion(HttpContext context, string text)
    {
        context.Response.ContentType = "application/json";
        var body = JsonSerializer.Serialize(new
        {
            id = "chatcmpl-test",
            @object = "chat.completion",
            created = 1_764_000_000,
            model = "test-model",
            choices = new[] { new { index = 0, message = new { role = "assistant", content = text }, finish_reason = "stop" } },
            usage = new { prompt_tokens = 50, completion_tokens = 12, total_tokens = 62 },
        });
        return context.Response.WriteAsync(body);
    }
}
