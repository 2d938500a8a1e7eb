namespace KetamineFaqBot.Corpus.Linting;

/// <summary>The closed vocabularies of the front matter. Adding a topic is a product decision, made here.</summary>
public static class CorpusVocabulary
{
    public static IReadOnlyList<string> Topics { get; } =
    [
        "overview", "mechanism", "addiction-risk", "precautions", "benefits", "effectiveness",
        "side-effects", "cost", "long-term", "legality", "access", "clinical-trials",
    ];

    public static IReadOnlyList<string> Audiences { get; } = ["patient", "staff", "both"];

    /// <summary>
    /// Front-matter fields every document must have, in the order they are reported. <c>source</c> is what patients see
    /// with each citation (the vetted source's title); the team's own reference to it goes in the optional
    /// <c>source_ref</c>, which the bot never shows.
    /// </summary>
    public static IReadOnlyList<string> RequiredFields { get; } =
    [
        "id", "title", "topic", "audience", "summary", "source", "reviewed_by", "reviewed_on", "review_due",
    ];
}
