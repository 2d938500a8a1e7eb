using System.Security.Cryptography;
using System.Text;
using KetamineFaqBot.Core.Corpus;

namespace KetamineFaqBot.Corpus.Reading;

/// <summary>Builds a snapshot whose hash changes exactly when a served document or the synonyms file changes.</summary>
internal static class SnapshotBuilder
{
    public static CorpusSnapshot? Build(IEnumerable<CorpusDocument> documents, IReadOnlyList<IReadOnlyList<string>> synonyms, string? synonymsHash)
    {
        var ordered = documents.OrderBy(d => d.Path, StringComparer.Ordinal).ToList();
        if (ordered.Count == 0)
        {
            return null;
        }

        var builder = new StringBuilder();
        foreach (var document in ordered)
        {
            builder.Append(document.Path).Append('\n').Append(document.ContentHash).Append('\n');
        }

        builder.Append("synonyms.txt\n").Append(synonymsHash ?? "none").Append('\n');
        return new CorpusSnapshot(ordered, synonyms, Hash(Encoding.UTF8.GetBytes(builder.ToString())));
    }

    public static string Hash(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
