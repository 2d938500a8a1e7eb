using KetamineFaqBot.Core.Answering;
using KetamineFaqBot.Core.Feedback;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace KetamineFaqBot.Bot.Tests.TestSupport;

/// <summary>The real bot on Kestrel at 127.0.0.1 and a free port, with the scripted pipeline in place of the real one.</summary>
public sealed class BotTestHost : WebApplicationFactory<Program>
{
    public const string SigningKey = "test-signing-key-0123456789-abcdefghijklmnop";

    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _configureServices;

    private readonly bool _realAnswers;
    private readonly string? _indexFolder;
    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "kfaq-bot-data-" + Guid.NewGuid().ToString("N"));

    private readonly bool _realStores;

    private BotTestHost(Dictionary<string, string?> settings, Action<IServiceCollection>? configureServices, bool realAnswers, bool realStores)
    {
        _realStores = realStores;
        _settings = settings;
        _configureServices = configureServices;
        _realAnswers = realAnswers;

        // Each host has its own SQLite file unless the test chose a store.
        _settings.TryAdd("Storage:ConnectionString", Path.Combine(_dataFolder, "state.db"));
        if (realAnswers)
        {
            // The real pipeline over the shipped corpus and prompts, with its index built into a temp folder on start.
            _indexFolder = Path.Combine(Path.GetTempPath(), "kfaq-bot-index-" + Guid.NewGuid().ToString("N"));
            _settings["Knowledge:IndexRoot"] = _indexFolder;
        }

        // The semantic layer (model load, classifier training) is exercised by its own tests and by the hosts that
        // ask for it; every other host answers with the rules alone so the suite stays fast.
        _settings.TryAdd("Semantics:Enabled", "false");
    }

    public ScriptedAnswerService Answers { get; } = new();

    public Uri BaseAddress { get; private set; } = null!;

    public RecordingFeedbackStore Feedback { get; } = new();

    /// <summary>The host with the real answering pipeline (shipped corpus, rules and response texts).</summary>
    public static BotTestHost StartWithRealAnswers(IDictionary<string, string?>? settings = null) => Start(settings, null, realAnswers: true, realStores: false);

    /// <summary>The real pipeline and the configured stores for everything, feedback included (no recording double).</summary>
    public static BotTestHost StartProductionLike(IDictionary<string, string?> settings, Action<IServiceCollection>? configureServices = null) =>
        Start(settings, configureServices, realAnswers: true, realStores: true);

    public static BotTestHost Start(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configureServices = null) =>
        Start(settings, configureServices, realAnswers: false, realStores: false);

    private static BotTestHost Start(IDictionary<string, string?>? settings, Action<IServiceCollection>? configureServices, bool realAnswers, bool realStores)
    {
        var merged = new Dictionary<string, string?>
        {
            ["DirectLine:TokenSigningKey"] = SigningKey,
            ["DirectLine:ConversationsPerMinutePerIp"] = "1000",
            ["DirectLine:ActivitiesPerMinutePerConversation"] = "1000",
            ["Bot:MessagesPerMinutePerConversation"] = "1000",
            ["Bot:TypingDelayMilliseconds"] = "0",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            // A null value leaves the setting unset, as in a deployment that does not mention it (UseSetting would
            // turn it into an empty string).
            if (value is null)
            {
                merged.Remove(key);
            }
            else
            {
                merged[key] = value;
            }
        }

        var host = new BotTestHost(merged, configureServices, realAnswers, realStores);
        host.UseKestrel();
        host.StartServer();
        var address = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        host.BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal) + "/");
        return host;
    }

    public HttpClient CreateHttpClient() => new() { BaseAddress = BaseAddress };

    /// <summary>Waits until <c>/readyz</c> answers 200 (a Redis store connects in the background after start).</summary>
    public async Task WaitUntilReadyAsync()
    {
        using var http = CreateHttpClient();
        await Eventually.ValueAsync(async () =>
        {
            using var response = await http.GetAsync(new Uri("readyz", UriKind.Relative));
            return response.StatusCode == System.Net.HttpStatusCode.OK ? string.Empty : null;
        });
    }

    /// <summary>Asks the host's answer service directly, in a new conversation unless one is given.</summary>
    public Task<Answer> AskAsync(string question, string? conversationId = null) =>
        Services.GetRequiredService<IAnswerService>().AnswerAsync(new Turn(conversationId ?? Guid.NewGuid().ToString("N"), "test-user", question, Channel: "test"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Urls", "http://127.0.0.1:0");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            if (!_realAnswers)
            {
                services.AddSingleton<IAnswerService>(Answers);
                services.AddSingleton<IResponseTexts, ScriptedResponseTexts>();
            }

            if (!_realStores)
            {
                services.AddSingleton<IFeedbackStore>(Feedback);
            }

            _configureServices?.Invoke(services);
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _indexFolder is not null && Directory.Exists(_indexFolder))
        {
            Directory.Delete(_indexFolder, recursive: true);
        }

        if (disposing && Directory.Exists(_dataFolder))
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_dataFolder, recursive: true);
        }
    }
}
