namespace KetamineFaqBot.Retrieval.Versioning;

/// <summary>
/// The index root, its <c>current</c> pointer or the version it names does not exist.
/// The message is written for a person (a CLI prints it as is).
/// </summary>
public sealed class IndexNotFoundException : Exception
{
    public IndexNotFoundException()
    {
    }

    public IndexNotFoundException(string message)
        : base(message)
    {
    }

    public IndexNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
