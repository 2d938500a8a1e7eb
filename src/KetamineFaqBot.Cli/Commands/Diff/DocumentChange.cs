namespace KetamineFaqBot.Cli.Commands.Diff;

public sealed record DocumentChange(ChangeKind Kind, string Id, string Path);
