using KetamineFaqBot.Bot.Tests.TestSupport;
using Microsoft.Playwright;

namespace KetamineFaqBot.Bot.Tests.WebChat;

/// <summary>The real page, the official Web Chat bundle and headless Chromium against the bot's own Direct Line.</summary>
public sealed class WebChatPageTests : IAsyncLifetime
{
    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private BotTestHost _host = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        _host = BotTestHost.Start();
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
        await SendAsync(page, "How long does treatment take?");

        await Assertions.Expect(page.GetByText("Scripted answer to: How long does treatment take?").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Scripted document A").First).ToBeVisibleAsync();
        Assert.Contains(_host.Answers.Turns, t => t.Text == "How long does treatment take?" && t.Channel == "directline");
    });

    [Fact]
    public Task ClickSuggestedAction_SendsItAsTheNextQuestion() => WithPageAsync(nameof(ClickSuggestedAction_SendsItAsTheNextQuestion), async page =>
    {
        await SendAsync(page, "first question");
        await Assertions.Expect(page.GetByText("Scripted answer to: first question").First).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Toolbar, new() { Name = "Suggested actions" }).GetByRole(AriaRole.Button, new() { Name = "Follow-up two?" }).ClickAsync();

        await Assertions.Expect(page.GetByText("Scripted answer to: Follow-up two?").First).ToBeVisibleAsync();
    });

    [Fact]
    public Task CrisisMessage_ShowsCrisisText() => WithPageAsync(nameof(CrisisMessage_ShowsCrisisText), async page =>
    {
        await SendAsync(page, $"I feel {ScriptedAnswerService.CrisisTrigger}");

        await Assertions.Expect(page.GetByText("Scripted crisis text: call or text 988.").First).ToBeVisibleAsync();
    });

    [Fact]
    public Task Reload_StartsFreshConversation() => WithPageAsync(nameof(Reload_StartsFreshConversation), async page =>
    {
        await SendAsync(page, "remember this unique question");
        await Assertions.Expect(page.GetByText("Scripted answer to: remember this unique question").First).ToBeVisibleAsync();

        await page.ReloadAsync();

        await Assertions.Expect(page.GetByText("[welcome]").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("remember this unique question")).ToHaveCountAsync(0);
    });

    [Fact]
    public Task ThumbUp_RecordsLikeWithProvenance() => WithPageAsync(nameof(ThumbUp_RecordsLikeWithProvenance), async page =>
    {
        await SendAsync(page, "rate me");
        await Assertions.Expect(page.GetByText("Scripted answer to: rate me").First).ToBeVisibleAsync();

        await page.Locator(".webchat__thumb-button").First.ClickAsync();

        var record = await _host.Feedback.NextAsync();
        Assert.Equal("like", record.Rating);
        Assert.NotNull(record.Provenance);
        Assert.Equal("v-test", record.Provenance.CorpusVersion);
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
            await Assertions.Expect(page.GetByText("[welcome]").First).ToBeVisibleAsync();
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
