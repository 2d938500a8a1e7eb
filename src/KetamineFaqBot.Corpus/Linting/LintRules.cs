namespace KetamineFaqBot.Corpus.Linting;

/// <summary>Stable rule ids. Content owners and CI scripts match on these: never rename one.</summary>
public static class LintRules
{
    public const string FolderMissing = "folder-missing";
    public const string NoDocuments = "no-documents";
    public const string FileUnreadable = "file-unreadable";
    public const string FrontMatterMissing = "front-matter-missing";
    public const string FrontMatterInvalid = "front-matter-invalid";
    public const string FieldMissing = "field-missing";
    public const string IdInvalid = "id-invalid";
    public const string IdDuplicate = "id-duplicate";
    public const string TopicUnknown = "topic-unknown";
    public const string AudienceUnknown = "audience-unknown";
    public const string DateInvalid = "date-invalid";
    public const string ReviewExpired = "review-expired";
    public const string ReviewDatesOrder = "review-dates-order";
    public const string SectionEmpty = "section-empty";
    public const string FaqNoQuestions = "faq-no-questions";
    public const string FaqNoAnswer = "faq-no-answer";
    public const string FaqDuplicateQuestion = "faq-duplicate-question";
    public const string SynonymsMalformed = "synonyms-malformed";
    public const string SynonymsDuplicateTerm = "synonyms-duplicate-term";
}
