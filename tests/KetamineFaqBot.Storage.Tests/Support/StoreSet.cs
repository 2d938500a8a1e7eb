using KetamineFaqBot.Core.Answering;
using KetamineFaqBot.Core.Conversations;
using KetamineFaqBot.Core.Feedback;
using KetamineFaqBot.Core.Records;

namespace KetamineFaqBot.Storage.Tests.Support;

/// <summary>Every store of one provider, over one database.</summary>
public sealed record StoreSet(
    IConversationStore Conversations,
    IActivityLog ActivityLog,
    IFeedbackStore Feedback,
    IContentGapStore Gaps,
    IAnswerRecordStore Answers,
    IStoreMaintenance Maintenance,
    ITurnWriter Turns);
