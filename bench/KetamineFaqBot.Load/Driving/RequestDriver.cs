using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace KetamineFaqBot.Load.Driving;

/// <summary>
/// Sends a fixed number of requests with a fixed number of concurrent workers (closed loop: each worker waits for its
/// response, body included, before sending the next). Latency is measured per request from send to last body byte.
/// </summary>
internal static class RequestDriver
{
    /// <param name="client">Shared by all workers; its handler allows <paramref name="connections"/> connections.</param>
    /// <param name="createRequest">The request for index i (0 ≤ i &lt; count); built before the clock starts where possible.</param>
    /// <param name="check">Given the index, status and body: null when the response is right, else what is wrong.</param>
    public static async Task<DriveResult> RunAsync(
        HttpClient client, int count, int connections, Func<int, HttpRequestMessage> createRequest,
        Func<int, HttpStatusCode, byte[], string?> check, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(createRequest);
        ArgumentNullException.ThrowIfNull(check);
        var latencies = new long[count];
        var starts = new long[count];
        var failed = new bool[count];
        var errors = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var next = -1;
        var began = Stopwatch.GetTimestamp();

        async Task WorkAsync()
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                using var request = createRequest(i);
                var start = Stopwatch.GetTimestamp();
                starts[i] = start;
                string? error;
                try
                {
                    using var response = await client.SendAsync(request, cancellationToken);
                    var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
                    latencies[i] = Stopwatch.GetTimestamp() - start;
                    error = check(i, response.StatusCode, body);
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
                {
                    latencies[i] = Stopwatch.GetTimestamp() - start;
                    error = ex.GetType().Name;
                }

                if (error is not null)
                {
                    failed[i] = true;
                    errors.AddOrUpdate(error, 1, (_, n) => n + 1);
                }
            }
        }

        var workers = new Task[Math.Min(connections, count)];
        for (var w = 0; w < workers.Length; w++)
        {
            workers[w] = Task.Run(WorkAsync, cancellationToken);
        }

        await Task.WhenAll(workers);
        var elapsed = Stopwatch.GetElapsedTime(began);
        return new DriveResult(count, elapsed, latencies, starts, failed, new SortedDictionary<string, int>(errors, StringComparer.Ordinal));
    }

    /// <summary>The usual check: any 2xx is right, anything else is an error named by its status code.</summary>
    public static string? SuccessStatus(HttpStatusCode status) =>
        (int)status is >= 200 and < 300 ? null : ((int)status).ToString(CultureInfo.InvariantCulture);

    /// <summary>A client with one connection per worker, no proxy and no decompression: loopback traffic only.</summary>
    public static HttpClient CreateClient(Uri baseAddress, int connections) =>
        new(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            UseProxy = false,
            AutomaticDecompression = DecompressionMethods.None,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };
}
