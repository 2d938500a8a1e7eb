using Microsoft.Extensions.Options;

namespace KetamineFaqBot.Bot.Hosting;

/// <summary>
/// Validates every setting registered for validation at start before the host starts, so an operator who left out a
/// setting (e.g. <c>Bot:MicrosoftAppId</c> in Production) reads one line naming it instead of a stack trace.
/// </summary>
public static class StartupCheck
{
    /// <summary>The bot ran and stopped normally.</summary>
    public const int Ok = 0;

    /// <summary>The bot refused to start: a setting is missing or invalid (the console line names it).</summary>
    public const int InvalidSettings = 2;

    /// <summary>Null when every validated setting is valid; otherwise writes one line to <paramref name="error"/> and returns <see cref="InvalidSettings"/>.</summary>
    public static int? InvalidSettingsExit(IServiceProvider services, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(error);
        try
        {
            services.GetService<IStartupValidator>()?.Validate();
            return null;
        }
        catch (OptionsValidationException ex)
        {
            return Refuse(error, ex.Failures);
        }
        catch (AggregateException ex) when (ex.InnerExceptions.All(e => e is OptionsValidationException))
        {
            // Several settings sections failed at once.
            return Refuse(error, ex.InnerExceptions.Cast<OptionsValidationException>().SelectMany(e => e.Failures));
        }
    }

    private static int Refuse(TextWriter error, IEnumerable<string> failures)
    {
        error.WriteLine($"KetamineFaqBot cannot start (exit code {InvalidSettings}, invalid settings): {string.Join(" ", failures.Distinct(StringComparer.Ordinal))}");
        return InvalidSettings;
    }
}
