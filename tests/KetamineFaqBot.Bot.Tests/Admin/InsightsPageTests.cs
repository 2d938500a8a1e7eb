using KetamineFaqBot.Bot.Tests.TestSupport;
using Microsoft.Playwright;

namespace KetamineFaqBot.Bot.Tests.Admin;

/// <summary>The insights key page in headless Chromium under the content owners' Content-Security-Policy: its script
/// runs, the report it writes into the tab is styled by the linked stylesheet, and nothing is refused.</summary>
public sealed class InsightsPageTests : IAsyncLifetime
{
    private const string Key = "content-owners-key-0123456789abcdef";

    private BrowserSession _session = null!;

    public async Task InitializeAsync()
    {
        _session = await BrowserSession.StartAsync(new Dictionary<string, string?> { ["Admin:ApiKey"] = Key });
    }

    public async Task DisposeAsync() => await _session.DisposeAsync();

    [Fact]
    public async Task EnterKey_ShowsStyledReport_NoViolation()
    {
        await using var context = await _session.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(20_000);
        var violations = await CspViolationRecorder.AttachAsync(page);

        var response = await page.GotoAsync(new Uri(_session.Host.BaseAddress, "insights").ToString());
        Assert.Equal("frame-ancestors 'none'", (await response!.AllHeadersAsync())["content-security-policy"].Split("; ")[^1]);

        await page.GetByLabel("Admin key").FillAsync(Key + "x");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show insights" }).ClickAsync();
        await Assertions.Expect(page.GetByText("That key is not right.")).ToBeVisibleAsync();
        violations.AssertNone();

        await page.GetByLabel("Admin key").FillAsync(Key);
        await page.GetByRole(AriaRole.Button, new() { Name = "Show insights" }).ClickAsync();

        // Writing the report replaces the document (and the violation listener with it): the stylesheet's rules showing
        // on the report's table headings prove it was loaded under the policy.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Documents due for clinical review" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("body")).ToHaveCSSAsync("margin-top", "32px");
        await Assertions.Expect(page.Locator("body")).ToHaveCSSAsync("color", "rgb(29, 39, 51)");
    }
}
