using KetamineFaqBot.Core.Records;
using KetamineFaqBot.Storage.Redaction;

namespace KetamineFaqBot.Storage;

/// <summary>What of an answer record's text may be stored: nothing unless transcripts are on, and then redacted.</summary>
internal static class RecordTranscripts
{
    public static AnswerRecord Prepare(AnswerRecord record, PrivacyOptions privacy) => privacy.StoreTranscripts
        ? record with { Question = TextRedactor.Redact(record.Question), Text = TextRedactor.Redact(record.Text) }
        : record with { Question = null, Text = null };
}
