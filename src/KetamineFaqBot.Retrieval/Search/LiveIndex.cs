using KetamineFaqBot.Core.Corpus;
using KetamineFaqBot.Core.Retrieval;
using KetamineFaqBot.Retrieval.Logging;
using KetamineFaqBot.Retrieval.Versioning;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace KetamineFaqBot.Retrieval.Search;

/// <summary>
/// Serves the version named by <c>{Root}/current</c> and swaps to a new one without a restart. A swap is
/// atomic for callers: each search runs entirely on one version, and an old version is disposed only after its
/// last in-flight search finishes.
/// </summary>
public sealed class LiveIndex : IRetriever, IDisposable
{
    private static readonly TimeSpan DefaultPollInterval = TimeSpan.FromSeconds(30);

    private readonly IndexVersions versions;
    private readonly ILogger logger;
    private readonly IReadOnlyList<IIndexExtension> extensions;
    private readonly Lock reloadLock = new();
    private RetrieverLease current;
    private string? rejectedVersion;
    private string? rejectedReason;
    private FileSystemWatcher? watcher;
    private Timer? pollTimer;
    private int disposed;

    /// <summary>Opens the current version.</summary>
    /// <exception cref="IndexNotFoundException">No root, no <c>current</c> pointer, or the version it names is missing.</exception>
    /// <exception cref="InvalidDataException">The current version is incomplete or corrupt.</exception>
    /// <param name="root">Index root.</param>
    /// <param name="logger">Logger.</param>
    /// <param name="extensions">Loaded with every version served; a version without them, or with broken ones, is rejected.</param>
    public LiveIndex(string root, ILogger<LiveIndex>? logger = null, IReadOnlyList<IIndexExtension>? extensions = null)
    {
        this.logger = logger ?? (ILogger)NullLogger.Instance;
        this.extensions = extensions ?? [];
        versions = new IndexVersions(root);
        var retriever = LuceneRetriever.Open(versions.GetVersionPath(versions.GetCurrent()), this.extensions);
        current = new RetrieverLease(retriever);
        this.logger.IndexOpened(retriever.CorpusVersion, retriever.Manifest.PassageCount);
    }

    /// <summary>Raised after a new version is being served (from the thread that reloaded).</summary>
    public event EventHandler? Swapped;

    public string Root => versions.Root;

    public string CorpusVersion => Volatile.Read(ref current).Retriever.CorpusVersion;

    /// <summary>The manifest of the version served.</summary>
    public IndexManifest Manifest => Volatile.Read(ref current).Retriever.Manifest;

    public IReadOnlyDictionary<string, Passage> Passages => Volatile.Read(ref current).Retriever.Passages;

    public T? Extension<T>()
        where T : class => Volatile.Read(ref current).Retriever.Extension<T>();

    public IReadOnlyList<SearchHit> Search(string query, int top = 10, CancellationToken cancellationToken = default)
    {
        var lease = AcquireLease();
        try
        {
            return lease.Retriever.Search(query, top, cancellationToken);
        }
        finally
        {
            lease.Release();
        }
    }

    /// <summary>
    /// If <c>current</c> names another version, opens and validates it (manifest, passage count, index, probe
    /// query) and swaps to it. A version that fails is rejected and the old one keeps serving.
    /// </summary>
    /// <returns>True when the version named by <c>current</c> is now served (swapped or already serving).</returns>
    public bool TryReload(out string? error)
    {
        var swapped = TryReloadCore(out error);
        if (swapped)
        {
            Swapped?.Invoke(this, EventArgs.Empty);
        }

        return error is null;
    }

    /// <returns>True when a swap happened; <paramref name="error"/> is null when the current version is served.</returns>
    private bool TryReloadCore(out string? error)
    {
        lock (reloadLock)
        {
            ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) != 0, this);
            var serving = CorpusVersion;
            string name;
            try
            {
                name = versions.GetCurrent();
            }
            catch (IndexNotFoundException ex)
            {
                error = ex.Message;
                logger.ReloadCheckFailed(serving, ex.Message);
                return false;
            }

            if (string.Equals(name, serving, StringComparison.Ordinal))
            {
                error = null;
                return false;
            }

            // Versions are immutable once written, so a rejected one is not re-read (and re-logged) every poll.
            if (string.Equals(name, rejectedVersion, StringComparison.Ordinal))
            {
                error = rejectedReason;
                return false;
            }

            LuceneRetriever next;
            try
            {
                next = LuceneRetriever.Open(versions.GetVersionPath(name), extensions);
            }
            catch (Exception ex) when (ex is InvalidDataException or IndexNotFoundException or IOException or UnauthorizedAccessException)
            {
                rejectedVersion = name;
                rejectedReason = $"Index version '{name}' rejected: {ex.Message}";
                error = rejectedReason;
                logger.VersionRejected(name, serving, ex.Message);
                return false;
            }

            var old = Interlocked.Exchange(ref current, new RetrieverLease(next));
            old.Release();
            logger.IndexSwapped(name, serving);
            error = null;
            return true;
        }
    }

    /// <summary>
    /// Reloads when the <c>current</c> pointer changes: a file watcher for promptness, and polling because
    /// watchers miss events on network and container file systems.
    /// </summary>
    public void Watch(TimeSpan? pollInterval = null)
    {
        var interval = pollInterval ?? DefaultPollInterval;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        lock (reloadLock)
        {
            ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) != 0, this);
            if (pollTimer is not null)
            {
                throw new InvalidOperationException("This live index is already watching its root.");
            }

            pollTimer = new Timer(_ => ReloadQuietly(), null, interval, interval);
            try
            {
                watcher = new FileSystemWatcher(Root, IndexLayout.CurrentFile)
                {
                    NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite,
                };
                watcher.Changed += OnPointerChanged;
                watcher.Created += OnPointerChanged;
                watcher.Renamed += OnPointerChanged;
                watcher.EnableRaisingEvents = true;
            }
            catch (Exception ex) when (ex is IOException or ArgumentException or PlatformNotSupportedException)
            {
                // Polling alone still picks the change up.
                watcher?.Dispose();
                watcher = null;
            }
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        lock (reloadLock)
        {
            watcher?.Dispose();
            pollTimer?.Dispose();
        }

        // Drops the serving reference; searches still running finish first.
        Volatile.Read(ref current).Release();
    }

    /// <summary>Takes a reference on the served version; the caller must <see cref="RetrieverLease.Release"/> it.</summary>
    internal RetrieverLease AcquireLease()
    {
        while (true)
        {
            ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) != 0, this);
            var lease = Volatile.Read(ref current);
            if (lease.TryAddReference())
            {
                return lease;
            }

            // Lost a race with a swap that already retired this lease: read the new one.
        }
    }

    private void OnPointerChanged(object sender, FileSystemEventArgs e) => ThreadPool.QueueUserWorkItem(_ => ReloadQuietly());

    private void ReloadQuietly()
    {
        if (Volatile.Read(ref disposed) != 0)
        {
            return;
        }

        try
        {
            // Failures are logged inside TryReload; the old version keeps serving.
            _ = TryReload(out _);
        }
        catch (ObjectDisposedException)
        {
            // Disposed between the check and the reload.
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // SAFETY: this runs on a timer or watcher thread, where an escaping exception ends the process and every
            // patient's conversation with it. Whatever went wrong, the version served keeps serving.
            logger.ReloadCheckFailed(CorpusVersion, ex.GetType().Name + ": " + ex.Message);
        }
    }
}
