using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace KetamineFaqBot.Load.Driving;

/// <summary>
/// Sends a fixed number of requests over a fixed number of connections, each with at most one request in flight.
/// Closed loop (no rate): a connection sends its next request as soon as the previous response, body included, is in.
/// Paced (open loop, a rate): request i is due at <c>began + i / rate</c> and is sent then, or later when every
/// connection is still busy. Latency is per request, from the time it was due to its last body byte.
/// </summary>
internal static class RequestDriver
{
    /// <summary>Closed loop: as fast as the responses come back.</summary>
    /// <param name="client">Shared by all workers; its handler allows <paramref name="connections"/> connections.</param>
    /// <param name="createRequest">The request for index i (0 ≤ i &lt; count); built before the clock starts where possible.</param>
    /// <param name="check">Given the index, status and body: null when the response is right, else what is wrong.</param>
    public static Task<DriveResult> RunAsync(
        HttpClient client, int count, int connections, Func<int, HttpRequestMessage> createRequest,
        Func<int, HttpStatusCode, byte[], string?> check, CancellationToken cancellationToken = default) =>
        RunAsync(client, count, connections, null, createRequest, check, cancellationToken);

    /// <summary>Closed loop when <paramref name="ratePerSecond"/> is null, else paced at that many requests per second.</summary>
    public static async Task<DriveResult> RunAsync(
        HttpClient client, int count, int connections, double? ratePerSecond, Func<int, HttpRequestMessage> createRequest,
        Func<int, HttpStatusCode, byte[], string?> check, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(createRequest);
        ArgumentNullException.ThrowIfNull(check);
        if (ratePerSecond is { } rate && !(rate > 0 && double.IsFinite(rate)))
        {
            throw new ArgumentOutOfRangeException(nameof(ratePerSecond), rate, "A paced run needs a positive, finite rate.");
        }

        var ticksPerRequest = ratePerSecond is { } r ? Stopwatch.Frequency / r : 0;
        var latencies = new long[count];
        var starts = new long[count];
        var scheduled = new long[count];
        var failed = new bool[count];
        var errors = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var next = -1;
        var began = Stopwatch.GetTimestamp();

        async Task WorkAsync()
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                long due = 0;
                if (ratePerSecond is not null)
                {
                    // Indices are taken in order by whichever connection is free, so a request whose connection frees
                    // late starts late; its latency still counts from when it was due (no coordinated omission).
                    due = began + (long)(i * ticksPerRequest);
                    await WaitUntilAsync(due, cancellationToken);
                }

                using var request = createRequest(i);
                var start = Stopwatch.GetTimestamp();
                starts[i] = start;
                scheduled[i] = ratePerSecond is null ? start : due;
                string? error;
                try
                {
                    using var response = await client.SendAsync(request, cancellationToken);
                    var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
                    latencies[i] = Stopwatch.GetTimestamp() - scheduled[i];
                    error = check(i, response.StatusCode, body);
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
                {
                    latencies[i] = Stopwatch.GetTimestamp() - scheduled[i];
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
        return new DriveResult(
            count, elapsed, latencies, starts, scheduled, failed, new SortedDictionary<string, int>(errors, StringComparer.Ordinal), ratePerSecond);
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

    /// <summary>Waits until the Stopwatch reaches <paramref name="timestamp"/>, never returning before it.</summary>
    private static async Task WaitUntilAsync(long timestamp, CancellationToken cancellationToken)
    {
        long remaining;
        while ((remaining = timestamp - Stopwatch.GetTimestamp()) > 0)
        {
            // Task.Delay counts whole milliseconds on a coarse clock and can wake a little early: round up and look
            // again rather than spin. The price is up to about a millisecond of lateness, which counts as latency.
            var milliseconds = Math.Max(1, Math.Ceiling(remaining * 1000.0 / Stopwatch.Frequency));
            await Task.Delay(TimeSpan.FromMilliseconds(milliseconds), cancellationToken);
        }
    }
}
