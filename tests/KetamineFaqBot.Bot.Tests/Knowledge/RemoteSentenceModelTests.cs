using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using KetamineFaqBot.Bot.Tests.TestSupport;
using KetamineFaqBot.Retrieval.Search;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KetamineFaqBot.Bot.Tests.Knowledge;

/// <summary>
/// The bot with a remote embedding model (Answering:EmbeddingModel on an OpenAI-compatible provider) against a real
/// HTTP endpoint on loopback: the index is built with its vectors and the patient's question is embedded by it.
/// </summary>
public sealed class RemoteSentenceModelTests : IAsyncLifetime
{
    private readonly string cacheFolder = Path.Combine(Path.GetTempPath(), "kfaq-remote-cache-" + Guid.NewGuid().ToString("N"));
    private WebApplication? server;
    private Uri? endpoint;

    private ConcurrentQueue<(string Model, int? Dimensions, string[] Inputs)> Requests { get; } = new();

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        server = builder.Build();
        server.MapPost("/v1/embeddings", Embeddings);

        // No chat model here: generated answers fail and fall back to extractive ones.
        server.MapPost("/v1/chat/completions", context =>
        {
            context.Response.StatusCode = 500;
            return Task.CompletedTask;
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

        if (Directory.Exists(cacheFolder))
        {
            Directory.Delete(cacheFolder, recursive: true);
        }
    }

    // An OpenAI-compatible embeddings endpoint: a vector per input from its characters, of the asked length, as floats
    // or base64 (little-endian float32) as the request asks.
    private async Task Embeddings(HttpContext context)
    {
        var request = (await JsonNode.ParseAsync(context.Request.Body))!.AsObject();
        var input = request["input"]!;
        string[] inputs = input is JsonArray array ? [.. array.Select(i => i!.GetValue<string>())] : [input.GetValue<string>()];
        var dimensions = request["dimensions"]?.GetValue<int>();
        var model = request["model"]!.GetValue<string>();
        Requests.Enqueue((model, dimensions, inputs));
        var base64 = request["encoding_format"]?.GetValue<string>() == "base64";
        var data = new JsonArray();
        for (var i = 0; i < inputs.Length; i++)
        {
            var vector = new float[dimensions ?? 1536];
            foreach (var c in inputs[i])
            {
                vector[c % vector.Length] += 1f;
            }

            vector[0] += 1f;
            JsonNode embedding = base64
                ? JsonValue.Create(Convert.ToBase64String(vector.SelectMany(BitConverter.GetBytes).ToArray()))
                : new JsonArray([.. vector.Select(v => (JsonNode?)JsonValue.Create(v))]);
            data.Add(new JsonObject { ["object"] = "embedding", ["index"] = i, ["embedding"] = embedding });
        }

        var response = new JsonObject
        {
            ["object"] = "list",
            ["data"] = data,
            ["model"] = model,
            ["usage"] = new JsonObject { ["prompt_tokens"] = inputs.Length, ["total_tokens"] = inputs.Length },
        };
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(response.ToJsonString());
    }

    [Fact]
    public async Task EmbeddingModelConfigured_IndexBuiltWithItsVectorsAndQuestionsEmbeddedByIt()
    {
        await using var host = BotTestHost.StartWithRealAnswers(new Dictionary<string, string?>
        {
            ["Semantics:Enabled"] = "true",
            ["Semantics:CacheFolder"] = cacheFolder,
            ["Answering:Provider"] = "OpenAICompatible",
            ["Answering:Endpoint"] = endpoint!.ToString(),
            ["Answering:Model"] = "chat-model",
            ["Answering:EmbeddingModel"] = "test-embed",
        });

        var answer = await host.AskAsync("Is ketamine addictive for patients in clinics?");

        var live = host.Services.GetRequiredService<LiveIndex>();
        Assert.Equal("remote-test-embed", live.Manifest.Extensions!.Single(e => e.Name == "semantic").Figures["model"]);
        Assert.NotEmpty(Requests);
        Assert.All(Requests, r =>
        {
            Assert.Equal("test-embed", r.Model);
            Assert.Equal(384, r.Dimensions);
        });

        // Passages were embedded for the index, and the patient's question for the answer.
        Assert.Contains(Requests, r => r.Inputs.Length > 1);
        Assert.Contains(Requests, r => r.Inputs.Contains("Is ketamine addictive for patients in clinics?"));
        Assert.Contains(Directory.EnumerateFiles(cacheFolder), f => Path.GetFileName(f).StartsWith("remote-test-embed", StringComparison.Ordinal));
        Assert.False(string.IsNullOrWhiteSpace(answer.Text));
    }
}
