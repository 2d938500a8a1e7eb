namespace KetamineFaqBot.Cli.Commands.Diff;

public enum ChangeKind
{
    Added,
    Removed,
    Changed,
}
