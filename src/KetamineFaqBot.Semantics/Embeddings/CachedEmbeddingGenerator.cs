using Microsoft.Extensions.AI;

namespace KetamineFaqBot.Semantics.Embeddings;

/// <summary>
/// A bounded least-recently-used cache in front of an embedding generator, keyed by the exact text: a repeated
/// question costs a dictionary lookup instead of a model run. Entries are keyed by a SHA-256 hash of the text, so the
/// cache holds vectors and hashes only, never a patient's words; it lives in memory and is gone at restart.
/// </summary>
public sealed class CachedEmbeddingGenerator : DelegatingEmbeddingGenerator<string, Embedding<float>>
{
    private readonly int capacity;
    private readonly Dictionary<string, LinkedListNode<(string Key, Embedding<float> Embedding)>> entries = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Key, Embedding<float> Embedding)> order = new();
    private readonly Lock gate = new();

    public CachedEmbeddingGenerator(IEmbeddingGenerator<string, Embedding<float>> inner, int capacity)
        : base(inner)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        this.capacity = capacity;
    }

    /// <summary>Entries held now.</summary>
    public int Count
    {
        get
        {
            lock (gate)
            {
                return entries.Count;
            }
        }
    }

    public override async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var texts = values.ToList();
        var result = new Embedding<float>?[texts.Count];
        var missing = new List<int>();
        lock (gate)
        {
            for (var i = 0; i < texts.Count; i++)
            {
                if (entries.TryGetValue(Key(texts[i]), out var node))
                {
                    order.Remove(node);
                    order.AddFirst(node);
                    result[i] = node.Value.Embedding;
                }
                else
                {
                    missing.Add(i);
                }
            }
        }

        if (missing.Count > 0)
        {
            var generated = await base.GenerateAsync(missing.Select(i => texts[i]).ToList(), options, cancellationToken).ConfigureAwait(false);
            lock (gate)
            {
                for (var j = 0; j < missing.Count; j++)
                {
                    var i = missing[j];
                    result[i] = generated[j];
                    Add(texts[i], generated[j]);
                }
            }
        }

        return new GeneratedEmbeddings<Embedding<float>>(result.Select(e => e!));
    }

    private static string Key(string text) =>
        Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));

    private void Add(string text, Embedding<float> embedding)
    {
        var key = Key(text);
        if (entries.ContainsKey(key))
        {
            return;
        }

        entries[key] = order.AddFirst((key, embedding));
        while (entries.Count > capacity)
        {
            var last = order.Last!;
            order.RemoveLast();
            entries.Remove(last.Value.Key);
        }
    }
}
