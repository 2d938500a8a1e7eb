namespace KetamineFaqBot.Answering.Tests.TestDoubles;

/// <summary>Normalises by trimming and enforces a length limit (truncating), as the real normaliser does.</summary>
internal sealed class TrimmingNormaliser(int maxLength = 500) : IMessageNormaliser
{
    public NormalisedMessage Normalise(string raw)
    {
        var text = raw.Trim();
        return text.Length > maxLength ? new NormalisedMessage(text[..maxLength], true) : new NormalisedMessage(text, false);
    }
}
