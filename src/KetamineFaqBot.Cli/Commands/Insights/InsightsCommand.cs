using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization;
using KetamineFaqBot.Answering.Insights;
using KetamineFaqBot.Core.Corpus;
using KetamineFaqBot.Corpus;
using KetamineFaqBot.Retrieval.Search;
using KetamineFaqBot.Retrieval.Versioning;
using KetamineFaqBot.Storage;
using Microsoft.Data.Sqlite;
using StackExchange.Redis;

namespace KetamineFaqBot.Cli.Commands.Insights;

/// <summary>
/// <c>kfaq insights [--store FILE | --redis CONFIG [--prefix P]] [--corpus DIR] [--root DIR] [--days N] [--top N] [--json]</c>:
/// the admin API's insights report, read from the bot's store at a terminal.
/// </summary>
public static class InsightsCommand
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static Command Create(TimeProvider timeProvider)
    {
        var store = new Option<string>("--store") { Description = "The bot's SQLite store file.", DefaultValueFactory = _ => CliDefaults.StoreFile };
        var redis = new Option<string?>("--redis") { Description = "Read from Redis instead (a StackExchange.Redis configuration string)." };
        var prefix = new Option<string>("--prefix") { Description = "Redis key prefix (Storage:KeyPrefix).", DefaultValueFactory = _ => "kfaq:" };
        var corpus = new Option<string>("--corpus") { Description = "Corpus folder (for review dates).", DefaultValueFactory = _ => CliDefaults.CorpusFolder };
        var root = new Option<string>("--root") { Description = "Index root folder (for passage titles).", DefaultValueFactory = _ => CliDefaults.IndexRoot };
        var days = new Option<int>("--days") { Description = "How many days of records.", DefaultValueFactory = _ => 30 };
        var top = new Option<int>("--top") { Description = "How many gaps and disliked answers.", DefaultValueFactory = _ => 20 };
        var json = new Option<bool>("--json") { Description = "Write the report as JSON." };
        var command = new Command("insights", "Top content gaps, disliked answers, replies per route and day, reviews coming due.")
        {
            store, redis, prefix, corpus, root, days, top, json,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            new InsightsArguments(
                parseResult.GetValue(store) ?? CliDefaults.StoreFile,
                parseResult.GetValue(redis),
                parseResult.GetValue(prefix) ?? "kfaq:",
                parseResult.GetValue(corpus) ?? CliDefaults.CorpusFolder,
                parseResult.GetValue(root) ?? CliDefaults.IndexRoot,
                parseResult.GetValue(days),
                parseResult.GetValue(top),
                parseResult.GetValue(json)),
            timeProvider,
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error,
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(InsightsArguments arguments, TimeProvider timeProvider, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (arguments.Days is < 1 or > 3650 || arguments.Top is < 1 or > 500)
        {
            await error.WriteLineAsync("kfaq insights: --days must be 1–3650 and --top 1–500.");
            return ExitCodes.Usage;
        }

        if (arguments.Redis is null && !File.Exists(arguments.Store))
        {
            await error.WriteLineAsync($"kfaq insights: no store at '{arguments.Store}'. Run the bot first, or pass --store FILE or --redis CONFIG.");
            return ExitCodes.Usage;
        }

        IReadOnlyList<CorpusDocument> documents = Directory.Exists(arguments.Corpus)
            ? CorpusLoader.Load(arguments.Corpus, new CorpusLoadOptions { AllowExpired = true }, timeProvider).Snapshot?.Documents ?? []
            : [];
        using var index = TryOpenIndex(arguments.Root);

        InsightsReport report;
        try
        {
            using var stores = InsightsStores.Open(arguments, timeProvider);
            report = await stores.Builder.BuildAsync(
                new InsightsQuery(documents, index?.Passages, index?.CorpusVersion, arguments.Days, arguments.Top),
                cancellationToken);
        }
        catch (Exception ex) when (ex is StorageException or SqliteException or RedisException)
        {
            await error.WriteLineAsync($"kfaq insights: {ex.Message}");
            return ExitCodes.Usage;
        }

        if (arguments.Json)
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(report, JsonOptions));
        }
        else
        {
            InsightsText.Write(report, output);
        }

        return ExitCodes.Ok;
    }

    private static LiveIndex? TryOpenIndex(string root)
    {
        try
        {
            return new LiveIndex(root);
        }
        catch (Exception ex) when (ex is IndexNotFoundException or InvalidDataException or IOException)
        {
            // Titles are a convenience: without an index the report shows passage ids only.
            return null;
        }
    }
}
