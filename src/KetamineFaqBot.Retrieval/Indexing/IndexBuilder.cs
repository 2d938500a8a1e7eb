using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using KetamineFaqBot.Core.Corpus;
using KetamineFaqBot.Core.Retrieval;
using KetamineFaqBot.Retrieval.Analysis;
using KetamineFaqBot.Retrieval.Logging;
using KetamineFaqBot.Retrieval.Search;
using KetamineFaqBot.Retrieval.Versioning;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using IndexNotFoundException = KetamineFaqBot.Retrieval.Versioning.IndexNotFoundException;

namespace KetamineFaqBot.Retrieval.Indexing;

/// <summary>
/// Builds a new index version from a corpus snapshot and makes it current, only once it is complete and answers
/// a query. One builder per index root at a time (the CLI, or the bot on first start).
/// </summary>
public sealed class IndexBuilder
{
    private readonly ILogger logger;
    private readonly TimeProvider timeProvider;

    public IndexBuilder(ILogger<IndexBuilder>? logger = null, TimeProvider? timeProvider = null)
    {
        this.logger = logger ?? (ILogger)NullLogger.Instance;
        this.timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>
    /// Writes <c>{Root}/versions/{yyyyMMddHHmmss}-{hash8}</c> and switches <c>{Root}/current</c> to it, or returns
    /// <see cref="IndexBuildStatus.NoChange"/> when the current version was built from the same content.
    /// On failure the partial folder is removed, <c>current</c> is untouched, and the exception propagates.
    /// </summary>
    /// <exception cref="InvalidDataException">The snapshot cannot be indexed (no passages, duplicate passage ids).</exception>
    public IndexBuildResult Build(CorpusSnapshot snapshot, IndexBuildOptions options)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Root);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.KeepVersions, 1);

        var versions = new IndexVersions(options.Root);
        var previous = ReadServableCurrent(versions);
        if (previous is not null
            && string.Equals(previous.CorpusContentHash, snapshot.ContentHash, StringComparison.OrdinalIgnoreCase)
            && SameExtensions(previous, options.Extensions))
        {
            logger.IndexUnchanged(previous.Version);
            return new IndexBuildResult(
                IndexBuildStatus.NoChange, previous.Version, versions.GetVersionPath(previous.Version), previous, IndexChanges.None, []);
        }

        var stopwatch = Stopwatch.StartNew();
        var builtAt = timeProvider.GetUtcNow();
        var name = IndexLayout.VersionName(builtAt, VersionHash(snapshot, options.Extensions));
        var finalPath = versions.GetVersionPath(name);
        System.IO.Directory.CreateDirectory(IndexLayout.VersionsPath(versions.Root));

        IndexManifest manifest;
        if (System.IO.Directory.Exists(finalPath))
        {
            // Same second and same content prefix: that folder already is this build.
            manifest = ReuseExisting(name, finalPath, snapshot, options.Extensions);
        }
        else
        {
            manifest = WriteAndActivate(versions.Root, name, finalPath, builtAt, snapshot, options);
        }

        var pruned = Prune(versions, name, options.KeepVersions);
        logger.IndexBuilt(name, manifest.PassageCount, manifest.FaqCount, manifest.Documents.Count, stopwatch.ElapsedMilliseconds);
        return new IndexBuildResult(IndexBuildStatus.Built, name, finalPath, manifest, Compare(previous, manifest), pruned);
    }

    private IndexManifest WriteAndActivate(
        string root, string name, string finalPath, DateTimeOffset builtAt, CorpusSnapshot snapshot, IndexBuildOptions options)
    {
        // Built aside under a name that is never listed as a version, then renamed: versions/ only ever holds
        // complete folders, even if this process dies mid-way.
        // Each builder writes its own partial folder: two instances starting on an empty shared root at the same moment
        // build side by side instead of deleting each other's files.
        var partialPath = finalPath + IndexLayout.PartialSuffix + "-" + Guid.NewGuid().ToString("N", System.Globalization.CultureInfo.InvariantCulture);
        var moved = false;
        try
        {
            var manifest = Write(partialPath, name, builtAt, snapshot, options);

            // The pointer moves only to a version that opens and answers a query.
            using (LuceneRetriever.Open(partialPath, name, options.Extensions))
            {
            }

            if (!TryMove(partialPath, finalPath))
            {
                // Another builder finished the same version (same second, same content) first: serve that one.
                DeleteFolder(partialPath);
                var existing = ReuseExisting(name, finalPath, snapshot, options.Extensions);
                return existing;
            }

            moved = true;
            IndexVersions.WriteCurrent(root, name);
            return manifest;
        }
        catch (Exception ex)
        {
            logger.IndexBuildFailed(ex, name);
            DeleteFolder(moved ? finalPath : partialPath);
            throw;
        }
    }

    /// <returns>False when <paramref name="finalPath"/> already exists (another builder got there first).</returns>
    private static bool TryMove(string partialPath, string finalPath)
    {
        try
        {
            System.IO.Directory.Move(partialPath, finalPath);
            return true;
        }
        catch (IOException) when (System.IO.Directory.Exists(finalPath))
        {
            return false;
        }
    }

    private static IndexManifest Write(string path, string name, DateTimeOffset builtAt, CorpusSnapshot snapshot, IndexBuildOptions options)
    {
        var passages = new List<Passage>();
        var documents = new List<ManifestDocument>(snapshot.Documents.Count);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var faqCount = 0;

        using (var analyzer = new PassageAnalyzer(snapshot.Synonyms))
        using (var directory = new NIOFSDirectory(Path.Combine(path, IndexLayout.LuceneFolder)))
        {
            var config = new IndexWriterConfig(PassageAnalyzer.Version, analyzer)
            {
                OpenMode = OpenMode.CREATE,
                Similarity = new BM25Similarity(),
            };
            using var writer = new IndexWriter(directory, config);
            try
            {
                foreach (var document in snapshot.Documents)
                {
                    documents.Add(new ManifestDocument(document.Id, document.Path, document.ContentHash));
                    foreach (var passage in document.Passages)
                    {
                        if (!ids.Add(passage.Id))
                        {
                            throw new InvalidDataException($"Passage id '{passage.Id}' occurs twice (in '{document.Path}'); ids must be unique.");
                        }

                        writer.AddDocument(ToLuceneDocument(passage));
                        passages.Add(passage);
                        faqCount += passage.Kind == PassageKind.Faq ? 1 : 0;
                    }
                }

                if (passages.Count == 0)
                {
                    throw new InvalidDataException("The corpus has no passages; there is nothing to index.");
                }

                // One segment: a small, read-only index searches fastest merged.
                writer.ForceMerge(1);
                writer.Commit();
            }
            catch
            {
                // Dispose would commit what was added so far; the folder is going away anyway.
                writer.Rollback();
                throw;
            }
        }

        WriteJson(Path.Combine(path, IndexLayout.PassagesFile), passages, RetrievalJsonContext.Default.ListPassage);
        IndexManifest Manifest(List<IndexExtensionReport> reports) => new(
            IndexLayout.FormatVersion,
            name,
            snapshot.ContentHash,
            documents,
            passages.Count,
            faqCount,
            builtAt,
            string.IsNullOrWhiteSpace(options.ToolVersion) ? InformationalVersion(typeof(IndexBuilder).Assembly) : options.ToolVersion,
            InformationalVersion(typeof(IndexWriter).Assembly),
            snapshot.Synonyms,
            reports.Count == 0 ? null : [.. reports]);

        var extensions = new List<IndexExtensionReport>(options.Extensions.Count);
        for (var i = 0; i < options.Extensions.Count; i++)
        {
            var extension = options.Extensions[i];
            var folder = Path.Combine(path, extension.Name);
            System.IO.Directory.CreateDirectory(folder);

            // An extension fitted on the version's own searches sees it as built so far: the Lucene files, the passages
            // and the extensions before it.
            var built = options.Extensions.Take(i).ToList();
            var opened = new List<LuceneRetriever>();
            try
            {
                extensions.Add(extension.Build(new IndexExtensionBuild(folder, passages, () =>
                {
                    var version = LuceneRetriever.Open(path, name, Manifest(extensions), built);
                    opened.Add(version);
                    return version;
                })));
            }
            finally
            {
                opened.ForEach(v => v.Dispose());
            }
        }

        var manifest = Manifest(extensions);

        // Written last: a version folder with a manifest is complete.
        WriteJson(Path.Combine(path, IndexLayout.ManifestFile), manifest, RetrievalJsonContext.Default.IndexManifest);
        return manifest;
    }

    private static Document ToLuceneDocument(Passage passage)
    {
        // Only the id is stored: text is served from passages.json in memory, which is ~4x cheaper than stored fields.
        var document = new Document
        {
            new StringField(PassageFields.Id, passage.Id, Field.Store.YES),
            new StringField(PassageFields.DocId, passage.DocId, Field.Store.NO),
            new StringField(PassageFields.Kind, passage.Kind == PassageKind.Faq ? "faq" : "section", Field.Store.NO),
            new TextField(PassageFields.Title, passage.Title, Field.Store.NO),
            new TextField(PassageFields.Heading, passage.Section, Field.Store.NO),
            new TextField(PassageFields.Body, passage.Text, Field.Store.NO),
        };
        foreach (var question in passage.Questions)
        {
            document.Add(new TextField(PassageFields.Questions, question, Field.Store.NO));
        }

        return document;
    }

    private static void WriteJson<T>(string file, T value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo)
    {
        using var stream = new FileStream(file, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        JsonSerializer.Serialize(stream, value, typeInfo);
        stream.Flush(flushToDisk: true);
    }

    private static IndexManifest ReuseExisting(string name, string finalPath, CorpusSnapshot snapshot, IReadOnlyList<IIndexExtension> extensions)
    {
        IndexManifest manifest;
        using (var existing = LuceneRetriever.Open(finalPath))
        {
            manifest = existing.Manifest;
        }

        if (!string.Equals(manifest.CorpusContentHash, snapshot.ContentHash, StringComparison.OrdinalIgnoreCase)
            || !SameExtensions(manifest, extensions))
        {
            throw new IOException($"Index version folder '{name}' already exists with other content; try again in a second.");
        }

        IndexVersions.WriteCurrent(Path.GetDirectoryName(Path.GetDirectoryName(finalPath))!, name);
        return manifest;
    }

    /// <summary>The current version's manifest if it can actually be served; a broken current is rebuilt, not kept.</summary>
    private static IndexManifest? ReadServableCurrent(IndexVersions versions)
    {
        var current = versions.ReadCurrent();
        if (current is null || !IndexLayout.IsVersionName(current))
        {
            return null;
        }

        try
        {
            using var retriever = LuceneRetriever.Open(versions.GetVersionPath(current));
            return retriever.Manifest;
        }
        catch (Exception ex) when (ex is InvalidDataException or IndexNotFoundException or IOException)
        {
            return null;
        }
    }

    private List<string> Prune(IndexVersions versions, string current, int keep)
    {
        var pruned = new List<string>();
        var kept = 0;
        foreach (var version in versions.List())
        {
            if (string.Equals(version.Name, current, StringComparison.Ordinal) || (version.Manifest is not null && kept < keep - 1))
            {
                kept += string.Equals(version.Name, current, StringComparison.Ordinal) ? 0 : 1;
                continue;
            }

            if (DeleteFolder(version.Path))
            {
                pruned.Add(version.Name);
                logger.VersionPruned(version.Name);
            }
        }

        return pruned;
    }

    private bool DeleteFolder(string path)
    {
        try
        {
            if (System.IO.Directory.Exists(path))
            {
                System.IO.Directory.Delete(path, recursive: true);
            }

            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            logger.CleanupFailed(ex, path);
            return false;
        }
    }

    private static IndexChanges Compare(IndexManifest? previous, IndexManifest next)
    {
        var before = previous?.Documents.ToDictionary(d => d.Path, d => d.Hash, StringComparer.Ordinal)
            ?? new Dictionary<string, string>(StringComparer.Ordinal);
        var after = next.Documents.ToDictionary(d => d.Path, d => d.Hash, StringComparer.Ordinal);
        return new IndexChanges(
            [.. after.Keys.Where(p => !before.ContainsKey(p)).Order(StringComparer.Ordinal)],
            [.. after.Where(d => before.TryGetValue(d.Key, out var hash) && !string.Equals(hash, d.Value, StringComparison.OrdinalIgnoreCase))
                .Select(d => d.Key).Order(StringComparer.Ordinal)],
            [.. before.Keys.Where(p => !after.ContainsKey(p)).Order(StringComparer.Ordinal)]);
    }

    /// <summary>The version was built with exactly these extensions from the same inputs.</summary>
    private static bool SameExtensions(IndexManifest manifest, IReadOnlyList<IIndexExtension> extensions)
    {
        var built = manifest.Extensions ?? [];
        return built.Count == extensions.Count
            && extensions.All(e => built.Any(b => string.Equals(b.Name, e.Name, StringComparison.Ordinal)
                && string.Equals(b.InputHash, e.InputHash, StringComparison.Ordinal)));
    }

    /// <summary>The corpus hash, joined with the extensions' input hashes when there are any (the folder name's suffix).</summary>
    private static string VersionHash(CorpusSnapshot snapshot, IReadOnlyList<IIndexExtension> extensions)
    {
        if (extensions.Count == 0)
        {
            return snapshot.ContentHash;
        }

        var joined = string.Join('\n', [snapshot.ContentHash, .. extensions.Select(e => e.Name + "=" + e.InputHash)]);
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(joined)));
    }

    private static string InformationalVersion(Assembly assembly)
    {
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString()
            ?? "unknown";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? version : version[..plus];
    }
}
