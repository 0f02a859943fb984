using System.Diagnostics;
using System.Net;

namespace Jtai.Benchmarks.Load;

/// <summary>
/// Drives HTTP load. Open loop: requests leave at a fixed rate whatever the server does, and each
/// latency counts from when its request was due (so a stalled server cannot hide its queue:
/// no coordinated omission). Closed loop: a fixed number of callers, each sending its next request
/// when the previous answers, which finds the saturation throughput.
/// </summary>
public static class LoadGenerator
{
    public static HttpClient Client(Uri baseAddress, string? token = null, TimeSpan? timeout = null)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = 1024,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(2),
            ConnectTimeout = TimeSpan.FromSeconds(5),
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
        };
        var client = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = timeout ?? TimeSpan.FromSeconds(10) };
        if (token is not null) client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    public static async Task<List<Outcome>> OpenLoop(HttpClient client, Func<int, HttpRequestMessage> request, double rate, TimeSpan duration,
        bool keepBodies = false)
    {
        var total = (int)(rate * duration.TotalSeconds);
        var tasks = new Task<Outcome>[total];
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < total; i++)
        {
            var due = TimeSpan.FromSeconds(i / rate);
            var wait = due - watch.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1)) await Task.Delay(wait);
            tasks[i] = Send(client, request(i), watch, due, keepBodies);
        }
        return [.. await Task.WhenAll(tasks)];
    }

    /// <returns>Successes per second in the measured window, its outcomes, and every request sent (warm-up included).</returns>
    public static async Task<(double PerSecond, List<Outcome> Outcomes, int Sent)> ClosedLoop(HttpClient client, Func<int, HttpRequestMessage> request,
        int callers, TimeSpan duration, TimeSpan warmUp, bool keepBodies = false)
    {
        var outcomes = new List<Outcome>[callers];
        var watch = Stopwatch.StartNew();
        var counting = warmUp;
        var stop = warmUp + duration;
        var counter = 0;
        await Task.WhenAll(Enumerable.Range(0, callers).Select(async c =>
        {
            var mine = outcomes[c] = [];
            while (watch.Elapsed < stop)
            {
                var started = watch.Elapsed;
                var outcome = await Send(client, request(Interlocked.Increment(ref counter)), watch, started, keepBodies);
                if (started >= counting && watch.Elapsed <= stop) mine.Add(outcome);
            }
        }));
        var all = outcomes.SelectMany(o => o).ToList();
        return (all.Count(o => o.Status is >= 200 and < 300) / duration.TotalSeconds, all, counter);
    }

    private static async Task<Outcome> Send(HttpClient client, HttpRequestMessage request, Stopwatch watch, TimeSpan due, bool keepBody)
    {
        using (request)
        {
            try
            {
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead);
                var body = keepBody || (int)response.StatusCode >= 300 ? await response.Content.ReadAsStringAsync() : null;
                var problem = response.Content.Headers.ContentType?.MediaType == "application/problem+json";
                return new Outcome((int)response.StatusCode, (watch.Elapsed - due).TotalMilliseconds, false,
                    response.Headers.RetryAfter is not null, problem, body, due.TotalSeconds);
            }
            catch (TaskCanceledException)
            {
                return new Outcome(0, (watch.Elapsed - due).TotalMilliseconds, true, false, false, null, due.TotalSeconds);
            }
            catch (HttpRequestException ex)
            {
                return new Outcome(0, (watch.Elapsed - due).TotalMilliseconds, false, false, false, ex.Message, due.TotalSeconds);
            }
        }
    }
}
