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

    /// <summary>The layout of a cited passage when the user opens a citation in Web Chat (Markdown).</summary>
    public const string Citation = "citation";

    /// <summary>The placeholder in too_long.md replaced by the length limit.</summary>
    public const string MaxLengthPlaceholder = "{maxLength}";

    /// <summary>Placeholders of citation.md; a line whose placeholder has no value (no review date known) is left out.</summary>
    public const string CitationTitlePlaceholder = "{title}";
    public const string CitationSectionPlaceholder = "{section}";
    public const string CitationTextPlaceholder = "{text}";
    public const string CitationSourcePlaceholder = "{source}";
    public const string CitationReviewedPlaceholder = "{reviewed}";

    /// <summary>Every key the default locale must provide.</summary>
    public static IReadOnlyList<string> Required { get; } =
    [
        Crisis, Emergency, Refusal, Referral, OutOfScope, NoAnswer,
        SmalltalkGreeting, SmalltalkThanks, SmalltalkHelp, SmalltalkIdentity, SmalltalkGoodbye,
        Footer, CrisisResources, CrisisCheckIn, Welcome, Apology, TooLong, Citation,
    ];
}
