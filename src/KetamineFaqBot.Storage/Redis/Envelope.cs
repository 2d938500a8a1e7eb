namespace KetamineFaqBot.Storage.Redis;

/// <summary>A sorted-set member: the id keeps two equal records distinct.</summary>
internal sealed record Envelope<T>(string Id, T Value);
