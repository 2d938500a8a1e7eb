using KetamineFaqBot.Core.Conversations;
using KetamineFaqBot.Core.Records;

namespace KetamineFaqBot.Bot.Protocol;

/// <summary>
/// A sender whose replies the bot stores itself (the Direct Line log): an answered turn's conversation state and
/// provenance record go into the store with its reply, as one write instead of three.
/// </summary>
public interface IStoringActivitySender : IActivitySender
{
    /// <summary>
    /// Stores and sends the reply with the turn's state and record, all in one store write; the reply's id joins the
    /// record's keys. Returns that id. Throws when the write failed or the conversation is gone: then nothing was stored.
    /// </summary>
    Task<string> SendTurnAsync(Activity reply, ConversationState? state, AnswerRecord record, CancellationToken cancellationToken = default);
}
