using KetamineFaqBot.Bot.Options;
using Microsoft.Extensions.Options;

namespace KetamineFaqBot.Bot.SecurityHeaders;

/// <summary>
/// The two Content-Security-Policy values the bot sends: one for the Web Chat page and everything else, one for the
/// content owners' pages and API (<c>/insights</c>, <c>/admin/*</c>). Each allowance is the least the page needs: the
/// browser tests (tests/KetamineFaqBot.Bot.Tests/WebChat, Admin/InsightsPageTests) fail on any violation the page reports.
/// </summary>
public sealed class ContentSecurityPolicy
{
    /// <summary>
    /// The SHA-256 of an empty stylesheet. Web Chat's CSS-in-JS (emotion, in Web Chat and in the scroll-to-bottom
    /// component it bundles) inserts each <c>&lt;style&gt;</c> element empty and fills it through the CSSOM
    /// (<c>insertRule</c>), which a policy does not govern. Allowing only the empty element lets those styles apply while
    /// every <c>&lt;style&gt;</c> with text in it and every style attribute stays refused; 'unsafe-inline' would allow
    /// both. (Web Chat's <c>nonce</c> option cannot replace it: 4.18 does not pass the nonce to the transcript's
    /// scroll-to-bottom component.)
    /// </summary>
    public const string EmptyStylesheetHash = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='";

    public ContentSecurityPolicy(IOptions<WebChatOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var origins = options.Value.FrameAncestors
            .Select(value => FrameAncestor.TryNormalise(value, out var origin)
                ? origin
                : throw new OptionsValidationException(WebChatOptions.SectionName, typeof(WebChatOptions), [$"'{value}' is not {FrameAncestor.Expected}."]))
            .Distinct(StringComparer.Ordinal)
            .ToList();

        Page = string.Join("; ",
            // Anything not named below (plugins, frames, fonts, media, workers, manifests) is refused.
            "default-src 'none'",
            // app.js and the Web Chat bundle, which the bot serves itself from lib/ (never a CDN); no inline script, no eval.
            "script-src 'self'",
            // app.css, and the empty <style> elements Web Chat fills through the CSSOM (see EmptyStylesheetHash).
            "style-src 'self' " + EmptyStylesheetHash,
            // data: the icon Web Chat draws after a link in an answer (ClinicalTrials.gov in the corpus becomes one);
            // blob: the typing indicator and spinner animations, which Web Chat turns into object URLs at run time.
            "img-src 'self' data: blob:",
            // settings.json and Direct Line, both on this origin. The page polls (webSocket: false in app.js), so there is
            // no ws: stream URL to allow.
            "connect-src 'self'",
            "base-uri 'none'",
            // Web Chat's send box is a form it handles in script; nothing on the page posts a form to a URL.
            "form-action 'none'",
            // SAFETY: no site may frame the page (clickjacking) unless the clinic names its own in WebChat:FrameAncestors.
            "frame-ancestors " + (origins.Count == 0 ? "'none'" : string.Join(' ', origins)));
    }

    /// <summary>The Web Chat page, what it loads, and every other response outside the content owners' paths.</summary>
    public string Page { get; }

    /// <summary>The content owners' pages: the key page's script and the stylesheet it shares with the report, the
    /// fetch of the report, nothing else; never framed, whatever WebChat:FrameAncestors says.</summary>
    public string Admin { get; } = string.Join("; ",
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "connect-src 'self'",
        "base-uri 'none'",
        "form-action 'none'",
        "frame-ancestors 'none'");
}
