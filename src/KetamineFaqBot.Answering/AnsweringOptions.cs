using System.ComponentModel.DataAnnotations;

namespace KetamineFaqBot.Answering;

/// <summary>Settings of the answering pipeline (section "Answering"). Validated on start.</summary>
public sealed class AnsweringOptions : IValidatableObject
{
    public const string SectionName = "Answering";

    /// <summary>None (extractive answers, default) | OpenAI | AzureOpenAI | Ollama | OpenAICompatible.</summary>
    public AnswerProvider Provider { get; set; } = AnswerProvider.None;

    /// <summary>Base address of the model endpoint, e.g. http://localhost:11434/v1 for Ollama.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>Model or Azure deployment name.</summary>
    public string? Model { get; set; }

    /// <summary>API key; keep it in user secrets or the environment, never in a committed file.</summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// A remote embedding model of the same provider (endpoint and key above) to use instead of the local MiniLM, e.g.
    /// text-embedding-3-small; it is asked for 384-dimension vectors. Empty (default): the local model, no network.
    /// Changing it rebuilds the index: a version built with one sentence model is never served with another.
    /// </summary>
    public string? EmbeddingModel { get; set; }

    /// <summary>Longest wait for the model before falling back to an extractive answer.</summary>
    [Range(0.05, 120)]
    public double TimeoutSeconds { get; set; } = 8;

    /// <summary>Passages retrieved per question.</summary>
    [Range(1, 50)]
    public int RetrieveTop { get; set; } = 8;

    /// <summary>Confidence gate: lowest raw BM25 score of the top hit that may be answered.</summary>
    [Range(0, 1000)]
    public double MinTopScore { get; set; } = 1.0;

    /// <summary>Confidence gate: lowest fraction of the question's informative terms covered by the top passages.</summary>
    [Range(0, 1)]
    public double MinCoverage { get; set; } = 0.6;

    /// <summary>FAQ composer: lowest score of a top FAQ hit whose vetted answer is sent verbatim.</summary>
    [Range(0, 1000)]
    public double FaqMinScore { get; set; } = 2.0;

    /// <summary>FAQ composer: how many times the best section's score the top FAQ hit must reach.</summary>
    [Range(1, 100)]
    public double FaqDominance { get; set; } = 1.3;

    /// <summary>FAQ composer: lowest fraction of the question's content words found in the entry's phrasings or answer.</summary>
    [Range(0, 1)]
    public double FaqMinCoverage { get; set; } = 0.75;

    /// <summary>Extractive composer: longest answer in words (the first sentence is always kept).</summary>
    [Range(10, 500)]
    public int MaxAnswerWords { get; set; } = 60;

    /// <summary>Output checks: lowest fraction of a generated sentence's content words found in its cited passages.</summary>
    [Range(0, 1)]
    public double MinSentenceSupport { get; set; } = 0.6;

    /// <summary>Passages numbered [1]..[n] in the model's prompt.</summary>
    [Range(1, 20)]
    public int GenerativePassages { get; set; } = 5;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider == AnswerProvider.None)
        {
            if (!string.IsNullOrWhiteSpace(EmbeddingModel))
            {
                yield return new ValidationResult(
                    "Answering:EmbeddingModel needs Answering:Provider (and its Endpoint and ApiKey); leave it empty for the local sentence model.",
                    [nameof(EmbeddingModel)]);
            }

            yield break;
        }

        if (string.IsNullOrWhiteSpace(Model))
        {
            yield return new ValidationResult($"Answering:Model is required when Answering:Provider is {Provider}.", [nameof(Model)]);
        }

        if (Provider is AnswerProvider.OpenAI or AnswerProvider.AzureOpenAI && string.IsNullOrWhiteSpace(ApiKey))
        {
            yield return new ValidationResult($"Answering:ApiKey is required when Answering:Provider is {Provider}.", [nameof(ApiKey)]);
        }

        if (Provider is not AnswerProvider.OpenAI && Endpoint is null)
        {
            yield return new ValidationResult($"Answering:Endpoint is required when Answering:Provider is {Provider}.", [nameof(Endpoint)]);
        }

        if (Endpoint is { IsAbsoluteUri: false })
        {
            yield return new ValidationResult("Answering:Endpoint must be an absolute URI.", [nameof(Endpoint)]);
        }
    }
}
