namespace KetamineFaqBot.Cli.Commands.Diff;

/// <param name="Question">The entry's first phrasing.</param>
public sealed record FaqChange(ChangeKind Kind, string Id, string Question);
