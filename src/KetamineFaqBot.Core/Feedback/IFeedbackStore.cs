namespace KetamineFaqBot.Core.Feedback;

public interface IFeedbackStore
{
    Task RecordAsync(FeedbackRecord feedback, CancellationToken cancellationToken = default);
}
