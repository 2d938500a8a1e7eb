using KetamineFaqBot.Bot.Options;

namespace KetamineFaqBot.Bot.Tests.Options;

public sealed class WebChatOptionsValidatorTests
{
    [Fact]
    public void Validate_NoFrameAncestors_Succeeds()
    {
        Assert.True(new WebChatOptionsValidator().Validate(null, new WebChatOptions()).Succeeded);
    }

    [Fact]
    public void Validate_Origins_Succeeds()
    {
        var options = new WebChatOptions { FrameAncestors = ["https://clinic.example", "https://portal.clinic.example:8443/"] };

        Assert.True(new WebChatOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void Validate_BadEntries_FailsNamingEachByIndex()
    {
        var options = new WebChatOptions { FrameAncestors = ["https://clinic.example", "https://clinic.example/embed", "*"] };

        var result = new WebChatOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Equal(
            [
                "WebChat:FrameAncestors:1 'https://clinic.example/embed' is not " + Bot.SecurityHeaders.FrameAncestor.Expected + ". Leave the list empty to forbid framing.",
                "WebChat:FrameAncestors:2 '*' is not " + Bot.SecurityHeaders.FrameAncestor.Expected + ". Leave the list empty to forbid framing.",
            ],
            result.Failures);
    }
}
