using KetamineFaqBot.Answering.Normalisation;

namespace KetamineFaqBot.Answering;

/// <summary>
/// Step 1 of the pipeline: trims, strips channel markup and mentions, and enforces the length limit.
/// Kept as a tiny interface so the pipeline does not depend on how normalisation is done.
/// </summary>
public interface IMessageNormaliser
{
    NormalisedMessage Normalise(string? text);
}
