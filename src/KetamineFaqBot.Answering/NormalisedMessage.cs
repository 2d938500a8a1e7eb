namespace KetamineFaqBot.Answering;

/// <summary>A message after normalisation.</summary>
/// <param name="Text">Clean text (may be truncated when <paramref name="TooLong"/>).</param>
/// <param name="TooLong">The raw message exceeded the configured length limit.</param>
public sealed record NormalisedMessage(string Text, bool TooLong);
