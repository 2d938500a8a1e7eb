using KetamineFaqBot.Bot.Admin.Logging;
using KetamineFaqBot.Bot.Knowledge;
using KetamineFaqBot.Corpus;
using KetamineFaqBot.Corpus.Linting;
using KetamineFaqBot.Retrieval.Indexing;
using KetamineFaqBot.Retrieval.Search;
using Microsoft.Extensions.Options;

namespace KetamineFaqBot.Bot.Admin;

/// <summary>
/// Builds a new index version from the configured corpus folder and makes the running bot serve it — the same steps
/// as <c>kfaq index</c>, one at a time. A corpus with lint errors is refused and the live version keeps serving.
/// </summary>
public sealed class ContentReindexer(
    KnowledgePaths paths, LiveIndex live, IndexExtensionSet extensions, IOptions<AdminOptions> options, TimeProvider timeProvider, ILoggerFactory loggerFactory)
    : IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly ILogger logger = loggerFactory.CreateLogger<ContentReindexer>();

    /// <returns>The result, or the lint errors that stopped the build.</returns>
    public async Task<(ReindexResult? Result, IReadOnlyList<LintFinding> Errors)> ReindexAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            var load = CorpusLoader.Load(paths.CorpusFolder, new CorpusLoadOptions(), timeProvider);
            var errors = load.Findings.Where(f => f.Severity == LintSeverity.Error).ToList();
            if (errors.Count > 0 || load.Snapshot is null)
            {
                AdminLog.ReindexRefused(logger, errors.Count);
                return (null, errors);
            }

            var previous = live.CorpusVersion;
            var built = new IndexBuilder(loggerFactory.CreateLogger<IndexBuilder>(), timeProvider)
                .Build(load.Snapshot, new IndexBuildOptions { Root = paths.IndexRoot, KeepVersions = options.Value.KeepVersions, Extensions = extensions.Items });

            // Swap now rather than waiting for the watcher, so the caller's next question sees the new content.
            if (!live.TryReload(out var error))
            {
                AdminLog.ReindexNotLive(logger, built.Version, error ?? "unknown");
                throw new InvalidOperationException($"Index version {built.Version} was built but could not be served: {error}");
            }

            var status = built.Status == IndexBuildStatus.Built ? "built" : "no_change";
            AdminLog.Reindexed(logger, status, built.Version, previous);
            return (new ReindexResult(status, built.Version, previous, built.Manifest.Documents.Count, built.Manifest.PassageCount, built.Manifest.FaqCount), []);
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose() => gate.Dispose();
}
