namespace KetamineFaqBot.Cli.Composition;

/// <summary>The answering pipeline could not be built (missing index, invalid prompts or settings).</summary>
public sealed class CompositionException : Exception
{
    public CompositionException()
    {
    }

    public CompositionException(string message)
        : base(message)
    {
    }

    public CompositionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
