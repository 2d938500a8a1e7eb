using System.Net;
using System.Text.Json;
using KetamineFaqBot.Load.Driving;
using KetamineFaqBot.Load.Servers;

namespace KetamineFaqBot.Load.Scenarios;

/// <summary>The baseline: the same message bodies posted to the bare echo endpoint, which must send each one back.</summary>
internal sealed class EchoScenario(HttpClient client, QuestionSet questions, int connections)
{
    public async Task<DriveResult> RunAsync(int requests, CancellationToken cancellationToken = default)
    {
        var bodies = Enumerable.Range(0, requests).Select(i => ActivityPayloads.DirectLineMessage(questions[i])).ToArray();
        return await RequestDriver.RunAsync(
            client, requests, connections, i => ActivityPayloads.Post(EchoEndpoint.Path.TrimStart('/'), bodies[i]), (i, status, body) => Check(status, body, bodies[i]), cancellationToken);
    }

    private static string? Check(HttpStatusCode status, byte[] body, byte[] sent)
    {
        if (RequestDriver.SuccessStatus(status) is { } error)
        {
            return error;
        }

        // The echo must be the same JSON: a baseline that answers fast but wrong would flatter the bot.
        using var got = JsonDocument.Parse(body);
        using var expected = JsonDocument.Parse(sent);
        return JsonElement.DeepEquals(got.RootElement, expected.RootElement) ? null : "wrong echo";
    }
}
