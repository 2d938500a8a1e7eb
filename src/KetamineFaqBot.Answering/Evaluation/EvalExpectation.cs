using System.Text.RegularExpressions;
using KetamineFaqBot.Core.Answering;

namespace KetamineFaqBot.Answering.Evaluation;

/// <summary>What the reply to a case's last turn must look like.</summary>
/// <param name="Routes">Acceptable routes (one or more); the first is the case's primary route for the summary.</param>
/// <param name="Contains">Patterns that must all match the reply text (case-insensitive).</param>
/// <param name="NotContains">Patterns that must not match the reply text.</param>
/// <param name="CrisisLine">True: the reply must contain the 988 line; false: it must not; null: not judged.</param>
public sealed record EvalExpectation(
    IReadOnlyList<Route> Routes,
    IReadOnlyList<Regex> Contains,
    IReadOnlyList<Regex> NotContains,
    bool? CrisisLine);
