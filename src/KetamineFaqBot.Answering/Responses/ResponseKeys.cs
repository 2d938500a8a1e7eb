namespace KetamineFaqBot.Answering.Responses;

/// <summary>Keys of the fixed texts in prompts/responses/{locale}/{key}.md.</summary>
public static class ResponseKeys
{
    public const string Crisis = "crisis";
    public const string Emergency = "emergency";
    public const string Refusal = "refusal";
    public const string Referral = "referral";
    public const string OutOfScope = "out_of_scope";
    public const string NoAnswer = "no_answer";
    public const string SmalltalkGreeting = "smalltalk.greeting";
    public const string SmalltalkThanks = "smalltalk.thanks";
    public const string SmalltalkHelp = "smalltalk.help";
    public const string SmalltalkIdentity = "smalltalk.identity";
    public const string SmalltalkGoodbye = "smalltalk.goodbye";
    public const string Footer = "footer";
    public const string CrisisResources = "crisis_resources";
    public const string CrisisCheckIn = "crisis_check_in";
    public const string Welcome = "welcome";
    public const string Apology = "apology";
    public const string TooLong = "too_long";

    /// <summary>The placeholder in too_long.md replaced by the length limit.</summary>
    public const string MaxLengthPlaceholder = "{maxLength}";

    /// <summary>Every key the default locale must provide.</summary>
    public static IReadOnlyList<string> Required { get; } =
    [
        Crisis, Emergency, Refusal, Referral, OutOfScope, NoAnswer,
        SmalltalkGreeting, SmalltalkThanks, SmalltalkHelp, SmalltalkIdentity, SmalltalkGoodbye,
        Footer, CrisisResources, CrisisCheckIn, Welcome, Apology, TooLong,
    ];
}
