namespace KetamineFaqBot.Core.Answering;

/// <summary>Fixed, reviewed reply texts from prompts/responses/. Never generated.</summary>
public interface IResponseTexts
{
    /// <summary>Text for a key such as crisis, emergency, refusal, referral, out_of_scope, no_answer,
    /// smalltalk.greeting, footer, crisis_resources, welcome, apology, too_long, citation; the locale falls back to en-US.</summary>
    string Text(string key, string locale = "en-US");
}
