using System.Text.RegularExpressions;
using KetamineFaqBot.Bot.Tests.TestSupport;
using Microsoft.Playwright;

namespace KetamineFaqBot.Bot.Tests.WebChat;

/// <summary>The real page, the official Web Chat bundle and headless Chromium against the bot's own Direct Line and
/// the real answering pipeline (shipped corpus, rules and fixed texts), under the page's Content-Security-Policy: no test
/// may make the page report a violation.</summary>
public sealed class WebChatPageTests : IAsyncLifetime
{
    private const string WelcomeText = "answers general questions about ketamine treatment";
    private const string CrisisMessage = "what are the side effects? honestly i dont want to be alive anymore";
    private const string CrisisLine = "988 Suicide & Crisis Lifeline (US)";
    private const string AddictionSource = "Healthline: Is ketamine addictive?";
    private const string CorpusReviewDate = "2026-11-20";

    private BrowserSession _session = null!;

    public async Task InitializeAsync()
    {
        // As shipped, with no DirectLine:TokenSigningKey: the page holds a token whose key the key ring sealed.
        _session = await BrowserSession.StartAsync(new Dictionary<string, string?> { ["DirectLine:TokenSigningKey"] = null });
    }

    public async Task DisposeAsync() => await _session.DisposeAsync();

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
        await SendAsync(page, CrisisMessage);

        await Assertions.Expect(page.GetByText(CrisisLine, new() { Exact = false }).First).ToBeVisibleAsync();
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

        var record = await _session.Host.Feedback.NextAsync();
        Assert.Equal("like", record.Rating);
        Assert.NotNull(record.Provenance);
        Assert.Contains("addiction-risk#faq-1", record.Provenance.Passages);
        Assert.Contains("|", record.ActivityId, StringComparison.Ordinal);
    });

    [Fact]
    public Task ClickCitationsOfFaqAnswer_ShowsPassageAndKeepsTranscript() => WithPageAsync(nameof(ClickCitationsOfFaqAnswer_ShowsPassageAndKeepsTranscript), async page =>
    {
        const string question = "is ketamine addictive?";
        Assert.Equal("faq", (await _session.Host.AskAsync(question)).Provenance.Composer);

        // A crisis text earlier in the conversation must survive every citation opened after it.
        await SendAsync(page, CrisisMessage);
        await Assertions.Expect(Transcript(page).GetByText(CrisisLine, new() { Exact = false }).First).ToBeVisibleAsync();
        await SendAsync(page, question);
        await Assertions.Expect(Transcript(page).GetByText("do not consider it highly addictive", new() { Exact = false }).First).ToBeVisibleAsync();

        await ClickEveryCitationAsync(
            page,
            [new CitedPassage("Is ketamine addictive?", "Is ketamine addictive?", "the risk of addiction as fairly low", AddictionSource, CorpusReviewDate)],
            [WelcomeText, CrisisMessage, CrisisLine, question, "do not consider it highly addictive"]);
    });

    [Fact]
    public Task ClickCitationsOfExtractiveAnswer_ShowsEachPassageAndKeepsTranscript() => WithPageAsync(nameof(ClickCitationsOfExtractiveAnswer_ShowsEachPassageAndKeepsTranscript), async page =>
    {
        const string question = "what are the risks of ketamine for people with a history of addiction";
        var expected = await _session.Host.AskAsync(question);
        Assert.Equal("extractive", expected.Provenance.Composer);
        Assert.Equal(["overview#faq-2", "addiction-risk#faq-1"], expected.Citations.Select(c => c.PassageId));

        await SendAsync(page, question);
        await Assertions.Expect(Transcript(page).GetByText("misuse can lead to addiction", new() { Exact = false }).First).ToBeVisibleAsync();

        await ClickEveryCitationAsync(
            page,
            [
                new CitedPassage("Ketamine for depression at a glance", "What are the drawbacks of ketamine treatment?", "limited data on its long-term safety", AddictionSource, CorpusReviewDate),
                new CitedPassage("Is ketamine addictive?", "Is ketamine addictive?", "doctors do not consider it highly addictive", AddictionSource, CorpusReviewDate),
            ],
            [WelcomeText, question, "Drawbacks of ketamine treatment include", "misuse can lead to addiction"]);

        // The conversation goes on after the citation view is closed.
        await SendAsync(page, "what are the side effects of ketamine");
        await Assertions.Expect(Transcript(page).GetByText("Possible side effects of ketamine include", new() { Exact = false }).First).ToBeVisibleAsync();
    });

    [Fact]
    public Task AnswerNamingAWebSite_ShowsItAsALink() => WithPageAsync(nameof(AnswerNamingAWebSite_ShowsItAsALink), async page =>
    {
        // Web Chat turns "ClinicalTrials.gov" into a link and draws its external-link icon from a data: URL.
        await SendAsync(page, "How can I find a ketamine clinical trial?");

        var link = Transcript(page).GetByRole(AriaRole.Link, new() { Name = "ClinicalTrials.gov" }).First;
        await Assertions.Expect(link).ToBeVisibleAsync();
        await Assertions.Expect(link).ToHaveAttributeAsync("href", new Regex("^https?://clinicaltrials\\.gov/?$", RegexOptions.IgnoreCase));
    });

    [Fact]
    public async Task UnderThePolicy_WebChatStylesApply_InjectedStylesRefusedAndReported()
    {
        await using var context = await _session.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(20_000);
        var violations = await CspViolationRecorder.AttachAsync(page);

        var response = await page.GotoAsync(_session.Host.BaseAddress.ToString());
        await Assertions.Expect(page.GetByText(WelcomeText, new() { Exact = false }).First).ToBeVisibleAsync();
        Assert.StartsWith("default-src 'none'; script-src 'self'; style-src 'self' 'sha256-", (await response!.AllHeadersAsync())["content-security-policy"], StringComparison.Ordinal);
        violations.AssertNone();

        // Web Chat's own style sheets are in force, the scroll-to-bottom component's too (Web Chat 4.18 gives it no nonce).
        var sheets = await page.EvaluateAsync<string[]>(
            "() => Array.from(document.querySelectorAll('style[data-emotion]'), s => s.dataset.emotion.replace(/-[A-Za-z]+$/, '') + ' ' + (s.sheet ? s.sheet.cssRules.length : -1))");
        var rules = sheets.Select(sheet => sheet.Split(' ')).ToDictionary(parts => parts[0], parts => int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(rules.GetValueOrDefault("webchat--css") > 0 && rules.GetValueOrDefault("react-scroll-to-bottom--css") > 0, string.Join(", ", sheets));

        // What an injected <style> or style attribute would do: hide the chat. The policy refuses both and reports them.
        await page.EvaluateAsync("""
            () => {
              const style = document.createElement('style');
              style.textContent = '#webchat { display: none }';
              document.head.appendChild(style);
              document.body.insertAdjacentHTML('beforeend', '<p id="injected" style="display: none">injected</p>');
            }
            """);
        await Assertions.Expect(page.Locator("#webchat")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#injected")).ToBeVisibleAsync();
        await Eventually.ValueAsync(() => Task.FromResult(violations.Violations.Count >= 2 ? violations.Violations : null));
        Assert.Equal(["style-src-attr inline", "style-src-elem inline"], violations.Violations.Select(v => string.Join(' ', v.Split(' ')[..2])).Order(StringComparer.Ordinal));

        await SendAsync(page, "is ketamine addictive?");
        await Assertions.Expect(page.GetByText("do not consider it highly addictive", new() { Exact = false }).First).ToBeVisibleAsync();
        Assert.Equal(2, violations.Violations.Count);
    }

    private static async Task SendAsync(IPage page, string text)
    {
        var box = page.Locator("[data-id='webchat-sendbox-input']");
        await box.FillAsync(text);
        await box.PressAsync("Enter");
    }

    private static ILocator Transcript(IPage page) => page.Locator(".webchat__basic-transcript");

    /// <summary>Opens every inline marker, then every reference-list item, in order; each must show its passage and
    /// close back to the whole transcript.</summary>
    private static async Task ClickEveryCitationAsync(IPage page, IReadOnlyList<CitedPassage> passages, IReadOnlyList<string> transcript)
    {
        var markers = Transcript(page).Locator("button.webchat__render-markdown__citation");
        var references = Transcript(page).Locator(".webchat__link-definitions__list-item-box");
        await Assertions.Expect(markers).ToHaveCountAsync(passages.Count);
        await Assertions.Expect(references).ToHaveCountAsync(passages.Count);

        foreach (var citations in new[] { markers, references })
        {
            for (var i = 0; i < passages.Count; i++)
            {
                await citations.Nth(i).ClickAsync();

                var dialog = page.Locator("dialog.webchat__citation-modal-dialog");
                await Assertions.Expect(dialog).ToBeVisibleAsync();
                await Assertions.Expect(dialog.Locator(".webchat__citation-modal-dialog__header")).ToHaveTextAsync(passages[i].Title);
                var body = dialog.Locator(".webchat__citation-modal-dialog__body");
                await Assertions.Expect(body).ToContainTextAsync(passages[i].Section);
                await Assertions.Expect(body).ToContainTextAsync(passages[i].Text);
                await Assertions.Expect(body).ToContainTextAsync(passages[i].Source);
                await Assertions.Expect(body).ToContainTextAsync(passages[i].Reviewed);
                await ExpectTranscriptAsync(page, transcript);

                await dialog.Locator(".webchat__modal-dialog__close-button").ClickAsync();
                await Assertions.Expect(dialog).ToHaveCountAsync(0);
                await ExpectTranscriptAsync(page, transcript);
                await Assertions.Expect(page.Locator("[data-id='webchat-sendbox-input']")).ToBeEditableAsync();
            }
        }
    }

    private static async Task ExpectTranscriptAsync(IPage page, IReadOnlyList<string> texts)
    {
        foreach (var text in texts)
        {
            await Assertions.Expect(Transcript(page).GetByText(text, new() { Exact = false }).First).ToBeVisibleAsync();
        }
    }

    private async Task WithPageAsync(string name, Func<IPage, Task> test)
    {
        await using var context = await _session.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(20_000);
        Assertions.SetDefaultExpectTimeout(20_000);

        // A script error can unmount Web Chat and blank the whole transcript; no test may cause one. Web Chat catches
        // errors thrown while rendering and logs them, so the console counts too (a resource that fails to load does not).
        var pageErrors = new List<string>();
        var violations = await CspViolationRecorder.AttachAsync(page);
        page.PageError += (_, error) => pageErrors.Add(error);
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
            {
                pageErrors.Add(message.Text);
            }
        };
        try
        {
            await page.GotoAsync(_session.Host.BaseAddress.ToString());
            await Assertions.Expect(page.GetByText(WelcomeText, new() { Exact = false }).First).ToBeVisibleAsync();
            await test(page);
            violations.AssertNone();
            Assert.Empty(pageErrors);
        }
        catch (Exception ex)
        {
            var folder = Path.Combine(AppContext.BaseDirectory, "playwright-failures");
            Directory.CreateDirectory(folder);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
            if (violations.Violations.Count > 0)
            {
                throw new InvalidOperationException("The page reported CSP violations: " + string.Join(" | ", violations.Violations), ex);
            }

            if (pageErrors.Count > 0)
            {
                throw new InvalidOperationException("The page threw: " + string.Join(" | ", pageErrors), ex);
            }

            throw;
        }
    }

    /// <summary>What the citation view must show for one cited passage.</summary>
    private sealed record CitedPassage(string Title, string Section, string Text, string Source, string Reviewed);
}
