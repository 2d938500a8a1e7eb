using KetamineFaqBot.Core.Answering;

namespace KetamineFaqBot.Bot.Tests.TestSupport;

/// <summary>Test-only fixed texts: "[key]" so tests can tell which fixed text was sent.</summary>
public sealed class ScriptedResponseTexts : IResponseTexts
{
    public string Text(string key, string locale = "en-US") => $"[{key}]";
}
