using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using KetamineFaqBot.Corpus;
using KetamineFaqBot.Retrieval.Search;
using KetamineFaqBot.Retrieval.Versioning;

namespace KetamineFaqBot.Cli.Commands.Diff;

/// <summary>
/// <c>kfaq diff [--corpus DIR] [--root DIR] [--json]</c>: documents and FAQ entries added, removed or changed in the
/// corpus folder since the live index version was built. Exit 0 when nothing differs, 1 when something does.
/// </summary>
public static class DiffCommand
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    private static readonly Dictionary<ChangeKind, string> Marks = new() { [ChangeKind.Added] = "+", [ChangeKind.Removed] = "-", [ChangeKind.Changed] = "~" };

    public static Command Create(TimeProvider timeProvider)
    {
        var corpus = new Option<string>("--corpus") { Description = "Corpus folder.", DefaultValueFactory = _ => CliDefaults.CorpusFolder };
        var root = new Option<string>("--root") { Description = "Index root folder.", DefaultValueFactory = _ => CliDefaults.IndexRoot };
        var json = new Option<bool>("--json") { Description = "Write one JSON object." };
        var command = new Command("diff", "Show what changed in the corpus since the live index version was built.") { corpus, root, json };
        command.SetAction(parseResult => Run(
            parseResult.GetValue(corpus) ?? CliDefaults.CorpusFolder,
            parseResult.GetValue(root) ?? CliDefaults.IndexRoot,
            parseResult.GetValue(json),
            timeProvider,
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error));
        return command;
    }

    private static int Run(string corpusFolder, string root, bool json, TimeProvider timeProvider, TextWriter output, TextWriter error)
    {
        if (!Directory.Exists(corpusFolder))
        {
            error.WriteLine($"kfaq diff: corpus folder '{corpusFolder}' does not exist.");
            return ExitCodes.Usage;
        }

        CorpusDiff diff;
        int errors;
        try
        {
            var versions = new IndexVersions(root);
            var current = versions.GetCurrent();
            using var retriever = LuceneRetriever.Open(versions.GetVersionPath(current));
            var load = CorpusLoader.Load(corpusFolder, new CorpusLoadOptions(), timeProvider);
            errors = load.ErrorCount;
            diff = CorpusDiff.Compare(retriever.Manifest, retriever.Passages, load.Snapshot ?? new Core.Corpus.CorpusSnapshot([], [], string.Empty));
        }
        catch (Exception ex) when (ex is IndexNotFoundException or InvalidDataException or IOException)
        {
            error.WriteLine($"kfaq diff: {ex.Message}");
            return ExitCodes.Usage;
        }

        if (json)
        {
            output.WriteLine(JsonSerializer.Serialize(new { diff.LiveVersion, diff.Documents, diff.FaqEntries, lintErrors = errors }, JsonOptions));
        }
        else
        {
            Write(diff, errors, output);
        }

        return diff.HasChanges ? ExitCodes.Findings : ExitCodes.Ok;
    }

    private static void Write(CorpusDiff diff, int errors, TextWriter output)
    {
        output.WriteLine($"Live index {diff.LiveVersion} compared with the corpus folder:");
        output.WriteLine(Summary("Documents", diff.Documents.Select(d => d.Kind)));
        foreach (var document in diff.Documents)
        {
            output.WriteLine($"  {Marks[document.Kind]} {document.Path} ({document.Id})");
        }

        output.WriteLine(Summary("FAQ entries", diff.FaqEntries.Select(f => f.Kind)));
        foreach (var entry in diff.FaqEntries)
        {
            output.WriteLine($"  {Marks[entry.Kind]} {entry.Id}: {entry.Question}");
        }

        if (errors > 0)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{errors} lint error(s): documents with errors are left out above and would not be indexed; run 'kfaq lint'."));
        }

        if (!diff.HasChanges)
        {
            output.WriteLine("No changes: the live index matches the corpus.");
        }
    }

    private static string Summary(string what, IEnumerable<ChangeKind> kinds)
    {
        var list = kinds.ToList();
        return string.Create(CultureInfo.InvariantCulture,
            $"{what}: {list.Count(k => k == ChangeKind.Added)} added, {list.Count(k => k == ChangeKind.Removed)} removed, {list.Count(k => k == ChangeKind.Changed)} changed");
    }
}
