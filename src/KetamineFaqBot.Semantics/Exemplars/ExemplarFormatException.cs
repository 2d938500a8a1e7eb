namespace KetamineFaqBot.Semantics.Exemplars;

/// <summary>An exemplar file that cannot be used; names the file and line for the content owner.</summary>
public sealed class ExemplarFormatException : Exception
{
    public ExemplarFormatException()
    {
    }

    public ExemplarFormatException(string message)
        : base(message)
    {
    }

    public ExemplarFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ExemplarFormatException(string file, int line, string problem)
        : base($"{file}:{line}: {problem}")
    {
        File = file;
        Line = line;
    }

    /// <summary>The file at fault.</summary>
    public string? File { get; }

    /// <summary>1-based line, 0 when the whole file is at fault.</summary>
    public int Line { get; }
}
