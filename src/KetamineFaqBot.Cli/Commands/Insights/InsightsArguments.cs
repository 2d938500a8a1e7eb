namespace KetamineFaqBot.Cli.Commands.Insights;

internal sealed record InsightsArguments(string Store, string? Redis, string Prefix, string Corpus, string Root, int Days, int Top, bool Json);
