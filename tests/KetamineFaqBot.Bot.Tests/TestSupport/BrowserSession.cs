using Microsoft.Playwright;

namespace KetamineFaqBot.Bot.Tests.TestSupport;

/// <summary>The real bot (shipped corpus and prompts) and a headless Chromium to open its pages in.</summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private readonly IPlaywright playwright;

    private BrowserSession(BotTestHost host, IPlaywright playwright, IBrowser browser)
    {
        Host = host;
        this.playwright = playwright;
        Browser = browser;
    }

    public BotTestHost Host { get; }

    public IBrowser Browser { get; }

    public static async Task<BrowserSession> StartAsync(IDictionary<string, string?> settings)
    {
        var host = BotTestHost.StartWithRealAnswers(settings);
        var playwright = await Playwright.CreateAsync();
        return new BrowserSession(host, playwright, await HeadlessChromium.LaunchAsync(playwright));
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        playwright.Dispose();
        await Host.DisposeAsync();
    }
}
