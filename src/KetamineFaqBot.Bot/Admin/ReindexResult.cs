namespace KetamineFaqBot.Bot.Admin;

/// <summary>Outcome of <c>POST /admin/reindex</c>.</summary>
/// <param name="Status">built | no_change.</param>
public sealed record ReindexResult(string Status, string Version, string Previous, int Documents, int Passages, int FaqEntries);
