namespace KetamineFaqBot.Storage.Tests.Support;

/// <summary>One redis-server for a test class; tests isolate themselves with their own key prefix.</summary>
public sealed class RedisServerFixture : IDisposable
{
    public RedisServer Server { get; } = RedisServer.Start();

    public void Dispose() => Server.Dispose();
}
