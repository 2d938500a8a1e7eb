using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using KetamineFaqBot.Core.Retrieval;
using KetamineFaqBot.Retrieval.Search;
using KetamineFaqBot.Retrieval.Versioning;

namespace KetamineFaqBot.Cli.Commands.Search;

/// <summary><c>kfaq search "question" [--top N] [--json] [--root DIR]</c>: ranked passages, retrieval only.</summary>
public static class SearchCommand
{
    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static Command Create()
    {
        var question = new Argument<string>("question") { Description = "The question to search for." };
        var top = new Option<int>("--top") { Description = "How many passages to show.", DefaultValueFactory = _ => 5 };
        var json = new Option<bool>("--json") { Description = "Write one JSON object." };
        var root = new Option<string>("--root") { Description = "Index root folder.", DefaultValueFactory = _ => CliDefaults.IndexRoot };

        var command = new Command("search", "Show the passages the live index ranks highest for a question.") { question, top, json, root };
        command.SetAction(parseResult => Run(
            parseResult.GetValue(question) ?? string.Empty,
            parseResult.GetValue(top),
            parseResult.GetValue(json),
            parseResult.GetValue(root) ?? CliDefaults.IndexRoot,
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error));
        return command;
    }

    private static int Run(string question, int top, bool json, string root, TextWriter output, TextWriter error)
    {
        if (top is < 1 or > 100)
        {
            error.WriteLine("kfaq search: --top must be between 1 and 100.");
            return ExitCodes.Usage;
        }

        LiveIndex index;
        try
        {
            index = new LiveIndex(root);
        }
        catch (Exception ex) when (ex is IndexNotFoundException or InvalidDataException or IOException)
        {
            error.WriteLine($"kfaq search: {ex.Message}");
            return ExitCodes.Usage;
        }

        using (index)
        {
            var hits = index.Search(question, top);
            if (json)
            {
                output.WriteLine(JsonSerializer.Serialize(ToJson(index.CorpusVersion, hits), JsonOptions));
            }
            else
            {
                WriteText(index.CorpusVersion, hits, output);
            }
        }

        return ExitCodes.Ok;
    }

    private static void WriteText(string version, IReadOnlyList<SearchHit> hits, TextWriter output)
    {
        output.WriteLine($"index version {version}: {hits.Count} passage(s)");
        for (var i = 0; i < hits.Count; i++)
        {
            var passage = hits[i].Passage;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{i + 1,2}. {hits[i].Score,7:0.000}  {passage.Id}  [{passage.Topic}, {passage.Kind.ToString().ToLowerInvariant()}]  {passage.Section}"));
        }
    }

    private static object ToJson(string version, IReadOnlyList<SearchHit> hits) => new
    {
        corpusVersion = version,
        hits = hits.Select((hit, i) => new
        {
            rank = i + 1,
            score = hit.Score,
            id = hit.Passage.Id,
            docId = hit.Passage.DocId,
            title = hit.Passage.Title,
            section = hit.Passage.Section,
            topic = hit.Passage.Topic,
            kind = hit.Passage.Kind.ToString().ToLowerInvariant(),
        }),
    };
}
