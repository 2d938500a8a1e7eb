using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using OpenAI;
using OpenAI.Chat;

namespace KetamineFaqBot.Answering.Generative;

/// <summary>Creates the <see cref="IChatClient"/> (and a remote embedding generator) for an OpenAI-compatible endpoint (OpenAI, Azure OpenAI v1, Ollama, vLLM).</summary>
public static class ChatClientFactory
{
    public static IChatClient Create(AnsweringOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Provider == AnswerProvider.None || string.IsNullOrWhiteSpace(options.Model))
        {
            throw new InvalidOperationException("No model is configured (Answering:Provider is None or Answering:Model is empty).");
        }

        var (clientOptions, credential) = Client(options, retries: 0);
        return new ChatClient(options.Model, credential, clientOptions).AsIChatClient();
    }

    /// <summary>
    /// The remote embedding model named by <see cref="AnsweringOptions.EmbeddingModel"/>, on the same endpoint and key
    /// as the chat model; null when none is configured (no provider, or no embedding model). Unlike an answer, an
    /// embedding has no fallback, so a failed call is retried twice.
    /// </summary>
    public static IEmbeddingGenerator<string, Embedding<float>>? RemoteEmbeddings(AnsweringOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Provider == AnswerProvider.None || string.IsNullOrWhiteSpace(options.EmbeddingModel))
        {
            return null;
        }

        var (clientOptions, credential) = Client(options, retries: 2);
        return new OpenAI.Embeddings.EmbeddingClient(options.EmbeddingModel, credential, clientOptions).AsIEmbeddingGenerator();
    }

    private static (OpenAIClientOptions Options, ApiKeyCredential Credential) Client(AnsweringOptions options, int retries)
    {
        var clientOptions = new OpenAIClientOptions
        {
            // The pipeline has its own deadline and an extractive fallback: retrying would only delay the reply.
            RetryPolicy = new ClientRetryPolicy(maxRetries: retries),
            NetworkTimeout = TimeSpan.FromSeconds(options.TimeoutSeconds + 5),
        };

        if (options.Endpoint is not null)
        {
            clientOptions.Endpoint = options.Provider == AnswerProvider.AzureOpenAI ? AzureV1Endpoint(options.Endpoint) : options.Endpoint;
        }

        // Local servers (Ollama, vLLM) ignore the key, but the client requires one.
        var key = string.IsNullOrWhiteSpace(options.ApiKey) ? "unused" : options.ApiKey;
        if (options.Provider == AnswerProvider.AzureOpenAI)
        {
            clientOptions.AddPolicy(new AzureApiKeyPolicy(key), PipelinePosition.BeforeTransport);
        }

        return (clientOptions, new ApiKeyCredential(key));
    }

    // Azure OpenAI serves the OpenAI wire format under /openai/v1/ of the resource.
    private static Uri AzureV1Endpoint(Uri endpoint)
    {
        var text = endpoint.ToString().TrimEnd('/');
        return text.EndsWith("/openai/v1", StringComparison.OrdinalIgnoreCase) ? new Uri(text + "/") : new Uri(text + "/openai/v1/");
    }

    /// <summary>Azure OpenAI authenticates keys with an api-key header rather than a bearer token.</summary>
    private sealed class AzureApiKeyPolicy(string key) : PipelinePolicy
    {
        public override void Process(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
        {
            Apply(message);
            ProcessNext(message, pipeline, currentIndex);
        }

        public override ValueTask ProcessAsync(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
        {
            Apply(message);
            return ProcessNextAsync(message, pipeline, currentIndex);
        }

        private void Apply(PipelineMessage message)
        {
            message.Request.Headers.Remove("Authorization");
            message.Request.Headers.Set("api-key", key);
        }
    }
}
