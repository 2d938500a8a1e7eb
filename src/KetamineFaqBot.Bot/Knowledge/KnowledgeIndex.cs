using KetamineFaqBot.Bot.Knowledge.Logging;
using KetamineFaqBot.Core.Retrieval;
using KetamineFaqBot.Corpus;
using KetamineFaqBot.Retrieval.Indexing;
using KetamineFaqBot.Retrieval.Search;
using KetamineFaqBot.Retrieval.Versioning;
using Microsoft.Extensions.Logging;

namespace KetamineFaqBot.Bot.Knowledge;

/// <summary>Opens the live index, building it from the corpus first when none exists yet (first start).</summary>
public static class KnowledgeIndex
{
    /// <param name="paths">Corpus, prompts and index folders.</param>
    /// <param name="options">Knowledge settings.</param>
    /// <param name="extensions">Built into the first index and required of every version served (the semantic layer).</param>
    /// <param name="loggerFactory">Logging.</param>
    public static LiveIndex Open(KnowledgePaths paths, KnowledgeOptions options, IReadOnlyList<IIndexExtension> extensions, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(extensions);
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        var logger = loggerFactory.CreateLogger(typeof(KnowledgeIndex));
        if (options.BuildIndexOnStart && new IndexVersions(paths.IndexRoot).ReadCurrent() is null)
        {
            Build(paths, extensions, loggerFactory, logger);
        }

        var index = new LiveIndex(paths.IndexRoot, loggerFactory.CreateLogger<LiveIndex>(), extensions);
        index.Watch(TimeSpan.FromSeconds(options.WatchIntervalSeconds));
        return index;
    }

    private static void Build(KnowledgePaths paths, IReadOnlyList<IIndexExtension> extensions, ILoggerFactory loggerFactory, ILogger logger)
    {
        var load = CorpusLoader.Load(paths.CorpusFolder, new CorpusLoadOptions());
        if (load.Snapshot is null || load.Snapshot.Documents.Count == 0)
        {
            throw new InvalidOperationException(
                $"No index exists under '{paths.IndexRoot}' and the corpus in '{paths.CorpusFolder}' has nothing servable ({load.ErrorCount} error(s)); run 'kfaq lint'.");
        }

        // Documents with errors (e.g. past review_due) are already left out of the snapshot by the loader.
        logger.BuildingIndexOnStart(load.Snapshot.Documents.Count, load.ErrorCount);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var built = new IndexBuilder(loggerFactory.CreateLogger<IndexBuilder>()).Build(load.Snapshot, new IndexBuildOptions { Root = paths.IndexRoot, Extensions = extensions });
        var seconds = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds;
        logger.IndexBuiltOnStart(built.Version, built.Manifest.Documents.Count, built.Manifest.PassageCount, seconds);
    }
}
