namespace KetamineFaqBot.Bot.Tests.BotFramework.Authentication;

/// <summary>Starts one <see cref="OpenIdTestServer"/> per test class.</summary>
public sealed class OpenIdTestServerFixture : IAsyncLifetime
{
    internal OpenIdTestServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await OpenIdTestServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
