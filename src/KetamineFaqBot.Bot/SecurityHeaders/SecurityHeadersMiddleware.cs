namespace KetamineFaqBot.Bot.SecurityHeaders;

/// <summary>
/// Puts the security headers on every response, error pages included: they are written when the response starts, after
/// anything (the exception handler among them) that clears headers on the way.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next, ContentSecurityPolicy policy)
{
    private const string ReferrerPolicy = "Referrer-Policy";

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);

        // Judged on the path as requested, before any later middleware rewrites it.
        var admin = IsAdmin(context.Request.Path);
        context.Response.OnStarting(() =>
        {
            Apply(context.Response.Headers, admin);
            return Task.CompletedTask;
        });
        return next(context);
    }

    /// <summary>The content owners' pages and API, which get the stricter policy and are never cached.</summary>
    public static bool IsAdmin(PathString path) => path.StartsWithSegments("/admin") || path.StartsWithSegments("/insights");

    private void Apply(IHeaderDictionary headers, bool admin)
    {
        headers.ContentSecurityPolicy = admin ? policy.Admin : policy.Page;
        headers.XContentTypeOptions = "nosniff";

        // SAFETY: a link in an answer must not tell the linked site which clinic's chat, or which page, the patient came from.
        headers[ReferrerPolicy] = "no-referrer";

        // SAFETY: the insights report holds patients' (redacted) questions and the key page handles the admin key; no
        // browser or proxy cache may keep either.
        if (admin)
        {
            headers.CacheControl = "no-store";
        }
    }
}
