using KetamineFaqBot.Core.Answering;

namespace KetamineFaqBot.Bot.Placeholders;

/// <summary>PLACEHOLDER fixed texts (welcome, apology, too_long, crisis) until prompts/responses/ is wired in.</summary>
public sealed class PlaceholderResponseTexts : IResponseTexts
{
    public string Text(string key, string locale = "en-US") =>
        PlaceholderContent.Current.Texts.TryGetValue(key, out var text)
            ? text
            : PlaceholderContent.Current.Texts["apology"];
}
