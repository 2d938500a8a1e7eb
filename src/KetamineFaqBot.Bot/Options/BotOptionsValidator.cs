using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace KetamineFaqBot.Bot.Options;

/// <summary>Start-up rules that DataAnnotations cannot say: credentials per app type, and no silent anonymous production.</summary>
public sealed class BotOptionsValidator(IHostEnvironment environment) : IValidateOptions<BotOptions>
{
    public ValidateOptionsResult Validate(string? name, BotOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.IsAnonymous)
        {
            // SAFETY: anonymous /api/messages accepts unauthenticated posts; outside Development it must be chosen on purpose.
            return environment.IsDevelopment() || options.AllowAnonymous
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail("Bot:MicrosoftAppId is not set. Configure the Azure Bot registration, or set Bot:AllowAnonymous=true for a local-only deployment.");
        }

        var failures = new List<string>();
        var needsTenant = options.MicrosoftAppType is "SingleTenant" or "UserAssignedMSI";
        if (needsTenant && string.IsNullOrWhiteSpace(options.MicrosoftAppTenantId))
        {
            failures.Add($"Bot:MicrosoftAppTenantId is required for {options.MicrosoftAppType}.");
        }

        if (options.MicrosoftAppType is "SingleTenant" or "MultiTenant" && string.IsNullOrWhiteSpace(options.MicrosoftAppPassword))
        {
            failures.Add($"Bot:MicrosoftAppPassword is required for {options.MicrosoftAppType}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
