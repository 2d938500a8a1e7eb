using KetamineFaqBot.Answering.Generative;
using KetamineFaqBot.Answering.Normalisation;
using KetamineFaqBot.Answering.Composers;
using KetamineFaqBot.Answering.Tests.TestDoubles;
using KetamineFaqBot.Core.Answering;
using KetamineFaqBot.Core.Retrieval;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KetamineFaqBot.Answering.Tests;

public sealed class AnsweringOptionsTests
{
    [Fact]
    public void AddAnswering_NoModel_ResolvesPipelineWithoutGenerativeComposer()
    {
        using var provider = Services(new Dictionary<string, string?>()).BuildServiceProvider();

        Assert.NotNull(provider.GetRequiredService<IAnswerService>());
        Assert.Null(provider.GetService<IGenerativeAnswerComposer>());
    }

    [Fact]
    public void AddAnswering_OpenAiCompatibleModel_RegistersGenerativeComposer()
    {
        using var provider = Services(new Dictionary<string, string?>
        {
            ["Answering:Provider"] = "Ollama",
            ["Answering:Endpoint"] = "http://127.0.0.1:11434/v1",
            ["Answering:Model"] = "llama3.2",
        }).BuildServiceProvider();

        Assert.NotNull(provider.GetRequiredService<IGenerativeAnswerComposer>());
        Assert.NotNull(provider.GetRequiredService<IAnswerService>());
    }

    [Theory]
    [InlineData("OpenAI", null, "gpt-4o-mini", null, "ApiKey")]
    [InlineData("Ollama", null, "llama3.2", null, "Endpoint")]
    [InlineData("AzureOpenAI", "https://x.openai.azure.com", null, "k", "Model")]
    [InlineData("None", null, null, null, null)]
    public void Validate_ProviderSettings_ReportMissingValues(string provider, string? endpoint, string? model, string? key, string? missing)
    {
        using var services = Services(new Dictionary<string, string?>
        {
            ["Answering:Provider"] = provider,
            ["Answering:Endpoint"] = endpoint,
            ["Answering:Model"] = model,
            ["Answering:ApiKey"] = key,
        }).BuildServiceProvider();

        var read = () => services.GetRequiredService<IOptions<AnsweringOptions>>().Value;
        if (missing is null)
        {
            Assert.NotNull(read());
        }
        else
        {
            var ex = Assert.Throws<OptionsValidationException>(read);
            Assert.Contains($"Answering:{missing}", ex.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Validate_EmbeddingModelWithoutProvider_ClearError()
    {
        using var services = Services(new Dictionary<string, string?> { ["Answering:EmbeddingModel"] = "text-embedding-3-small" }).BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<AnsweringOptions>>().Value);

        Assert.Contains("Answering:EmbeddingModel needs Answering:Provider", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RemoteEmbeddings_OnlyWithProviderAndEmbeddingModel()
    {
        Assert.Null(ChatClientFactory.RemoteEmbeddings(new AnsweringOptions { EmbeddingModel = "text-embedding-3-small" }));
        Assert.Null(ChatClientFactory.RemoteEmbeddings(new AnsweringOptions { Provider = AnswerProvider.Ollama, Endpoint = new Uri("http://localhost:11434/v1"), Model = "llama3.2" }));
        using var remote = ChatClientFactory.RemoteEmbeddings(new AnsweringOptions
        {
            Provider = AnswerProvider.Ollama, Endpoint = new Uri("http://localhost:11434/v1"), Model = "llama3.2", EmbeddingModel = "nomic-embed-text",
        });
        Assert.NotNull(remote);
    }

    private static ServiceCollection Services(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IRetriever>(new ListRetriever(TestCorpus.Passages));
        services.AddSingleton<IGuardrails>(new KeywordGuardrails());
        services.AddSingleton<IResponseTexts>(new DictionaryResponseTexts());
        services.AddSingleton<IMessageNormaliser>(new MessageNormaliser(new MessageNormaliserOptions()));
        services.AddAnswering(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), Path.Combine(RepositoryRoot.Path, "prompts"));
        return services;
    }
}
