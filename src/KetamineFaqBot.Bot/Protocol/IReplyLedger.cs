namespace KetamineFaqBot.Bot.Protocol;

/// <summary>Remembers sent replies by the id the channel gave them (and by our own feedback key).</summary>
public interface IReplyLedger
{
    void Remember(string conversationId, string key, AnsweredReply reply);

    AnsweredReply? Find(string conversationId, string key);
}
