namespace KetamineFaqBot.Bot.Protocol;

/// <summary>Where the replies of one turn go: the Connector REST API, or the in-process Direct Line log.</summary>
public interface IActivitySender
{
    /// <summary>How long an answer may take before a typing activity is sent.</summary>
    TimeSpan TypingDelay { get; }

    /// <summary>Sends an activity; returns the id the channel gave it, when it gave one.</summary>
    Task<string?> SendAsync(Activity activity, CancellationToken cancellationToken = default);
}
