using System.Diagnostics;
using System.Diagnostics.Metrics;
using KetamineFaqBot.Core.Answering;
using KetamineFaqBot.Core.Retrieval;
using KetamineFaqBot.Core.Telemetry;

namespace KetamineFaqBot.Bot.Telemetry;

/// <summary>
/// The bot's own metrics: replies, turn latency and the classifier's confidence per route and channel, feedback, and
/// the index version being served. Tags are routes, channels and ratings only, never anything a user wrote or an id.
/// </summary>
public sealed class BotMetrics
{
    public const string RepliesName = "kfaq.replies";
    public const string TurnDurationName = "kfaq.turn.duration";
    public const string ClassifierTopScoreName = "kfaq.classifier.top_score";
    public const string FeedbackName = "kfaq.feedback";
    public const string IndexVersionName = "kfaq.index.version";

    /// <summary>Route tag of a turn that failed and was answered with the apology.</summary>
    public const string FailedRoute = "error";

    private readonly Counter<long> _replies;
    private readonly Histogram<double> _turnDuration;
    private readonly Histogram<double> _classifierTopScore;
    private readonly Counter<long> _feedback;
    private readonly IServiceProvider _services;

    public BotMetrics(IMeterFactory meterFactory, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        _services = services;
        var meter = meterFactory.Create(TelemetryNames.Source);
        _replies = meter.CreateCounter<long>(RepliesName, "{reply}", "Replies sent to questions, by route and channel.");
        _turnDuration = meter.CreateHistogram(
            TurnDurationName, "s", "Time from a question's arrival at the worker to its reply sent and recorded.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });
        _classifierTopScore = meter.CreateHistogram(
            ClassifierTopScoreName, unit: null, "The route classifier's highest probability for a question, by the route replied.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0] });
        _feedback = meter.CreateCounter<long>(FeedbackName, "{rating}", "Thumbs up and down on replies, by channel.");
        meter.CreateObservableGauge(IndexVersionName, ObserveIndexVersion, "{version}", "1 for the index version being served (its id in the tag).");
    }

    public void Replied(string route, string? channel, TimeSpan elapsed, RouteProvenance? routing)
    {
        var tags = RouteAndChannel(route, channel);
        _replies.Add(1, tags);
        _turnDuration.Record(elapsed.TotalSeconds, tags);
        if (routing?.Scores is { Count: > 0 } scores)
        {
            _classifierTopScore.Record(scores[0].Value, new KeyValuePair<string, object?>(TelemetryNames.RouteTag, route));
        }
    }

    public void TurnFailed(string? channel, TimeSpan elapsed) =>
        _turnDuration.Record(elapsed.TotalSeconds, RouteAndChannel(FailedRoute, channel));

    /// <param name="rating">like or dislike (anything else was refused before it got here).</param>
    public void FeedbackRecorded(string rating, string? channel) =>
        _feedback.Add(
            1,
            new KeyValuePair<string, object?>(TelemetryNames.RatingTag, rating == "like" ? "up" : "down"),
            new KeyValuePair<string, object?>(TelemetryNames.ChannelTag, TelemetryNames.Channel(channel)));

    private static TagList RouteAndChannel(string route, string? channel) => new()
    {
        { TelemetryNames.RouteTag, route },
        { TelemetryNames.ChannelTag, TelemetryNames.Channel(channel) },
    };

    private IEnumerable<Measurement<int>> ObserveIndexVersion()
    {
        string? version;
        try
        {
            version = _services.GetService<IRetriever>()?.CorpusVersion;
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or InvalidDataException or ObjectDisposedException)
        {
            // No servable index yet (or the host is stopping): nothing to report.
            version = null;
        }

        return string.IsNullOrEmpty(version) ? [] : [new Measurement<int>(1, new KeyValuePair<string, object?>(TelemetryNames.IndexVersionTag, version))];
    }
}
