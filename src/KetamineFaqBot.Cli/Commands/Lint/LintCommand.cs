using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using KetamineFaqBot.Corpus;
using KetamineFaqBot.Corpus.Linting;

namespace KetamineFaqBot.Cli.Commands.Lint;

/// <summary><c>kfaq lint [FOLDER] [--json] [--allow-expired]</c>: checks the corpus the way the bot will load it.</summary>
public static class LintCommand
{
    public static Command Create(TimeProvider timeProvider)
    {
        var folder = new Argument<string>("folder")
        {
            Description = "Corpus folder holding the *.md documents and synonyms.txt.",
            DefaultValueFactory = _ => "corpus",
        };
        var json = new Option<bool>("--json") { Description = "Write one JSON object instead of text lines." };
        var allowExpired = new Option<bool>("--allow-expired")
        {
            Description = "Report documents past their review_due date as warnings instead of errors (local work only).",
        };

        var command = new Command("lint", "Check corpus documents and synonyms; exit 0 when clean, 1 on errors, 2 on bad input.")
        {
            folder,
            json,
            allowExpired,
        };
        command.SetAction(parseResult => Run(
            parseResult.GetValue(folder) ?? "corpus",
            parseResult.GetValue(json),
            parseResult.GetValue(allowExpired),
            timeProvider,
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error));
        return command;
    }

    private static int Run(string folder, bool json, bool allowExpired, TimeProvider timeProvider, TextWriter output, TextWriter error)
    {
        if (!Directory.Exists(folder))
        {
            error.WriteLine($"kfaq lint: corpus folder '{folder}' does not exist. Pass the folder holding the *.md documents, e.g. 'kfaq lint corpus'.");
            return ExitCodes.Usage;
        }

        CorpusLoadResult result;
        try
        {
            result = CorpusLoader.Load(folder, new CorpusLoadOptions { AllowExpired = allowExpired }, timeProvider);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"kfaq lint: cannot read '{folder}': {ex.Message}");
            return ExitCodes.Usage;
        }

        if (json)
        {
            output.WriteLine(ToJson(result));
        }
        else
        {
            WriteText(result, output);
        }

        return result.ErrorCount > 0 ? ExitCodes.Findings : ExitCodes.Ok;
    }

    private static void WriteText(CorpusLoadResult result, TextWriter output)
    {
        foreach (var finding in result.Findings)
        {
            var place = finding.Line > 0
                ? string.Create(CultureInfo.InvariantCulture, $"{finding.File}:{finding.Line}")
                : finding.File;
            output.WriteLine($"{place}: {finding.SeverityName} {finding.Rule}: {finding.Message}");
        }

        var documents = result.Snapshot?.Documents.Count ?? 0;
        var passages = result.Snapshot?.Passages.Count() ?? 0;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{result.ErrorCount} error(s), {result.WarningCount} warning(s); {documents} document(s) with {passages} passage(s) can be served."));
    }

    private static string ToJson(CorpusLoadResult result)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = false }))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("findings");
            foreach (var finding in result.Findings)
            {
                writer.WriteStartObject();
                writer.WriteString("file", finding.File);
                writer.WriteNumber("line", finding.Line);
                writer.WriteString("severity", finding.SeverityName);
                writer.WriteString("rule", finding.Rule);
                writer.WriteString("message", finding.Message);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteNumber("errors", result.ErrorCount);
            writer.WriteNumber("warnings", result.WarningCount);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
