using Jtai.Benchmarks.Load;

namespace Jtai.Benchmarks.Scenarios;

/// <summary>
/// Scheduling sustained at a fixed rate through the gateway (open loop): the POST's latency, and
/// the fan-out from the orchestrator's commit to the three inspectorates' consumers' commits.
/// </summary>
public static class SchedulingBenchmark
{
    public static async Task Run(Stack stack, Report report, double rate, double fanOutGoal, double? postGoal)
    {
        Console.WriteLine($"scheduling at {rate}/s for {stack.Duration.TotalSeconds} s, {stack.Runs} runs (load {Stack.LoadAverage()})");
        using var client = LoadGenerator.Client(stack.Gateway, await stack.Tokens.Staff("lead-inspector", "ofsted"));
        await Scheduling.WarmUp(client, stack, CpuRate);

        List<double> fan50 = [], fan99 = [], post50 = [], post99 = [], goodput = [], failed = [], missing = [], drain = [];
        Dictionary<string, List<double>> cores = [], perScheduling = [];
        for (var run = 0; run < stack.Runs; run++)
        {
            var started = DateTime.UtcNow;
            var ioStalledBefore = IoStalledMicroseconds();
            var (cpu, machine) = (stack.Cpu, CpuMeter.Machine());
            var platformBefore = await cpu.Snapshot();
            var outcomes = await LoadGenerator.OpenLoop(client, Scheduling.Request, rate, stack.Duration, keepBodies: true);
            var platformMs = CpuMeter.PerOperation(platformBefore, await cpu.Snapshot(), 1);
            Collect(cores, CoresInUse(machine, CpuMeter.Machine(), platformMs));
            var ids = Scheduling.CreatedIds(outcomes);
            Collect(perScheduling, platformMs.ToDictionary(p => p.Key, p => ids.Length == 0 ? double.NaN : p.Value / ids.Length));
            var (seconds, notDelivered) = await Scheduling.AwaitDelivery(stack, ids, TimeSpan.FromSeconds(180));
            var fanOut = await Scheduling.FanOut(stack, ids);
            var latencies = outcomes.Select(o => o.Milliseconds).ToList();
            fan50.Add(Percentiles.Of(fanOut, 50));
            fan99.Add(Percentiles.Of(fanOut, 99));
            post50.Add(Percentiles.Of(latencies, 50));
            post99.Add(Percentiles.Of(latencies, 99));
            goodput.Add(ids.Length / stack.Duration.TotalSeconds);
            failed.Add(outcomes.Count(o => o.Status != 201));
            missing.Add(notDelivered);
            drain.Add(seconds);
            var statuses = string.Join(", ", outcomes.GroupBy(o => o.Status).OrderBy(g => g.Key).Select(g => $"{(g.Key == 0 ? "no answer" : g.Key.ToString())}: {g.Count()}"));
            Console.WriteLine($"  run {run + 1} (from {started:HH:mm:ss} UTC): {statuses}; delivered to all three {ids.Length - notDelivered}/{ids.Length} within {seconds:F1} s after the load; load {Stack.LoadAverage()}");
            // Where the tail comes from: slow answers spread over the run, or a few stalls (a checkpoint, a collection)?
            var slow = outcomes.Where(o => o.Milliseconds > 50).GroupBy(o => (int)o.DueSeconds).OrderByDescending(g => g.Count()).Take(5)
                .Select(g => $"{g.Key} s: {g.Count()}, up to {g.Max(o => o.Milliseconds):N0} ms");
            Console.WriteLine($"    POSTs over 50 ms, by second of the run (the five worst): {string.Join("; ", slow)}; " +
                $"every task stalled on I/O (the disk, e.g. a commit's WAL flush behind a checkpoint's writes) {(IoStalledMicroseconds() - ioStalledBefore) / 1000:N0} ms in all");
            await Task.Delay(TimeSpan.FromSeconds(3));
        }

        var area = $"scheduling {rate:N0}/s";
        report.Add(area, "POSTs answered 201 per second (goodput)", "/s", goodput, $"{rate:N0}", Percentiles.Median(goodput) >= rate * 0.99);
        report.Add(area, "POSTs not answered 201", "", failed, "0", Percentiles.Median(failed) == 0);
        report.Add(area, "created but not delivered to all three after 180 s", "", missing, "0", missing.All(m => m == 0));
        report.Add(area, "delivery finished, seconds after the load stopped", "s", drain);
        report.Add(area, "POST p50", "ms", post50);
        report.Add(area, "POST p99", "ms", post99, postGoal is null ? "" : $"≤ {postGoal} ms", postGoal is null ? null : Percentiles.Median(post99) <= postGoal);
        report.Add(area, "fan-out p50", "ms", fan50);
        report.Add(area, "fan-out p99", "ms", fan99, $"≤ {fanOutGoal} ms", Percentiles.Median(fan99) <= fanOutGoal);
        foreach (var (part, runs) in cores)
            report.Add(area, $"cores in use while loaded (of {Environment.ProcessorCount}): {part}", "", runs);
        // At this rate, not at the steady 50/s of scheduling-cpu: batches fill and fewer wake-ups are shared by more
        // work. Refused POSTs are cheap but counted too (per scheduling accepted).
        foreach (var part in Parts.Where(perScheduling.ContainsKey))
            report.Add(area, $"CPU per accepted scheduling while loaded: {part}", "ms", perScheduling[part]);
        if (Parts.All(perScheduling.ContainsKey))
            report.Add(area, "CPU per accepted scheduling while loaded: all of these", "ms",
                Enumerable.Range(0, stack.Runs).Select(run => Parts.Sum(p => perScheduling[p][run])).ToList());
    }

    /// <summary>
    /// Where the machine's cores went while the load ran: the platform (its processes and PostgreSQL's backends
    /// serving it), and what shares its cores here but would not in production: the load generator (this
    /// process) and the broker; the rest is the kernel's interrupts, PostgreSQL's own background processes, any
    /// backend that ended during the run (its CPU is lost to the platform's figure) and anything else; idle, and
    /// steal (time the hypervisor gave to another machine).
    /// </summary>
    private static Dictionary<string, double> CoresInUse(CpuMeter.MachineSample before, CpuMeter.MachineSample after, Dictionary<string, double> platformMs)
    {
        var elapsed = (after.Busy + after.Idle + after.Steal - before.Busy - before.Idle - before.Steal) / Environment.ProcessorCount;
        var platform = Parts.Sum(p => platformMs.GetValueOrDefault(p)) / 1000;
        var generator = after.LoadGenerator - before.LoadGenerator;
        var broker = after.Broker - before.Broker;
        return new Dictionary<string, double>
        {
            ["the platform (services, gateway, PostgreSQL backends)"] = platform / elapsed,
            ["the load generator"] = generator / elapsed,
            ["RabbitMQ"] = broker / elapsed,
            ["the rest (kernel interrupts, PostgreSQL's background processes, other processes)"] =
                Math.Max(0, after.Busy - before.Busy - platform - generator - broker) / elapsed,
            ["idle"] = (after.Idle - before.Idle) / elapsed,
            ["steal"] = (after.Steal - before.Steal) / elapsed,
        };
    }

    /// <summary>Microseconds so far in which every non-idle task waited on I/O (Linux pressure stall information), or 0 when not available.</summary>
    private static long IoStalledMicroseconds()
    {
        try
        {
            var full = File.ReadLines("/proc/pressure/io").FirstOrDefault(l => l.StartsWith("full ", StringComparison.Ordinal));
            var total = full?.Split(' ').FirstOrDefault(f => f.StartsWith("total=", StringComparison.Ordinal));
            return total is null ? 0 : long.Parse(total["total=".Length..], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (IOException) { return 0; }
    }

    /// <summary>What a scheduling runs through: the platform's processes and PostgreSQL's backends serving them.</summary>
    private static readonly string[] Parts = ["gateway", "orchestrator", .. Scheduling.Inspectorates, CpuMeter.PostgreSql];

    /// <summary>The rate CPU per scheduling is measured at (BENCH_CPU_RATE, default 50/s).</summary>
    public static double CpuRate => double.Parse(Environment.GetEnvironmentVariable("BENCH_CPU_RATE") ?? "50", System.Globalization.CultureInfo.InvariantCulture);

    private static readonly TimeSpan IdleWindow = TimeSpan.FromSeconds(10);

    /// <summary>
    /// CPU per scheduling, end to end (gateway, orchestrator and its relay, the three consumers, the
    /// PostgreSQL backends), at a rate every version sustains, so no refused request's cost is counted:
    /// the figure to compare between versions. The processes' fixed costs (timers, pollers, the telemetry
    /// exporters) are measured apart, over a quiet window after each run, and given per second; at 10/s
    /// they would be a large share of the figure, at 50/s a smaller one. 200/s on 2 cores needs it under 10 ms.
    /// </summary>
    public static async Task Cpu(Stack stack, Report report, double rate)
    {
        Console.WriteLine($"scheduling CPU at {rate}/s for {stack.Duration.TotalSeconds} s, {stack.Runs} runs (load {Stack.LoadAverage()})");
        using var client = LoadGenerator.Client(stack.Gateway, await stack.Tokens.Staff("lead-inspector", "ofsted"));
        await Scheduling.WarmUp(client, stack, CpuRate);
        var cpu = new Dictionary<string, List<double>>();
        var idle = new Dictionary<string, List<double>>();
        List<double> refused = [], compiling = [], walKiB = [];
        for (var run = 0; run < stack.Runs; run++)
        {
            var meter = stack.Cpu;
            var before = await meter.Snapshot();
            var compilersBefore = meter.Compilers();
            var walBefore = await meter.WalBytes();
            var outcomes = await LoadGenerator.OpenLoop(client, Scheduling.Request, rate, stack.Duration, keepBodies: true);
            var ids = Scheduling.CreatedIds(outcomes);
            await Scheduling.AwaitDelivery(stack, ids, TimeSpan.FromSeconds(180));
            Collect(cpu, CpuMeter.PerOperation(before, await meter.Snapshot(), ids.Length));
            var walAfter = await meter.WalBytes();
            walKiB.Add(ids.Length == 0 ? double.NaN : (walAfter - walBefore) / 1024.0 / ids.Length);
            compiling.Add(ids.Length == 0 ? double.NaN : CpuMeter.CompilerSeconds(compilersBefore, meter.Compilers()) * 1000 / ids.Length);
            refused.Add(outcomes.Count(o => o.Status != 201));

            // What the processes spend with nothing to do (timers, pollers, exporters, heartbeats): a cost per
            // second, not per scheduling, which the figure at 50/s spreads over 50 schedulings. Measured after
            // the run, not before: right after the warm-up the orchestrator still spends up to a sixth of a
            // core compiling hot methods again (tiered compilation), which is not what an idle service costs.
            await Task.Delay(TimeSpan.FromSeconds(2));
            var quiet = await meter.Snapshot();
            await Task.Delay(IdleWindow);
            Collect(idle, CpuMeter.PerOperation(quiet, await meter.Snapshot(), (long)IdleWindow.TotalSeconds));
            Console.WriteLine($"  run {run + 1}: {ids.Length} scheduled, {outcomes.Count - ids.Length} not answered 201; load {Stack.LoadAverage()}");
        }
        var area = $"scheduling CPU at {rate:N0}/s";
        report.Add(area, "POSTs not answered 201 (their cost would be counted)", "", refused, "0", refused.All(r => r == 0));
        foreach (var part in Parts.Where(cpu.ContainsKey))
            report.Add(area, $"CPU per scheduling: {part}", "ms", cpu[part]);
        if (Parts.All(cpu.ContainsKey))
        {
            var total = Enumerable.Range(0, stack.Runs).Select(run => Parts.Sum(p => cpu[p][run])).ToList();
            report.Add(area, "CPU per scheduling: all of these", "ms", total, "≤ 10 ms (200/s on 2 cores)", Percentiles.Median(total) <= 10);
        }
        // Should be near nothing after the warm-up: if not, the figure measured the JIT compiler as well.
        report.Add(area, "CPU per scheduling: of which the services' JIT compilers (at least)", "ms", compiling);
        // What the commits wait to flush and the disk must absorb (the whole server's, from pg_stat_wal).
        report.Add(area, "WAL per scheduling", "KiB", walKiB);
        foreach (var part in Parts.Where(idle.ContainsKey))
            report.Add(area, $"CPU when idle, per second: {part}", "ms", idle[part]);
        if (Parts.All(p => idle.ContainsKey(p) && cpu.ContainsKey(p)))
        {
            var idleTotal = Enumerable.Range(0, stack.Runs).Select(run => Parts.Sum(p => idle[p][run])).ToList();
            report.Add(area, "CPU when idle, per second: all of these", "ms", idleTotal);
            // The part of the figure that grows with the rate: what 200/s would cost per scheduling, fixed costs aside.
            var marginal = Enumerable.Range(0, stack.Runs).Select(run => Parts.Sum(p => cpu[p][run]) - idleTotal[run] / rate).ToList();
            report.Add(area, "CPU per scheduling less the idle cost: all of these", "ms", marginal);
        }
    }

    /// <summary>Adds one run's figure per process to each process's list of runs.</summary>
    private static void Collect(Dictionary<string, List<double>> runs, Dictionary<string, double> figures)
    {
        foreach (var (process, value) in figures)
            (runs.TryGetValue(process, out var list) ? list : runs[process] = []).Add(value);
    }
}
