using KetamineFaqBot.Bot.SecurityHeaders;
using Microsoft.Extensions.Options;

namespace KetamineFaqBot.Bot.Options;

/// <summary>The start-up rule DataAnnotations cannot say: every <c>WebChat:FrameAncestors</c> entry is an origin.</summary>
public sealed class WebChatOptionsValidator : IValidateOptions<WebChatOptions>
{
    public ValidateOptionsResult Validate(string? name, WebChatOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = options.FrameAncestors
            .Select((value, index) => (value, index))
            .Where(entry => !FrameAncestor.TryNormalise(entry.value, out _))
            .Select(entry => $"{WebChatOptions.SectionName}:{nameof(WebChatOptions.FrameAncestors)}:{entry.index} '{entry.value}' is not {FrameAncestor.Expected}. Leave the list empty to forbid framing.")
            .ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
