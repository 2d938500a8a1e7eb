using KetamineFaqBot.Bot.Tests.TestSupport;
using Microsoft.Playwright;

namespace KetamineFaqBot.Bot.Tests.WebChat;

/// <summary>The real page, the official Web Chat bundle and headless Chromium against the bot's own Direct Line and
/// the real answering pipeline (shipped corpus, rules and fixed texts).</summary>
public sealed class WebChatPageTests : IAsyncLifetime
{
    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private const string WelcomeText = "answers general questions about ketamine treatment";

    private BotTestHost _host = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        _host = BotTestHost.StartWithRealAnswers();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public Task AskQuestion_ShowsCitedAnswer() => WithPageAsync(nameof(AskQuestion_ShowsCitedAnswer), async page =>
    {
        await SendAsync(page, "is ketamine addictive?");

        await Assertions.Expect(page.GetByText("do not consider it highly addictive", new() { Exact = false }).First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Is ketamine addictive?", new() { Exact = false }).Last).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("not medical advice", new() { Exact = false }).Last).ToBeVisibleAsync();
    });

    [Fact]
    public Task ClickSuggestedAction_SendsItAsTheNextQuestion() => WithPageAsync(nameof(ClickSuggestedAction_SendsItAsTheNextQuestion), async page =>
    {
        await SendAsync(page, "is ketamine addictive?");
        await Assertions.Expect(page.GetByText("do not consider it highly addictive", new() { Exact = false }).First).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Toolbar, new() { Name = "Suggested actions" })
            .GetByRole(AriaRole.Button, new() { Name = "Who is more at risk of ketamine misuse?" }).ClickAsync();

        await Assertions.Expect(page.GetByText("history of drug addiction", new() { Exact = false }).First).ToBeVisibleAsync();
    });

    [Fact]
    public Task CrisisMessage_ShowsCrisisText() => WithPageAsync(nameof(CrisisMessage_ShowsCrisisText), async page =>
    {
        await SendAsync(page, "what are the side effects? honestly i dont want to be alive anymore");

        await Assertions.Expect(page.GetByText("988 Suicide & Crisis Lifeline (US)", new() { Exact = false }).First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Contact your clinic or care team", new() { Exact = false }).First).ToBeVisibleAsync();
    });

    [Fact]
    public Task Reload_StartsFreshConversation() => WithPageAsync(nameof(Reload_StartsFreshConversation), async page =>
    {
        await SendAsync(page, "what are the side effects of ketamine");
        await Assertions.Expect(page.GetByText("dissociation", new() { Exact = false }).First).ToBeVisibleAsync();

        await page.ReloadAsync();

        await Assertions.Expect(page.GetByText(WelcomeText, new() { Exact = false }).First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("what are the side effects of ketamine")).ToHaveCountAsync(0);
    });

    [Fact]
    public Task ThumbUp_RecordsLikeWithProvenance() => WithPageAsync(nameof(ThumbUp_RecordsLikeWithProvenance), async page =>
    {
        await SendAsync(page, "is ketamine addictive?");
        await Assertions.Expect(page.GetByText("do not consider it highly addictive", new() { Exact = false }).First).ToBeVisibleAsync();

        await page.Locator(".webchat__thumb-button").First.ClickAsync();

        var record = await _host.Feedback.NextAsync();
        Assert.Equal("like", record.Rating);
        Assert.NotNull(record.Provenance);
        Assert.Contains("addiction-risk#faq-1", record.Provenance.Passages);
        Assert.Contains("|", record.ActivityId, StringComparison.Ordinal);
    });

    private static async Task SendAsync(IPage page, string text)
    {
        var box = page.Locator("[data-id='webchat-sendbox-input']");
        await box.FillAsync(text);
        await box.PressAsync("Enter");
    }

    private async Task WithPageAsync(string name, Func<IPage, Task> test)
    {
        await using var context = await _browser.NewContextAsync();
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(20_000);
        Assertions.SetDefaultExpectTimeout(20_000);
        try
        {
            await page.GotoAsync(_host.BaseAddress.ToString());
            await Assertions.Expect(page.GetByText(WelcomeText, new() { Exact = false }).First).ToBeVisibleAsync();
            await test(page);
        }
        catch
        {
            var folder = Path.Combine(AppContext.BaseDirectory, "playwright-failures");
            Directory.CreateDirectory(folder);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
            throw;
        }
    }
}
