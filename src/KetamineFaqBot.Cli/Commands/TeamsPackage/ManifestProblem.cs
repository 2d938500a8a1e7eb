namespace KetamineFaqBot.Cli.Commands.TeamsPackage;

/// <summary>One broken rule of the Teams manifest: the field (as a JSON path) and what is wrong with it.</summary>
public sealed record ManifestProblem(string Field, string Message)
{
    public override string ToString() => $"{Field}: {Message}";
}
