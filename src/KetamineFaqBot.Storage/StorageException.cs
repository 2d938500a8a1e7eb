namespace KetamineFaqBot.Storage;

/// <summary>The store cannot be used as configured (read-only or locked file, bad connection string…).</summary>
public sealed class StorageException : Exception
{
    public StorageException()
    {
    }

    public StorageException(string message)
        : base(message)
    {
    }

    public StorageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
