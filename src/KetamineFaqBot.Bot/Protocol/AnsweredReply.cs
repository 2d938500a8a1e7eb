using KetamineFaqBot.Core.Answering;
using Route = KetamineFaqBot.Core.Answering.Route;

namespace KetamineFaqBot.Bot.Protocol;

/// <summary>What was sent as one reply, kept so feedback on it can be tied to its provenance.</summary>
public sealed record AnsweredReply(string ConversationId, string? ActivityId, Route Route, Provenance Provenance);
