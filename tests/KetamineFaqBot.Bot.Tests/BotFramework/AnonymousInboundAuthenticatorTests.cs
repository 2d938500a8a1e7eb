using KetamineFaqBot.Bot.BotFramework;
using KetamineFaqBot.Bot.BotFramework.Authentication;
using KetamineFaqBot.Bot.Options;
using KetamineFaqBot.Bot.Protocol;
using Microsoft.Extensions.Logging.Abstractions;

namespace KetamineFaqBot.Bot.Tests.BotFramework;

public sealed class AnonymousInboundAuthenticatorTests
{
    [Theory]
    [InlineData(null, null, "http://127.0.0.1:3978/", true)]
    [InlineData(null, null, "http://localhost:3978/emulator/", true)]
    [InlineData(null, null, "http://127.0.0.1:3979/", false)]
    [InlineData(null, null, "http://127.0.0.1:6379/", false)]
    [InlineData(null, null, "http://user@127.0.0.1:3978/", false)]
    [InlineData(null, null, "https://smba.trafficmanager.net/amer/", false)]
    [InlineData(null, null, "/relative/path", false)]
    [InlineData(null, null, null, false)]
    [InlineData(null, "Bearer x", "http://127.0.0.1:3978/", false)]
    [InlineData("app-id", null, "http://127.0.0.1:3978/", false)]
    public async Task AuthenticateAsync_Decides(string? appId, string? header, string? serviceUrl, bool expected)
    {
        var replies = new BotAuthenticationOptions();
        replies.AllowedLoopbackReplyPorts.Add("3978");
        var policy = new AllowlistServiceUrlPolicy(new ServiceUrlAllowlist(Microsoft.Extensions.Options.Options.Create(replies), NullLogger<ServiceUrlAllowlist>.Instance));
        var authenticator = new AnonymousInboundAuthenticator(Microsoft.Extensions.Options.Options.Create(new BotOptions { MicrosoftAppId = appId }), policy);

        var result = await authenticator.AuthenticateAsync(header, new Activity { Type = "message", ServiceUrl = serviceUrl });

        Assert.Equal(expected, result.IsAuthenticated);
    }
}
