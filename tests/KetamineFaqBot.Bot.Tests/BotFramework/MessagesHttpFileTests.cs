using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using KetamineFaqBot.Bot.Options;
using KetamineFaqBot.Bot.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KetamineFaqBot.Bot.Tests.BotFramework;

/// <summary>
/// Keeps src/KetamineFaqBot.Bot/KetamineFaqBot.Bot.http honest: every /api/messages request in it is sent to a local-mode
/// host and must get the status its title names ("### title — NNN …"). Replies go to a fake connector instead of the
/// file's 127.0.0.1:53978 (a port in the default Bot:AllowedLoopbackReplyPorts); the host lists the connector's port instead.
/// </summary>
public sealed partial class MessagesHttpFileTests : IAsyncLifetime
{
    private const string FileServiceUrl = "http://127.0.0.1:53978/";

    private FakeConnector _connector = null!;
    private BotTestHost _host = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _host = BotTestHost.Start(new Dictionary<string, string?>
        {
            ["Bot:MessagesPerMinutePerConversation"] = "30",
            [FakeConnector.ReplyPortSetting] = _connector.ReplyPort,
        });
        _http = _host.CreateHttpClient();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task HttpFile_EveryApiMessagesRequest_GetsTheStatusItsTitleNames()
    {
        var requests = ReadRequests().Where(r => r.Url == "{{host}}/api/messages").ToList();
        var options = _host.Services.GetRequiredService<IOptions<BotOptions>>().Value;

        var mismatches = new List<string>();
        foreach (var request in requests)
        {
            var statuses = new List<int>();
            if (request.ExpectedStatus == (int)HttpStatusCode.TooManyRequests)
            {
                // The file says to repeat this one: the conversation's whole budget first, then one more.
                for (var i = 0; i < options.MessagesPerMinutePerConversation; i++)
                {
                    statuses.Add(await SendAsync(request, options));
                }

                if (statuses.Any(s => s != (int)HttpStatusCode.OK))
                {
                    mismatches.Add($"{request.Title}: within the budget got {string.Join(',', statuses.Distinct())}");
                }
            }

            var status = await SendAsync(request, options);
            if (status != request.ExpectedStatus)
            {
                mismatches.Add($"{request.Title}: expected {request.ExpectedStatus}, got {status}");
            }
        }

        Assert.Empty(mismatches);
        Assert.True(requests.Count >= 13, $"only {requests.Count} /api/messages requests in the .http file");
        Assert.Superset(new HashSet<int> { 200, 400, 401, 413, 429, 501 }, requests.Select(r => r.ExpectedStatus).ToHashSet());
    }

    private async Task<int> SendAsync(HttpFileRequest request, BotOptions options)
    {
        var body = request.Body.StartsWith('<')
            ? OversizedActivity(options.MaxRequestBodyBytes)
            : request.Body.Replace(FileServiceUrl, _connector.BaseAddress.AbsoluteUri, StringComparison.Ordinal);
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), "api/messages")
        {
            Content = new StringContent(body, Encoding.UTF8, request.Headers.GetValueOrDefault("Content-Type", "application/json")),
        };
        if (request.Headers.TryGetValue("Authorization", out var authorization))
        {
            message.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await _http.SendAsync(message);
        return (int)response.StatusCode;
    }

    /// <summary>The file reads this body from a file the reader makes; here it is made in memory, one byte over the limit.</summary>
    private static string OversizedActivity(int maxBytes)
    {
        const string prefix = "{\"type\":\"message\",\"text\":\"";
        const string suffix = "\"}";
        return prefix + new string('x', maxBytes + 1 - prefix.Length - suffix.Length) + suffix;
    }

    private static List<HttpFileRequest> ReadRequests()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryRoot(), "src", "KetamineFaqBot.Bot", "KetamineFaqBot.Bot.http")).ReplaceLineEndings("\n");
        var requests = new List<HttpFileRequest>();

        // The first chunk is the preamble; every other one starts right after a "###" separator.
        foreach (var block in text.Split("\n###").Skip(1))
        {
            var lines = block.Split('\n');
            var title = lines[0].Trim();
            var index = 1;
            while (index < lines.Length && (lines[index].Length == 0 || lines[index].StartsWith('#') || lines[index].StartsWith('@')))
            {
                index++;
            }

            var requestLine = index < lines.Length ? RequestLine().Match(lines[index]) : Match.Empty;
            if (!requestLine.Success)
            {
                continue;
            }

            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            for (index++; index < lines.Length && lines[index].Trim().Length > 0; index++)
            {
                var colon = lines[index].IndexOf(':', StringComparison.Ordinal);
                headers[lines[index][..colon].Trim()] = lines[index][(colon + 1)..].Trim();
            }

            var expected = ExpectedStatus().Match(title);
            Assert.True(expected.Success, $"no expected status in the title \"{title}\"");
            requests.Add(new HttpFileRequest(
                title,
                int.Parse(expected.Groups[1].Value, CultureInfo.InvariantCulture),
                requestLine.Groups[1].Value,
                requestLine.Groups[2].Value,
                headers,
                string.Join('\n', lines.Skip(index)).Trim()));
        }

        return requests;
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "KetamineFaqBot.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("KetamineFaqBot.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"^(GET|POST|PUT|DELETE|PATCH|OPTIONS) (\S+)")]
    private static partial Regex RequestLine();

    [GeneratedRegex(@"— (\d{3})\b")]
    private static partial Regex ExpectedStatus();

    private sealed record HttpFileRequest(string Title, int ExpectedStatus, string Method, string Url, IReadOnlyDictionary<string, string> Headers, string Body);
}
