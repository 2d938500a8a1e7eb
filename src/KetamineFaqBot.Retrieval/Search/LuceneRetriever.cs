using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Text.Json;
using KetamineFaqBot.Core.Corpus;
using KetamineFaqBot.Core.Retrieval;
using KetamineFaqBot.Retrieval.Analysis;
using KetamineFaqBot.Retrieval.Indexing;
using KetamineFaqBot.Retrieval.Versioning;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using IndexNotFoundException = KetamineFaqBot.Retrieval.Versioning.IndexNotFoundException;
using LuceneIndexNotFoundException = Lucene.Net.Index.IndexNotFoundException;

namespace KetamineFaqBot.Retrieval.Search;

/// <summary>
/// Searches one index version. Passage text is served from memory (passages.json), and the Lucene files are
/// copied into memory at open, so the version folder can be pruned while this instance still serves.
/// Safe for concurrent <see cref="Search"/> calls; do not dispose while searches run (<see cref="LiveIndex"/> ensures that).
/// </summary>
public sealed class LuceneRetriever : IRetriever, IDisposable
{
    /// <summary>
    /// Distinct query terms kept; four clauses each stays far below BooleanQuery's 1024-clause limit, and a
    /// question longer than this is not made better by more terms.
    /// </summary>
    private const int MaxQueryTerms = 32;

    private const int ProbeTextLength = 300;

    /// <summary>Distinct query terms whose dictionary lookups are kept (a few KB each); beyond it the cache starts over.</summary>
    private const int MaxCachedTerms = 10_000;

    private readonly Lucene.Net.Store.Directory directory;
    private readonly DirectoryReader reader;
    private readonly IndexSearcher searcher;
    private readonly PassageAnalyzer analyzer;
    private readonly Passage[] passagesByDoc;
    private object[] extensions = [];

    // PERF: looking each (term, field) clause up in the terms dictionary (TermContext.Build) was the largest single
    // cost of a search. This version's index never changes, so a term's lookups are made once; TermQuery then skips
    // them. Scores are unchanged: the statistics come from the same lookups.
    private readonly ConcurrentDictionary<BytesRef, TermContext[]> termContexts = new();
    private int disposed;

    private LuceneRetriever(
        IndexManifest manifest,
        FrozenDictionary<string, Passage> passages,
        Lucene.Net.Store.Directory directory,
        DirectoryReader reader,
        PassageAnalyzer analyzer,
        Passage[] passagesByDoc)
    {
        Manifest = manifest;
        Passages = passages;
        this.directory = directory;
        this.reader = reader;
        this.analyzer = analyzer;
        this.passagesByDoc = passagesByDoc;
        searcher = new IndexSearcher(reader) { Similarity = new BM25Similarity() };
    }

    public string CorpusVersion => Manifest.Version;

    /// <summary>The manifest of the version served.</summary>
    public IndexManifest Manifest { get; }

    public IReadOnlyDictionary<string, Passage> Passages { get; }

    /// <summary>
    /// Opens and validates a version folder: manifest readable, passages.json matching its passage count, the
    /// Lucene index matching the passages, and a probe query answered.
    /// </summary>
    /// <exception cref="IndexNotFoundException">The folder does not exist.</exception>
    /// <exception cref="InvalidDataException">The version is incomplete or corrupt; the message says how.</exception>
    /// <param name="versionDirectory">The version folder.</param>
    /// <param name="extensions">Extensions to load with the version; each must have been built into it, else the version is rejected.</param>
    public static LuceneRetriever Open(string versionDirectory, IReadOnlyList<IIndexExtension>? extensions = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(versionDirectory);
        var path = Path.GetFullPath(versionDirectory).TrimEnd(Path.DirectorySeparatorChar);
        return Open(path, Path.GetFileName(path), extensions);
    }

    /// <summary>Opens a folder whose name is not (yet) the version name: a build validating its output before the rename.</summary>
    internal static LuceneRetriever Open(string path, string version, IReadOnlyList<IIndexExtension>? extensions = null) =>
        Open(path, version, IndexVersions.ReadManifestFile(version, path), extensions);

    /// <summary>Opens a version being built, whose manifest is not written yet.</summary>
    internal static LuceneRetriever Open(string path, string version, IndexManifest manifest, IReadOnlyList<IIndexExtension>? extensions = null)
    {
        var passages = ReadPassages(version, path, manifest);

        Lucene.Net.Store.Directory? ram = null;
        DirectoryReader? reader = null;
        PassageAnalyzer? analyzer = null;
        try
        {
            ram = LoadIntoMemory(version, path);
            reader = OpenReader(version, ram);
            var byDoc = MapDocuments(version, reader, passages, manifest);
            analyzer = new PassageAnalyzer(manifest.Synonyms);
            var retriever = new LuceneRetriever(manifest, passages, ram, reader, analyzer, byDoc);
            try
            {
                retriever.Probe();
                retriever.extensions = LoadExtensions(version, path, manifest, passages, extensions ?? []);
            }
            catch
            {
                retriever.Dispose();
                throw;
            }

            return retriever;
        }
        catch
        {
            // The retriever owns these once constructed; Dispose is idempotent for each of them.
            analyzer?.Dispose();
            reader?.Dispose();
            ram?.Dispose();
            throw;
        }
    }

    public T? Extension<T>()
        where T : class => extensions.OfType<T>().FirstOrDefault();

    // SAFETY: a version whose extension files are missing or corrupt is rejected as a whole, so the classifier and
    // vectors in force always belong to the passages served.
    private static object[] LoadExtensions(
        string version, string path, IndexManifest manifest, FrozenDictionary<string, Passage> passages, IReadOnlyList<IIndexExtension> extensions)
    {
        if (extensions.Count == 0)
        {
            return [];
        }

        var ordered = passages.Values.OrderBy(p => p.Id, StringComparer.Ordinal).ToList();
        var loaded = new object[extensions.Count];
        for (var i = 0; i < extensions.Count; i++)
        {
            var extension = extensions[i];
            if (manifest.Extensions?.Any(e => string.Equals(e.Name, extension.Name, StringComparison.Ordinal)) != true)
            {
                throw new InvalidDataException($"Index version '{version}' was built without '{extension.Name}'; rebuild it with 'kfaq index'.");
            }

            var folder = Path.Combine(path, extension.Name);
            if (!System.IO.Directory.Exists(folder))
            {
                throw new InvalidDataException($"Index version '{version}' lists '{extension.Name}' but its folder is missing.");
            }

            try
            {
                loaded[i] = extension.Load(folder, ordered);
            }
            catch (Exception ex) when (ex is not InvalidDataException and not OutOfMemoryException)
            {
                // Any failure rejects the version: an exception other than InvalidDataException would escape a reload,
                // and from the watcher's timer that ends the process.
                throw new InvalidDataException($"Index version '{version}' could not load '{extension.Name}': {ex.Message}", ex);
            }
        }

        return loaded;
    }

    public IReadOnlyList<SearchHit> Search(string query, int top = 10, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) != 0, this);
        cancellationToken.ThrowIfCancellationRequested();
        if (top <= 0 || string.IsNullOrWhiteSpace(query))
        {
            return [];
        }

        var luceneQuery = BuildQuery(query, cachedLookups: true);
        return luceneQuery is null ? [] : Run(luceneQuery, top);
    }

    /// <summary><see cref="Search"/> with every term looked up afresh: for the test holding the two equal.</summary>
    internal IReadOnlyList<SearchHit> SearchWithoutCachedLookups(string query, int top)
    {
        var luceneQuery = BuildQuery(query, cachedLookups: false);
        return luceneQuery is null ? [] : Run(luceneQuery, top);
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        reader.Dispose();
        directory.Dispose();
        analyzer.Dispose();
    }

    /// <summary>
    /// One SHOULD clause per (analysed term, field), boosted by field. Built from analysed tokens rather than
    /// query syntax, so no user text can make parsing fail. Synonym and multi-word expansions become
    /// further terms.
    /// </summary>
    private BooleanQuery? BuildQuery(string text, bool cachedLookups)
    {
        var terms = new List<BytesRef>(8);
        using (var stream = analyzer.GetTokenStream(PassageFields.Body, text))
        {
            var bytes = stream.AddAttribute<ITermToBytesRefAttribute>();
            stream.Reset();
            while (terms.Count < MaxQueryTerms && stream.IncrementToken())
            {
                bytes.FillBytesRef();
                if (bytes.BytesRef.Length > 0 && !terms.Contains(bytes.BytesRef))
                {
                    terms.Add(BytesRef.DeepCopyOf(bytes.BytesRef));
                }
            }

            stream.End();
        }

        if (terms.Count == 0)
        {
            return null;
        }

        var query = new BooleanQuery(disableCoord: true);
        foreach (var term in terms)
        {
            var contexts = cachedLookups ? ContextsFor(term) : null;
            for (var i = 0; i < PassageFields.Searched.Length; i++)
            {
                var (field, boost) = PassageFields.Searched[i];
                var termQuery = contexts is null ? new TermQuery(new Term(field, term)) : new TermQuery(new Term(field, term), contexts[i]);
                termQuery.Boost = boost;
                query.Add(termQuery, Occur.SHOULD);
            }
        }

        return query;
    }

    /// <summary>The term's lookups in every searched field, made once per term for this index version.</summary>
    private TermContext[] ContextsFor(BytesRef term)
    {
        if (termContexts.TryGetValue(term, out var cached))
        {
            return cached;
        }

        var top = reader.Context;
        var contexts = new TermContext[PassageFields.Searched.Length];
        for (var i = 0; i < contexts.Length; i++)
        {
            contexts[i] = TermContext.Build(top, new Term(PassageFields.Searched[i].Field, term));
        }

        if (termContexts.Count >= MaxCachedTerms)
        {
            termContexts.Clear();
        }

        termContexts[term] = contexts;
        return contexts;
    }

    private SearchHit[] Run(Query query, int top)
    {
        var topDocs = searcher.Search(query, Math.Min(top, passagesByDoc.Length));
        var scoreDocs = topDocs.ScoreDocs;
        var hits = new SearchHit[scoreDocs.Length];
        for (var i = 0; i < scoreDocs.Length; i++)
        {
            hits[i] = new SearchHit(passagesByDoc[scoreDocs[i].Doc], scoreDocs[i].Score);
        }

        return hits;
    }

    /// <summary>A version that opens but cannot find its own passages must never be served.</summary>
    private void Probe()
    {
        var first = passagesByDoc[0];
        var byId = searcher.Search(new TermQuery(new Term(PassageFields.Id, first.Id)), 2);
        if (byId.TotalHits != 1 || !ReferenceEquals(passagesByDoc[byId.ScoreDocs[0].Doc], first))
        {
            throw new InvalidDataException($"Index version '{CorpusVersion}' failed its probe: passage '{first.Id}' is not found by id.");
        }

        foreach (var passage in passagesByDoc)
        {
            var text = passage.Title + " " + passage.Section + " " + passage.Text;
            var query = BuildQuery(text.Length > ProbeTextLength ? text[..ProbeTextLength] : text, cachedLookups: false);
            if (query is null)
            {
                continue;
            }

            if (Run(query, 10).Length == 0)
            {
                throw new InvalidDataException($"Index version '{CorpusVersion}' failed its probe: no hits for the text of passage '{passage.Id}'.");
            }

            return;
        }

        throw new InvalidDataException($"Index version '{CorpusVersion}' failed its probe: no passage has searchable text.");
    }

    private static FrozenDictionary<string, Passage> ReadPassages(string version, string path, IndexManifest manifest)
    {
        var file = Path.Combine(path, IndexLayout.PassagesFile);
        List<Passage>? list;
        try
        {
            using var stream = File.OpenRead(file);
            list = JsonSerializer.Deserialize(stream, RetrievalJsonContext.Default.ListPassage);
        }
        catch (FileNotFoundException ex)
        {
            throw new InvalidDataException($"Index version '{version}' has no {IndexLayout.PassagesFile}.", ex);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"Index version '{version}' has an unreadable {IndexLayout.PassagesFile}: {ex.Message}", ex);
        }

        if (list is null || list.Count != manifest.PassageCount)
        {
            throw new InvalidDataException(
                $"Index version '{version}' has {list?.Count ?? 0} passages in {IndexLayout.PassagesFile}; its manifest says {manifest.PassageCount}.");
        }

        if (list.Count == 0)
        {
            throw new InvalidDataException($"Index version '{version}' has no passages.");
        }

        var byId = new Dictionary<string, Passage>(list.Count, StringComparer.Ordinal);
        foreach (var passage in list)
        {
            if (!byId.TryAdd(passage.Id, passage))
            {
                throw new InvalidDataException($"Index version '{version}' has passage id '{passage.Id}' twice.");
            }
        }

        return byId.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static RAMDirectory LoadIntoMemory(string version, string path)
    {
        var lucenePath = Path.Combine(path, IndexLayout.LuceneFolder);
        if (!System.IO.Directory.Exists(lucenePath))
        {
            throw new InvalidDataException($"Index version '{version}' has no '{IndexLayout.LuceneFolder}' folder.");
        }

        // Never FSDirectory.Open (MMapDirectory on 64-bit Linux): it degrades over time in this Lucene.Net
        // version. NIOFS reads the files once; serving from memory is fastest and survives pruning.
        try
        {
            using var files = new NIOFSDirectory(lucenePath);
            return new RAMDirectory(files, IOContext.DEFAULT);
        }
        catch (IOException ex)
        {
            throw new InvalidDataException($"Index version '{version}' could not be read: {ex.Message}", ex);
        }
    }

    private static DirectoryReader OpenReader(string version, Lucene.Net.Store.Directory directory)
    {
        try
        {
            return DirectoryReader.Open(directory);
        }
        catch (LuceneIndexNotFoundException ex)
        {
            throw new InvalidDataException($"Index version '{version}' has no Lucene index: {ex.Message}", ex);
        }
        catch (Exception ex) when (ex is IOException or CorruptIndexException)
        {
            throw new InvalidDataException($"Index version '{version}' has a corrupt Lucene index: {ex.Message}", ex);
        }
    }

    private static Passage[] MapDocuments(string version, DirectoryReader reader, FrozenDictionary<string, Passage> passages, IndexManifest manifest)
    {
        if (reader.NumDocs != manifest.PassageCount || reader.MaxDoc != reader.NumDocs)
        {
            throw new InvalidDataException(
                $"Index version '{version}' has {reader.NumDocs} Lucene documents; its manifest says {manifest.PassageCount} passages.");
        }

        // Doc ids are mapped from the stored id once, so nothing depends on the order documents were merged in.
        var byDoc = new Passage[reader.MaxDoc];
        var fields = new HashSet<string>(StringComparer.Ordinal) { PassageFields.Id };
        for (var doc = 0; doc < byDoc.Length; doc++)
        {
            var id = reader.Document(doc, fields).Get(PassageFields.Id);
            if (id is null || !passages.TryGetValue(id, out var passage))
            {
                throw new InvalidDataException($"Index version '{version}' has Lucene document {doc} with unknown passage id '{id}'.");
            }

            byDoc[doc] = passage;
        }

        return byDoc;
    }
}
