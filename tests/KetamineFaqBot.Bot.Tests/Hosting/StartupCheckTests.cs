using KetamineFaqBot.Bot.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace KetamineFaqBot.Bot.Tests.Hosting;

public sealed class StartupCheckTests
{
    private sealed class First
    {
        public string? Value { get; set; }
    }

    private sealed class Second
    {
        public string? Value { get; set; }
    }

    private static ServiceProvider Services(bool firstValid, bool secondValid)
    {
        var services = new ServiceCollection();
        services.AddOptions<First>().Validate(_ => firstValid, "First:Value is not set.").ValidateOnStart();
        services.AddOptions<Second>().Validate(_ => secondValid, "Second:Value is not set.").ValidateOnStart();
        return services.BuildServiceProvider();
    }

    [Fact]
    public void InvalidSettingsExit_EverySettingValid_NoExit()
    {
        using var services = Services(firstValid: true, secondValid: true);
        using var error = new StringWriter();

        Assert.Null(StartupCheck.InvalidSettingsExit(services, error));
        Assert.Empty(error.ToString());
    }

    [Theory]
    [InlineData(false, true, "First:Value is not set.")]
    [InlineData(false, false, "First:Value is not set. Second:Value is not set.")]
    public void InvalidSettingsExit_OneOrSeveralInvalid_OneLineNamingEachAndExitCode2(bool firstValid, bool secondValid, string failures)
    {
        using var services = Services(firstValid, secondValid);
        using var error = new StringWriter();

        Assert.Equal(StartupCheck.InvalidSettings, StartupCheck.InvalidSettingsExit(services, error));
        Assert.Equal($"KetamineFaqBot cannot start (exit code 2, invalid settings): {failures}", error.ToString().TrimEnd());
    }
}
