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
    [InlineData("SingleTenant", "secret", null, false)]
    [InlineData("SingleTenant", "secret", "tenant", true)]
    [InlineData("MultiTenant", null, null, false)]
    [InlineData("UserAssignedMSI", null, "tenant", true)]
    public void Validate_AppId_RequiresCredentialsForItsType(string type, string? password, string? tenant, bool expected)
    {
        var options = new BotOptions { MicrosoftAppId = "app", MicrosoftAppType = type, MicrosoftAppPassword = password, MicrosoftAppTenantId = tenant };

        Assert.Equal(expected, new BotOptionsValidator(new Environment("Production")).Validate(null, options).Succeeded);
    }

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "test";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
