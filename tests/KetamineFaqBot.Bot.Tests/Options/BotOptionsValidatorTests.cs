using KetamineFaqBot.Bot.Options;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace KetamineFaqBot.Bot.Tests.Options;

public sealed class BotOptionsValidatorTests
{
    [Theory]
    [InlineData("Production", false, false)]
    [InlineData("Production", true, true)]
    [InlineData("Development", false, true)]
    public void Validate_NoAppId_RequiresDevelopmentOrExplicitAnonymous(string environment, bool allowAnonymous, bool expected)
    {
        var result = new BotOptionsValidator(new Environment(environment)).Validate(null, new BotOptions { AllowAnonymous = allowAnonymous });

        Assert.Equal(expected, result.Succeeded);
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Development")]
    public void Validate_AppIdSet_LeavesCredentialChecksToAuthenticationOptions(string environment)
    {
        // Password, app type and tenant id belong to BotAuthenticationOptions alone; this validator must not judge them.
        var result = new BotOptionsValidator(new Environment(environment)).Validate(null, new BotOptions { MicrosoftAppId = "app" });

        Assert.True(result.Succeeded);
    }

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "test";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
