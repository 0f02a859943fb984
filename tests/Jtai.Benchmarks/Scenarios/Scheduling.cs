using System.Net.Http.Json;
using System.Text.Json;
using Jtai.Benchmarks.Load;

namespace Jtai.Benchmarks.Scenarios;

/// <summary>What scheduling through the gateway gives: answers, and when each inspection reached the three inspectorates.</summary>
internal static class Scheduling
{
    public static readonly string[] Inspectorates = ["ofsted", "cqc", "hmicfrs"];

    private static bool _warm;

    /// <summary>
    /// Once per stack, before the first scheduling figure: 30 s at 30/s, then at <paramref name="rate"/> until the
    /// runtime's compilers have settled (under 2% of a core, across the processes, in three 5 s slices in a row; 3 minutes at most).
    /// A freshly started stack re-compiles hot methods (tiered compilation) for a minute or more under load:
    /// the orchestrator's compiler thread was seen at 15–45% of a core 30–60 s in. The figures are for the
    /// steady state a running service reaches, not for its first minutes.
    /// </summary>
    public static async Task WarmUp(HttpClient client, Stack stack, double rate)
    {
        if (_warm) return;
        await LoadGenerator.OpenLoop(client, Request, 30, TimeSpan.FromSeconds(30));
        var meter = stack.Cpu;
        var slice = TimeSpan.FromSeconds(5);
        // The compilers work in bursts: settled is three quiet slices in a row.
        var quiet = 0;
        var slices = 0;
        while (quiet < 3 && slices++ < 36)
        {
            var before = meter.Compilers();
            await LoadGenerator.OpenLoop(client, Request, rate, slice);
            quiet = CpuMeter.CompilerSeconds(before, meter.Compilers()) / slice.TotalSeconds < 0.02 ? quiet + 1 : 0;
        }
        var settled = quiet == 3;
        Console.WriteLine($"  warmed up: 30 s at 30/s, then {slices * slice.TotalSeconds:N0} s at {rate}/s; compilers {(settled ? "settled" : "still busy")}");
        _warm = true;
    }

    public static HttpRequestMessage Request(int i)
    {
        return new HttpRequestMessage(HttpMethod.Post, "/api/orchestrator/inspections")
        {
            Content = JsonContent.Create(new { localAreaCode = "E08000025", localAreaName = "Birmingham", theme = "front-door", fieldworkStart = Fieldwork }),
        };
    }

    /// <summary>A Wednesday half a year ahead, clear of Christmas: a working day whose notice period is still ahead.</summary>
    private static readonly DateOnly Fieldwork = FirstWednesday(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(180));

    private static DateOnly FirstWednesday(DateOnly from)
    {
        var day = from;
        while (day.DayOfWeek != DayOfWeek.Wednesday || (day.Month == 12 && day.Day > 20) || (day.Month == 1 && day.Day < 8)) day = day.AddDays(1);
        return day;
    }

    public static Guid[] CreatedIds(IEnumerable<Outcome> outcomes) => outcomes
        .Where(o => o.Status == 201 && o.Body is not null)
        .Select(o => JsonDocument.Parse(o.Body!).RootElement.GetProperty("id").GetGuid())
        .ToArray();

    /// <summary>Waits until every created inspection is in all three inspectorates' databases; returns the seconds it took and how many are missing.</summary>
    public static async Task<(double Seconds, long Missing)> AwaitDelivery(Stack stack, Guid[] ids, TimeSpan timeout)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        long missing = 0;
        while (true)
        {
            missing = 0;
            foreach (var service in Inspectorates)
                missing += ids.Length - await Db.Scalar(stack.Databases[service], "SELECT count(*) FROM inspections WHERE inspection_id = ANY(@p0)", ids);
            if (missing == 0 || watch.Elapsed > timeout) return (watch.Elapsed.TotalSeconds, missing);
            await Task.Delay(250);
        }
    }

    /// <summary>
    /// Fan-out per inspection: from the orchestrator's scheduling time (taken just before its commit)
    /// to the last of the three inspectorates' copies (taken just before each consumer's commit).
    /// </summary>
    public static async Task<List<double>> FanOut(Stack stack, Guid[] ids)
    {
        var scheduled = await Db.Times(stack.Databases["orchestrator"], "SELECT id, scheduled_at FROM inspections WHERE id = ANY(@p0)", ids);
        var received = new List<Dictionary<Guid, DateTimeOffset>>();
        foreach (var service in Inspectorates)
            received.Add(await Db.Times(stack.Databases[service], "SELECT inspection_id, received_at FROM inspections WHERE inspection_id = ANY(@p0)", ids));
        var result = new List<double>(ids.Length);
        foreach (var id in ids)
        {
            if (!scheduled.TryGetValue(id, out var start) || received.Any(r => !r.ContainsKey(id))) continue;
            result.Add(received.Max(r => r[id]).Subtract(start).TotalMilliseconds);
        }
        return result;
    }
}
