namespace KetamineFaqBot.Answering.Responses;

/// <summary>A fixed response file is missing or unsafe. Thrown at start-up so the bot never runs without its safety texts.</summary>
public sealed class ResponseTextsException : Exception
{
    public ResponseTextsException()
    {
    }

    public ResponseTextsException(string message)
        : base(message)
    {
    }

    public ResponseTextsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ResponseTextsException(string filePath, string problem)
        : base($"Response file '{filePath}': {problem}")
    {
        FilePath = filePath;
    }

    public string? FilePath { get; }
}
