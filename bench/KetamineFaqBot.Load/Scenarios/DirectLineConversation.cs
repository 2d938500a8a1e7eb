namespace KetamineFaqBot.Load.Scenarios;

/// <summary>A conversation opened on the bot's Direct Line endpoint, and the token that may post to it.</summary>
internal sealed record DirectLineConversation(string Id, string Token);
