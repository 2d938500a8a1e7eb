using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace KetamineFaqBot.Bot.Options;

/// <summary>
/// The start-up rule DataAnnotations cannot say: no silent anonymous production. Credentials per app type are checked
/// by <see cref="BotFramework.Authentication.BotAuthenticationOptionsValidator"/> whenever an app id is set.
/// </summary>
public sealed class BotOptionsValidator(IHostEnvironment environment) : IValidateOptions<BotOptions>
{
    public ValidateOptionsResult Validate(string? name, BotOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        // SAFETY: anonymous /api/messages accepts unauthenticated posts; outside Development it must be chosen on purpose.
        return !options.IsAnonymous || environment.IsDevelopment() || options.AllowAnonymous
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail("Bot:MicrosoftAppId is not set. Configure the Azure Bot registration, or set Bot:AllowAnonymous=true for a local-only deployment.");
    }
}
