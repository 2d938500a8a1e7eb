using KetamineFaqBot.Core.Answering;

namespace KetamineFaqBot.Cli.Commands.TeamsPackage;

/// <summary>
/// Sends each command title to the answering pipeline as a patient's first message in Teams would be, and reports
/// the route each gets. A command offered in the app's menu must be answered: a menu item that earns a refusal,
/// a referral or "no vetted information" would be the app steering patients to a dead end.
/// </summary>
public static class CommandCoverage
{
    /// <summary>The route of each command's title, each asked in a fresh conversation.</summary>
    public static async Task<IReadOnlyList<(ManifestCommand Command, Route Route)>> RouteAsync(
        IAnswerService answers, IEnumerable<ManifestCommand> commands, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(commands);
        var routes = new List<(ManifestCommand, Route)>();
        foreach (var command in commands)
        {
            var turn = new Turn($"teams-package-{Guid.NewGuid():N}", "teams-package", command.Title, Channel: "msteams");
            var answer = await answers.AnswerAsync(turn, cancellationToken);
            routes.Add((command, answer.Route));
        }

        return routes;
    }
}
