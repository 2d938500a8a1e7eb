namespace KetamineFaqBot.Load.Scenarios;

/// <summary>
/// A conversation opened on the bot's Direct Line endpoint, the token that may post to it, and what has been read of
/// its log so far (one poller at a time reads it).
/// </summary>
internal sealed class DirectLineConversation(string id, string token)
{
    public string Id { get; } = id;

    public string Token { get; } = token;

    /// <summary>Every activity read so far, in log order.</summary>
    public List<LoggedActivity> Log { get; } = [];

    /// <summary>Where the next read starts.</summary>
    public string Watermark { get; set; } = string.Empty;
}
