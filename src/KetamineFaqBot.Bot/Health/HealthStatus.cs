namespace KetamineFaqBot.Bot.Health;

/// <param name="Status">"ok" (/healthz), "ready" or "not_ready" (/readyz).</param>
/// <param name="Failing">Readiness checks that did not pass.</param>
/// <param name="IndexVersion">/readyz: the index version answers come from (null before one is loaded).</param>
/// <param name="SentenceModel">/readyz: the sentence model the served version was built with and the bot embeds questions with; "none" with the rules alone.</param>
public sealed record HealthStatus(string Status, IReadOnlyList<string> Failing, string? IndexVersion = null, string? SentenceModel = null);
