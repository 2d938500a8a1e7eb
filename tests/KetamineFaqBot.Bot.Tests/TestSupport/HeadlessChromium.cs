using Microsoft.Playwright;

namespace KetamineFaqBot.Bot.Tests.TestSupport;

/// <summary>The system's Chromium, headless, with nothing that would reach the network on its own.</summary>
public static class HeadlessChromium
{
    private static readonly string[] Args =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        ArgumentNullException.ThrowIfNull(playwright);
        return playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = Args });
    }
}
