using System.Diagnostics;
using OpenTelemetry;

namespace KetamineFaqBot.Bot.Telemetry;

/// <summary>
/// Takes ids out of HTTP spans before any exporter sees them. Request paths carry conversation ids
/// (<c>/v3/directline/conversations/{id}/…</c>, the connector's <c>/v3/conversations/{id}/activities/{id}</c>) and
/// query strings carry Direct Line stream tokens: a server span keeps its route template instead of its path, a client
/// span keeps the scheme, host and port of its URL, and query strings are dropped.
/// </summary>
public sealed class UrlScrubbingProcessor : BaseProcessor<System.Diagnostics.Activity>
{
    public override void OnEnd(System.Diagnostics.Activity data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.GetTagItem("url.path") is not null)
        {
            data.SetTag("url.path", data.GetTagItem("http.route"));
        }

        if (data.GetTagItem("url.full") is string full)
        {
            data.SetTag("url.full", Uri.TryCreate(full, UriKind.Absolute, out var url) ? url.GetLeftPart(UriPartial.Authority) : null);
        }

        data.SetTag("url.query", null);
    }
}
