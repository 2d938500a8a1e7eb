namespace KetamineFaqBot.Load;

/// <summary>One load run: how much traffic, where the bot and the questions are, and how long to wait for answers.</summary>
/// <param name="Requests">Measured requests per scenario (echo, Direct Line, /api/messages).</param>
/// <param name="Connections">Concurrent workers, each with at most one request in flight (closed loop).</param>
/// <param name="Conversations">Conversations the bot scenarios spread their requests over, round-robin.</param>
/// <param name="Warmup">Unmeasured requests per scenario first, so JIT and connection set-up stay out of the figures.</param>
/// <param name="BotAssembly">The bot's built KetamineFaqBot.Bot.dll, started with <c>dotnet</c>.</param>
/// <param name="QuestionsFile">A JSON-lines eval file; the <c>turns</c> of every case are the questions asked.</param>
/// <param name="ReplyTimeout">How long after the last request every answer may take to arrive.</param>
/// <param name="BotSettings">Extra bot settings as environment variables (<c>Bot__Workers</c> = <c>8</c>), applied last.</param>
internal sealed record LoadSettings(
    int Requests,
    int Connections,
    int Conversations,
    int Warmup,
    string BotAssembly,
    string QuestionsFile,
    TimeSpan ReplyTimeout,
    IReadOnlyDictionary<string, string> BotSettings)
{
    /// <summary>Sized so a full run takes under about two minutes on two cores.</summary>
    public const int DefaultRequests = 5000;

    public const int DefaultConnections = 64;

    public const int DefaultConversations = 500;

    public const int DefaultWarmup = 500;

    /// <summary>
    /// Null: every scenario closed loop. Else (0 &lt; Pace ≤ 1) the Direct Line and /api/messages scenarios' measured
    /// requests are paced (open loop) at Pace × the echo baseline's measured req/s; echo and the warm-ups stay closed loop.
    /// </summary>
    public double? Pace { get; init; }

    /// <summary>
    /// Null: as <see cref="Pace"/> says. Else (0 &lt; SaturationPace ≤ 1) each bot scenario is measured closed loop (its
    /// saturation: the answers/s it sustains), then measured again open loop at SaturationPace × that rate, reported
    /// as "{name}-paced". Not combined with <see cref="Pace"/>.
    /// </summary>
    public double? SaturationPace { get; init; }

    /// <summary>
    /// False (default): Direct Line, then /api/messages. True: /api/messages first. The bot process is a minute old when
    /// the first bot scenario runs and still compiling hot code, so whichever runs first pays more of that; running a
    /// pair of runs in both orders shows how much the order moves the Direct Line ÷ messages ratio.
    /// </summary>
    public bool MessagesFirst { get; init; }

    /// <summary>Whether <paramref name="pace"/> is a fraction <c>--pace</c> accepts: 0 &lt; pace ≤ 1.</summary>
    public static bool IsValidPace(double pace) => pace is > 0 and <= 1;

    /// <summary>Enough traffic to prove every path works end to end, in seconds.</summary>
    public static LoadSettings Smoke(string botAssembly, string questionsFile) =>
        new(50, 4, 10, 10, botAssembly, questionsFile, TimeSpan.FromSeconds(30), new Dictionary<string, string>());
}
