namespace KetamineFaqBot.Answering.Evaluation;

/// <summary>An evaluation file that cannot be read as cases; names the file and line.</summary>
public sealed class EvalFormatException : Exception
{
    public EvalFormatException()
    {
    }

    public EvalFormatException(string message)
        : base(message)
    {
    }

    public EvalFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public EvalFormatException(string file, int line, string problem, Exception? innerException = null)
        : base($"{file}:{line}: {problem}", innerException)
    {
        File = file;
        Line = line;
    }

    public string? File { get; }

    public int Line { get; }
}
