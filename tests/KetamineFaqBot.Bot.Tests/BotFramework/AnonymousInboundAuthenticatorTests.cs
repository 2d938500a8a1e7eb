using KetamineFaqBot.Bot.BotFramework;
using KetamineFaqBot.Bot.Options;
using KetamineFaqBot.Bot.Protocol;

namespace KetamineFaqBot.Bot.Tests.BotFramework;

public sealed class AnonymousInboundAuthenticatorTests
{
    [Theory]
    [InlineData(null, null, "http://127.0.0.1:3978/", true)]
    [InlineData(null, null, "https://smba.trafficmanager.net/amer/", false)]
    [InlineData(null, null, null, false)]
    [InlineData(null, "Bearer x", "http://127.0.0.1:3978/", false)]
    [InlineData("app-id", null, "http://127.0.0.1:3978/", false)]
    public async Task AuthenticateAsync_Decides(string? appId, string? header, string? serviceUrl, bool expected)
    {
        var authenticator = new AnonymousInboundAuthenticator(Microsoft.Extensions.Options.Options.Create(new BotOptions { MicrosoftAppId = appId }));

        var result = await authenticator.AuthenticateAsync(header, new Activity { Type = "message", ServiceUrl = serviceUrl });

        Assert.Equal(expected, result.IsAuthenticated);
    }
}
