using System.CommandLine;
using System.Globalization;
using KetamineFaqBot.Answering;
using KetamineFaqBot.Answering.Pipeline;
using KetamineFaqBot.Cli.Composition;
using KetamineFaqBot.Corpus;
using KetamineFaqBot.Retrieval.Indexing;
using KetamineFaqBot.Retrieval.Versioning;
using KetamineFaqBot.Semantics;
using KetamineFaqBot.Semantics.Exemplars;
using Microsoft.Extensions.Configuration;

namespace KetamineFaqBot.Cli.Commands.Index;

/// <summary>
/// <c>kfaq index [--corpus DIR] [--root DIR] [--keep N] [--allow-expired]</c> builds a new index version and makes it
/// current; <c>kfaq index --rollback [VERSION]</c> moves <c>current</c> back (to the previous version by default).
/// </summary>
public static class IndexCommand
{
    public static Command Create(TimeProvider timeProvider)
    {
        var corpus = new Option<string>("--corpus") { Description = "Corpus folder.", DefaultValueFactory = _ => CliDefaults.CorpusFolder };
        var root = new Option<string>("--root") { Description = "Index root folder.", DefaultValueFactory = _ => CliDefaults.IndexRoot };
        var prompts = new Option<string>("--prompts") { Description = "Prompts folder (route exemplars in routes/).", DefaultValueFactory = _ => CliDefaults.PromptsFolder };
        var cache = new Option<string?>("--embedding-cache") { Description = "Folder of cached build-time vectors (default: embedding-cache under the index root)." };
        var keep = new Option<int>("--keep") { Description = "How many versions to keep.", DefaultValueFactory = _ => 5 };
        var allowExpired = new Option<bool>("--allow-expired") { Description = "Index documents past review_due (local work only)." };
        var rollback = new Option<string?>("--rollback")
        {
            Description = "Move 'current' back to VERSION, or to the version before the current one when no VERSION is given.",
            Arity = ArgumentArity.ZeroOrOne,
        };

        var command = new Command("index", "Build the search index from the corpus, or roll back to an earlier version.")
        {
            corpus, root, prompts, cache, keep, allowExpired, rollback,
        };
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var rootPath = parseResult.GetValue(root) ?? CliDefaults.IndexRoot;
            if (parseResult.GetResult(rollback) is not null)
            {
                return Rollback(rootPath, parseResult.GetValue(rollback), output, error);
            }

            return Build(
                parseResult.GetValue(corpus) ?? CliDefaults.CorpusFolder,
                rootPath,
                parseResult.GetValue(prompts) ?? CliDefaults.PromptsFolder,
                parseResult.GetValue(cache),
                parseResult.GetValue(keep),
                parseResult.GetValue(allowExpired),
                timeProvider,
                output,
                error);
        });
        return command;
    }

    private static int Build(
        string corpusFolder, string root, string promptsFolder, string? cacheFolder, int keep, bool allowExpired, TimeProvider timeProvider, TextWriter output, TextWriter error)
    {
        if (keep < 1)
        {
            error.WriteLine("kfaq index: --keep must be at least 1.");
            return ExitCodes.Usage;
        }

        if (!Directory.Exists(corpusFolder))
        {
            error.WriteLine($"kfaq index: corpus folder '{corpusFolder}' does not exist.");
            return ExitCodes.Usage;
        }

        var load = CorpusLoader.Load(corpusFolder, new CorpusLoadOptions { AllowExpired = allowExpired }, timeProvider);
        if (load.ErrorCount > 0 || load.Snapshot is null)
        {
            // A content owner fixes the corpus first; the live index keeps serving the last good version.
            error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"kfaq index: the corpus has {load.ErrorCount} error(s); run 'kfaq lint {corpusFolder}' for details. The current index was not changed."));
            return ExitCodes.Findings;
        }

        // A content owner hears about a broken exemplar file (file and line) before anything is built.
        var settings = AnsweringComposition.FromEnvironment();
        var semantic = SemanticLayer.Extension(promptsFolder, root, cacheFolder, AnsweringComposition.SentenceModelFrom(settings));
        try
        {
            semantic.ReadExemplars();
            semantic.ReadUncovered();
        }
        catch (ExemplarFormatException ex)
        {
            error.WriteLine($"kfaq index: route exemplar file {ex.Message}. The current index was not changed.");
            return ExitCodes.Usage;
        }

        // The gate's meaning model is fitted into the version under the settings `kfaq ask` and `kfaq eval` run with.
        var answering = settings.GetSection(AnsweringOptions.SectionName).Get<AnsweringOptions>() ?? new AnsweringOptions();
        var gate = new GateCalibrationExtension(answering, promptsFolder);
        try
        {
            var result = new IndexBuilder(timeProvider: timeProvider).Build(
                load.Snapshot,
                new IndexBuildOptions { Root = root, KeepVersions = keep, Extensions = [semantic, gate] });
            if (result.Status == IndexBuildStatus.NoChange)
            {
                output.WriteLine($"No change: the corpus matches the current version {result.Version}.");
                return ExitCodes.Ok;
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Built {result.Version}: {result.Manifest.Documents.Count} document(s), {result.Manifest.PassageCount} passage(s), {result.Manifest.FaqCount} FAQ entr(ies). 'current' now points to it."));
            WriteChanges(result.Changes, output);
            WriteClassifier(semantic, gate, output);
            foreach (var pruned in result.PrunedVersions)
            {
                output.WriteLine($"Removed old version {pruned}.");
            }

            return ExitCodes.Ok;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            error.WriteLine($"kfaq index: the build failed and the current index was not changed: {ex.Message}");
            return ExitCodes.Findings;
        }
    }

    private static void WriteClassifier(SemanticIndexExtension semantic, GateCalibrationExtension gate, TextWriter output)
    {
        if (semantic.LastCalibration is not { } calibration)
        {
            return;
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Route classifier: {calibration.Exemplars} exemplar(s), {calibration.Folds}-fold cross-validation, {semantic.LastEmbedded} text(s) embedded (the rest from the cache)."));
        output.WriteLine("  route          n  recall  precision  threshold  recall@thr  false@thr");
        foreach (var route in calibration.Routes)
        {
            var threshold = calibration.Thresholds.TryGetValue(route.Route, out var t) ? t : float.NaN;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {route.Route,-12} {route.Count,4}  {route.Recall,6:P0}  {route.Precision,9:P0}  {threshold,9:0.000}  {route.RecallAtThreshold,10:P0}  {route.FalseRateAtThreshold,9:P1}"));
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  check-in from crisis {calibration.CrisisCheckIn:0.000}, emergency {calibration.EmergencyCheckIn:0.000}; a referral rule set aside from answer {calibration.ReferralRelease:0.000}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  FAQ paraphrase match from cosine {calibration.FaqMatch:0.000}"));
        output.WriteLine(calibration.UncoveredQuestions == 0
            ? "  confidence gate: words only (no reviewed uncovered questions to calibrate its meaning layer on)"
            : gate.LastModel is { } model
            ? string.Create(CultureInfo.InvariantCulture,
                $"  confidence gate: meaning layer fitted on {calibration.CoveredQuestions} reviewed covered and {calibration.UncoveredQuestions} uncovered question(s), answering above probability {model.Threshold:0.000} (`kfaq ask --json` shows provenance.gate.probability and probabilityThreshold)")
            : string.Create(CultureInfo.InvariantCulture,
                $"  confidence gate: {calibration.UncoveredQuestions} reviewed uncovered question(s) kept to calibrate the meaning layer at first use (`kfaq ask --json` shows it in provenance.gate.threshold); over all of them it would be {calibration.Covered:0.000}, reaching {semantic.LastCoveredReach:P0} of the answer exemplars"));
    }

    private static void WriteChanges(IndexChanges changes, TextWriter output)
    {
        foreach (var path in changes.Added)
        {
            output.WriteLine($"  added    {path}");
        }

        foreach (var path in changes.Changed)
        {
            output.WriteLine($"  changed  {path}");
        }

        foreach (var path in changes.Removed)
        {
            output.WriteLine($"  removed  {path}");
        }
    }

    private static int Rollback(string root, string? version, TextWriter output, TextWriter error)
    {
        try
        {
            var versions = new IndexVersions(root);
            var target = version ?? PreviousVersion(versions);
            if (target is null)
            {
                error.WriteLine("kfaq index --rollback: there is no earlier version to roll back to.");
                return ExitCodes.Findings;
            }

            versions.SetCurrent(target);
            output.WriteLine($"'current' now points to {target}.");
            return ExitCodes.Ok;
        }
        catch (Exception ex) when (ex is IndexNotFoundException or IOException or InvalidDataException or ArgumentException)
        {
            error.WriteLine($"kfaq index --rollback: {ex.Message}");
            return ExitCodes.Usage;
        }
    }

    private static string? PreviousVersion(IndexVersions versions)
    {
        // List() is newest first by build time; the one after the current entry is the previous build.
        var current = versions.GetCurrent();
        var servable = versions.List().Where(v => v.Error is null).Select(v => v.Name).ToList();
        var at = servable.IndexOf(current);
        return at >= 0 && at + 1 < servable.Count ? servable[at + 1] : null;
    }
}
