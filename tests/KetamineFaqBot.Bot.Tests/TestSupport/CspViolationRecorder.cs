using Microsoft.Playwright;

namespace KetamineFaqBot.Bot.Tests.TestSupport;

/// <summary>
/// Every Content-Security-Policy violation a page reports (its <c>securitypolicyviolation</c> events), across reloads,
/// as "directive blocked-uri source:line:column". The listener goes in before any of the page's own scripts run.
/// </summary>
public sealed class CspViolationRecorder
{
    private const string Binding = "kfaqReportCspViolation";

    private const string Listener = $$"""
        document.addEventListener('securitypolicyviolation', e =>
          window.{{Binding}}(`${e.effectiveDirective} ${e.blockedURI || '-'} ${e.sourceFile || '-'}:${e.lineNumber}:${e.columnNumber}`));
        """;

    private readonly List<string> _violations = [];

    private CspViolationRecorder()
    {
    }

    public IReadOnlyList<string> Violations
    {
        get
        {
            lock (_violations)
            {
                return [.. _violations];
            }
        }
    }

    /// <summary>Fails the test, listing every violation in full, when the page reported any.</summary>
    public void AssertNone()
    {
        var violations = Violations;
        Assert.True(violations.Count == 0, "The page reported CSP violations: " + string.Join(" | ", violations));
    }

    public static async Task<CspViolationRecorder> AttachAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var recorder = new CspViolationRecorder();
        await page.ExposeFunctionAsync<string>(Binding, recorder.Add);
        await page.AddInitScriptAsync(Listener);
        return recorder;
    }

    private void Add(string violation)
    {
        lock (_violations)
        {
            _violations.Add(violation);
        }
    }
}
