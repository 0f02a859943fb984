using Jtai.Benchmarks.Load;

namespace Jtai.Benchmarks.Scenarios;

/// <summary>
/// Overload: scheduling offered at 500/s, well past capacity. Every answer must be a success or a
/// 429/503 problem with Retry-After (no 500, no request left hanging), and goodput should stay at
/// capacity, measured in the same run by a closed loop of callers that never overload it.
/// </summary>
public static class OverloadBenchmark
{
    private const double Offered = 500;

    public static async Task Run(Stack stack, Report report)
    {
        var duration = TimeSpan.FromSeconds(Math.Max(10, stack.Duration.TotalSeconds / 3));
        Console.WriteLine($"overload: {Offered}/s offered for {duration.TotalSeconds} s, capacity by 16 closed-loop callers, {stack.Runs} runs (load {Stack.LoadAverage()})");
        using var client = LoadGenerator.Client(stack.Gateway, await stack.Tokens.Staff("lead-inspector", "ofsted"));

        List<double> capacity = [], goodput = [], errors = [], unanswered = [], shed = [], shedWithoutRetryAfter = [], missing = [];
        for (var run = 0; run < stack.Runs; run++)
        {
            var (perSecond, closed, _) = await LoadGenerator.ClosedLoop(client, Scheduling.Request, 16, stack.ShortDuration, TimeSpan.FromSeconds(1), keepBodies: true);
            capacity.Add(perSecond);
            await Scheduling.AwaitDelivery(stack, Scheduling.CreatedIds(closed), TimeSpan.FromSeconds(120));

            var outcomes = await LoadGenerator.OpenLoop(client, Scheduling.Request, Offered, duration, keepBodies: true);
            var ids = Scheduling.CreatedIds(outcomes);
            goodput.Add(ids.Length / duration.TotalSeconds);
            errors.Add(outcomes.Count(o => o.Status >= 500 && o.Status != 503));
            unanswered.Add(outcomes.Count(o => o.Status == 0));
            var shedAnswers = outcomes.Where(o => o.Status is 429 or 503).ToList();
            shed.Add(shedAnswers.Count);
            shedWithoutRetryAfter.Add(shedAnswers.Count(o => !o.HasRetryAfter || !o.IsProblem));
            var (_, notDelivered) = await Scheduling.AwaitDelivery(stack, ids, TimeSpan.FromSeconds(180));
            missing.Add(notDelivered);
            var statuses = string.Join(", ", outcomes.GroupBy(o => o.Status).OrderBy(g => g.Key).Select(g => $"{(g.Key == 0 ? "no answer" : g.Key.ToString())}: {g.Count()}"));
            Console.WriteLine($"  run {run + 1}: capacity {perSecond:F0}/s; at {Offered}/s: {statuses}; load {Stack.LoadAverage()}");
            if (outcomes.FirstOrDefault(o => o.Status >= 500 && o.Status != 503) is { } sample)
                Console.WriteLine($"    e.g. {sample.Status}: {sample.Body?[..Math.Min(300, sample.Body.Length)]}");
            await Task.Delay(TimeSpan.FromSeconds(3));
        }

        const string area = "overload 500/s";
        report.Add(area, "goodput (201 per second)", "/s", goodput, "≥ 0.9× capacity", Percentiles.Median(goodput) >= 0.9 * Percentiles.Median(capacity),
            "capacity (closed loop)", capacity);
        report.Add(area, "5xx other than 503", "", errors, "0", errors.All(e => e == 0));
        report.Add(area, "no answer (client timeout 10 s)", "", unanswered, "0", unanswered.All(e => e == 0));
        report.Add(area, "shed as 429/503", "", shed);
        report.Add(area, "shed without Retry-After or problem body", "", shedWithoutRetryAfter, "0", shedWithoutRetryAfter.All(e => e == 0));
        report.Add(area, "created but not delivered to all three", "", missing, "0", missing.All(m => m == 0));
    }
}
