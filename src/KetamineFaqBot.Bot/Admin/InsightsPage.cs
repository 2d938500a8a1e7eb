namespace KetamineFaqBot.Bot.Admin;

/// <summary>
/// The key-entry page <c>GET /insights</c> and its script and stylesheet, built into the assembly. They are separate files
/// because the content owners' Content-Security-Policy runs no inline script and applies no inline style.
/// </summary>
public static class InsightsPage
{
    public const string ScriptPath = "/insights/insights.js";

    /// <summary>Shared by the key page and the report it writes into the tab (<see cref="InsightsHtml"/>).</summary>
    public const string StylesheetPath = "/insights/insights.css";

    private static readonly Lazy<string> LazyHtml = new(() => Load("Admin.insights.html"));
    private static readonly Lazy<string> LazyScript = new(() => Load("Admin.insights.js"));
    private static readonly Lazy<string> LazyStylesheet = new(() => Load("Admin.insights.css"));

    public static string Html => LazyHtml.Value;

    public static string Script => LazyScript.Value;

    public static string Stylesheet => LazyStylesheet.Value;

    private static string Load(string name)
    {
        using var stream = typeof(InsightsPage).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"{name} is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
