namespace KetamineFaqBot.Core.Corpus;

public enum PassageKind
{
    /// <summary>A section of a corpus document (text under one heading).</summary>
    Section,

    /// <summary>A vetted FAQ entry: alternate question phrasings and one short answer.</summary>
    Faq,
}
