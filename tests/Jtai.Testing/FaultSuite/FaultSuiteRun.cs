using System.Diagnostics;
using System.Globalization;
using System.Text;
using Npgsql;

namespace Jtai.Testing.FaultSuite;

public sealed record FaultSuiteOptions
{
    /// <summary>Flows started at least (more while faults are still being injected).</summary>
    public int Flows { get; init; } = 1000;
    public double FlowsPerSecond { get; init; } = 5;
    /// <summary>Injected one after another, evenly spread over the time the flows take to start.</summary>
    public IReadOnlyList<Fault> Faults { get; init; } = [];
    public int Replicas { get; init; } = 1;
    public int BrokerNodes { get; init; } = 1;
    public bool QuorumQueues { get; init; }
    /// <summary>How long a step of a flow may be retried before the client gives up.</summary>
    public TimeSpan StepBudget { get; init; } = TimeSpan.FromMinutes(3);
    /// <summary>How long, after the last flow, the platform has to deliver everything accepted.</summary>
    public TimeSpan Settle { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Every fault the issue names, each service's kill in turn, the broker (app stop, full restart) and PostgreSQL.</summary>
    public static IReadOnlyList<Fault> Every(int replicas) =>
    [
        .. Platform.ServiceNames.Select(s => (Fault)new Fault.Kill(s, TimeSpan.FromSeconds(5))),
        new Fault.Kill("gateway", TimeSpan.FromSeconds(5)),
        .. replicas > 1 ? new Fault[] { new Fault.Kill(SuitePlatform.InstanceName("ofsted", 2), TimeSpan.Zero, Restart: false) } : [],
        new Fault.BrokerAppStop(TimeSpan.FromSeconds(15)),
        new Fault.BrokerRestart(),
        new Fault.DatabaseRestart(),
    ];

    /// <summary>Against a three-node cluster with quorum queues: each node lost in turn, and a service kill.</summary>
    public static IReadOnlyList<Fault> ClusterFaults(int replicas) =>
    [
        new Fault.BrokerNodeLoss(0, TimeSpan.FromSeconds(20)),
        new Fault.Kill("ofsted", TimeSpan.FromSeconds(5)),
        new Fault.BrokerNodeLoss(1, TimeSpan.FromSeconds(20)),
        .. replicas > 1 ? new Fault[] { new Fault.Kill(SuitePlatform.InstanceName("cqc", 2), TimeSpan.Zero, Restart: false) } : [],
        new Fault.BrokerNodeLoss(2, TimeSpan.FromSeconds(20)),
    ];
}

public sealed record PhaseRow(string Phase, double? At, double? Down, int Flows, int Accepted, int Refused, int Delivered, int Lost,
    int Duplicated, int InError, int Retries, int ServerErrors, double? RecoveredIn, double? P95Delivery);

public sealed record FaultSuiteResult(IReadOnlyList<PhaseRow> Rows, PhaseRow Total, long ErrorMessagesUnattributed,
    long OutboxUnpublished, long Parked, string Table, string Directory)
{
    /// <summary>Nothing lost, nothing applied twice, nothing in an _error queue, no flow the client had to give up on, nothing stuck.</summary>
    public bool Clean => Total.Lost == 0 && Total.Duplicated == 0 && Total.InError == 0 && ErrorMessagesUnattributed == 0
        && Total.Refused == 0 && OutboxUnpublished == 0 && Parked == 0 && Total.Delivered == Total.Accepted;
}

/// <summary>
/// The fault suite: the platform on a private broker and PostgreSQL, flows driven through the gateway
/// at a steady rate while faults are injected one after another, then every service's database and
/// the broker's _error queues checked: flows accepted, delivered everywhere, lost, applied twice,
/// left in _error, and how long after each fault everything accepted before it was delivered.
/// </summary>
public static class FaultSuiteRun
{
    private static readonly string[] Inspectorates = ["ofsted", "cqc", "hmicfrs"];

    public static async Task<FaultSuiteResult> Run(FaultSuiteOptions options, TextWriter log, CancellationToken ct = default)
    {
        var runId = "f" + Guid.NewGuid().ToString("N")[..8];
        var directory = Path.Combine(Path.GetTempPath(), "jtai-faults-" + runId);
        Directory.CreateDirectory(directory);
        try
        {
            return await Run(options, log, runId, directory, ct);
        }
        finally
        {
            // The private servers' data goes with them; the logs stay for a look afterwards.
            foreach (var data in Directory.GetDirectories(directory, "*", SearchOption.AllDirectories)
                         .Where(d => Path.GetFileName(d) is "data" or "mnesia").ToList())
                try { Directory.Delete(data, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private static async Task<FaultSuiteResult> Run(FaultSuiteOptions options, TextWriter log, string runId, string directory, CancellationToken ct)
    {
        log.WriteLine($"fault suite {runId}: {options.Flows} flows at {options.FlowsPerSecond}/s, {options.Faults.Count} faults, " +
            $"{options.Replicas} instance(s) per service, {options.BrokerNodes} broker node(s){(options.QuorumQueues ? ", quorum queues" : "")}; logs {directory}");

        var databaseStart = PrivateDatabase.Start(Path.Combine(directory, "postgres"), SuitePlatform.ServiceNames, log);
        var brokerStart = PrivateBroker.Start(Path.Combine(directory, "rabbitmq"), runId, options.BrokerNodes, log);
        await Task.WhenAll(databaseStart.ContinueWith(_ => { }), brokerStart.ContinueWith(_ => { }));
        await using var database = databaseStart.IsCompletedSuccessfully ? databaseStart.Result : null;
        await using var broker = brokerStart.IsCompletedSuccessfully ? brokerStart.Result : null;
        if (database is null || broker is null)
            throw new InvalidOperationException("The suite's private PostgreSQL or RabbitMQ did not start.",
                databaseStart.Exception ?? brokerStart.Exception);
        await using var platform = await SuitePlatform.Start(Path.Combine(directory), database, broker, options.Replicas, options.QuorumQueues, log);

        var clock = Stopwatch.StartNew();
        var driver = new FlowDriver(platform.Gateway, clock, options.StepBudget);
        var flows = new List<Flow>(options.Flows);
        var drive = TimeSpan.FromSeconds(options.Flows / options.FlowsPerSecond);
        var planned = options.Faults.Select((_, i) => drive * (i + 1) / (options.Faults.Count + 1)).ToList();
        var windows = new (double Start, double Lifted)?[options.Faults.Count];
        var injectionFailures = new string?[options.Faults.Count];

        using var stopMonitor = new CancellationTokenSource();
        var monitor = Monitor(database, flows, clock, stopMonitor.Token);
        var faults = Task.Run(async () =>
        {
            for (var i = 0; i < options.Faults.Count; i++)
            {
                // One fault at a time: the next waits for its planned time and for the last to be lifted.
                var wait = planned[i] - clock.Elapsed;
                if (wait > TimeSpan.Zero) await Task.Delay(wait, ct);
                var start = clock.Elapsed.TotalSeconds;
                log.WriteLine($"{start,7:0.0} s  fault: {options.Faults[i].Name}");
                try
                {
                    await options.Faults[i].Apply(new FaultTargets(platform, broker, database), log);
                }
                catch (Exception ex) when (ex is InvalidOperationException or TimeoutException)
                {
                    // The suite's own tooling failed (a command too slow on a loaded machine): said in the table, not hidden.
                    injectionFailures[i] = ex.Message.Split('\n')[0];
                    log.WriteLine($"{clock.Elapsed.TotalSeconds,7:0.0} s  fault not injected as planned: {ex.Message}");
                }
                windows[i] = (start, clock.Elapsed.TotalSeconds);
                log.WriteLine($"{clock.Elapsed.TotalSeconds,7:0.0} s  lifted: {options.Faults[i].Name}");
            }
            // Flows keep starting a little past the last lift, so every fault meets flows in flight.
            await Task.Delay(TimeSpan.FromSeconds(5), ct);
        });

        // At least options.Flows flows at the rate, and on until the faults are over (a slow restart
        // on a loaded machine must not leave the later faults without flows in flight).
        var running = new List<Task>(options.Flows);
        for (var n = 0; n < options.Flows || !faults.IsCompleted; n++)
        {
            var due = TimeSpan.FromSeconds(n / options.FlowsPerSecond);
            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.Zero) await Task.Delay(wait, ct);
            var flow = new Flow { Number = n + 1, Name = $"Fault suite {runId} flow {n + 1}", StartedAt = clock.Elapsed };
            lock (flows) flows.Add(flow);
            running.Add(Task.Run(() => driver.Run(flow)));
            if ((n + 1) % 100 == 0) log.WriteLine($"{clock.Elapsed.TotalSeconds,7:0.0} s  {n + 1} flows started");
        }
        await faults;
        await Task.WhenAll(running).WaitAsync(ct);
        log.WriteLine($"{clock.Elapsed.TotalSeconds,7:0.0} s  every flow answered: {flows.Count(f => f.Accepted)} accepted, {flows.Count(f => !f.Accepted)} refused");

        // Settle: everything accepted delivered everywhere, nothing left to publish or parked.
        var settleUntil = clock.Elapsed + options.Settle;
        while (clock.Elapsed < settleUntil && (flows.Any(f => f.Accepted && f.DeliveredAt is null) || await Leftovers(database) != (0, 0)))
            await Task.Delay(1000, ct);
        await stopMonitor.CancelAsync();
        await monitor;
        log.WriteLine($"{clock.Elapsed.TotalSeconds,7:0.0} s  settled");

        var duplicated = await Duplicates(database, flows);
        var (inError, unattributed) = await ErrorLeftovers(broker, flows);
        var (outbox, parked) = await Leftovers(database);
        var rows = new List<PhaseRow>();
        // A flow belongs to the fault in whose window (from its start to the next fault's) it started.
        int PhaseOf(Flow f) => Array.FindLastIndex(windows, w => w is { } x && x.Start <= f.StartedAt.TotalSeconds);
        for (var p = -1; p < options.Faults.Count; p++)
        {
            var name = p < 0 ? "no fault" : options.Faults[p].Name + (injectionFailures[p] is { } failure ? $" (not as planned: {failure})" : "");
            var window = p < 0 ? null : windows[p];
            rows.Add(Row(name, flows.Where(f => PhaseOf(f) == p).ToList(), window, flows, duplicated, inError));
        }
        var total = Row("all", flows, null, flows, duplicated, inError) with { At = null, Down = null };
        var table = Table(rows, total, unattributed, outbox, parked, options, clock.Elapsed);
        log.WriteLine(table);
        return new FaultSuiteResult(rows, total, unattributed, outbox, parked, table, directory);
    }

    private static PhaseRow Row(string name, List<Flow> own, (double Start, double Lifted)? window, List<Flow> all,
        HashSet<int> duplicated, Dictionary<int, int> inError)
    {
        double? recovered = null;
        if (window is { } w)
        {
            // Everything accepted before the fault was lifted, delivered everywhere: how long after the lift.
            var before = all.Where(f => f.Accepted && f.AcceptedAt!.Value.TotalSeconds <= w.Lifted).ToList();
            recovered = before.Any(f => f.DeliveredAt is null) ? double.NaN
                : Math.Max(0, before.Select(f => f.DeliveredAt!.Value.TotalSeconds).DefaultIfEmpty(w.Lifted).Max() - w.Lifted);
        }
        var latencies = own.Where(f => f.DeliveredAt is not null).Select(f => (f.DeliveredAt!.Value - f.AcceptedAt!.Value).TotalSeconds)
            .Select(s => Math.Max(0, s)).OrderBy(s => s).ToList();
        return new PhaseRow(name, window?.Start, window is { } d ? d.Lifted - d.Start : null, own.Count, own.Count(f => f.Accepted),
            own.Count(f => !f.Accepted), own.Count(f => f.Accepted && f.DeliveredAt is not null), own.Count(f => f.Accepted && f.DeliveredAt is null),
            own.Count(f => duplicated.Contains(f.Number)), own.Sum(f => inError.GetValueOrDefault(f.Number)), own.Sum(f => f.Retries),
            own.Sum(f => f.ServerErrors), recovered, latencies.Count == 0 ? null : latencies[(int)Math.Ceiling(latencies.Count * 0.95) - 1]);
    }

    /// <summary>Every second: which accepted flows are now complete in all four services' databases.</summary>
    private static async Task Monitor(PrivateDatabase database, List<Flow> flows, Stopwatch clock, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                List<Flow> pending;
                lock (flows) pending = flows.Where(f => f.Accepted && f.DeliveredAt is null).ToList();
                if (pending.Count > 0)
                {
                    var ids = pending.Select(f => f.InspectionId!.Value).ToArray();
                    var complete = new HashSet<Guid>(await Ids(database.AdminOf("orchestrator"), """
                        SELECT i.id FROM inspections i WHERE i.id = ANY(@ids) AND i.status = 'notified'
                          AND EXISTS (SELECT 1 FROM team_assignments t WHERE t.inspection_id = i.id)
                        """, ids));
                    foreach (var service in Inspectorates)
                        complete.IntersectWith(await Ids(database.AdminOf(service), """
                            SELECT i.inspection_id FROM inspections i WHERE i.inspection_id = ANY(@ids) AND i.stage = 'notified'
                              AND EXISTS (SELECT 1 FROM team_members t WHERE t.inspection_id = i.inspection_id)
                              AND EXISTS (SELECT 1 FROM inspection_notifications n WHERE n.inspection_id = i.inspection_id)
                            """, ids));
                    var now = clock.Elapsed;
                    foreach (var flow in pending.Where(f => complete.Contains(f.InspectionId!.Value))) flow.DeliveredAt = now;
                }
            }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or TimeoutException) { } // PostgreSQL restarting
            try { await Task.Delay(1000, stop); } catch (OperationCanceledException) { }
        }
    }

    private static async Task<List<Guid>> Ids(string connection, string sql, Guid[] ids)
    {
        await using var conn = new NpgsqlConnection(connection);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        cmd.Parameters.AddWithValue("ids", ids);
        var result = new List<Guid>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) result.Add(reader.GetGuid(0));
        return result;
    }

    /// <summary>Flows with an effect applied twice in any service: two inspections for one flow, two notified transitions, two placements, a role notified twice.</summary>
    private static async Task<HashSet<int>> Duplicates(PrivateDatabase database, List<Flow> flows)
    {
        var byName = flows.ToDictionary(f => f.Name, f => f.Number);
        var byId = flows.Where(f => f.InspectionId is not null).ToDictionary(f => f.InspectionId!.Value, f => f.Number);
        var result = new HashSet<int>();
        await using (var conn = new NpgsqlConnection(database.AdminOf("orchestrator")))
        {
            await conn.OpenAsync();
            await using (var cmd = new NpgsqlCommand("SELECT local_area_name FROM inspections GROUP BY local_area_name HAVING count(*) > 1", conn))
            await using (var reader = await cmd.ExecuteReaderAsync())
                while (await reader.ReadAsync())
                    if (byName.TryGetValue(reader.GetString(0), out var n)) result.Add(n);
        }
        var checks = new List<(string Service, string Sql)>
        {
            ("orchestrator", """SELECT inspection_id FROM inspection_transitions WHERE "to" = 'notified' GROUP BY inspection_id HAVING count(*) > 1"""),
            ("orchestrator", "SELECT inspection_id FROM team_assignments GROUP BY inspection_id HAVING count(*) > 1"),
        };
        foreach (var service in Inspectorates)
        {
            checks.Add((service, "SELECT inspection_id FROM inspection_notifications GROUP BY inspection_id, role HAVING count(*) > 1"));
            checks.Add((service, "SELECT inspection_id FROM team_members GROUP BY inspection_id HAVING count(*) > 1"));
        }
        foreach (var (service, sql) in checks)
            foreach (var id in await Ids(database.AdminOf(service), sql, []))
                if (byId.TryGetValue(id, out var n)) result.Add(n);
        return result;
    }

    /// <summary>Messages left in any _error queue: by flow (its inspection id in the body), and those naming no flow.</summary>
    private static async Task<(Dictionary<int, int> ByFlow, long Unattributed)> ErrorLeftovers(PrivateBroker broker, List<Flow> flows)
    {
        var byFlow = new Dictionary<int, int>();
        long unattributed = 0;
        foreach (var (queue, count) in await broker.ErrorQueues())
        {
            if (count == 0) continue;
            foreach (var body in await broker.Peek(queue, (int)Math.Min(count, 1000)))
            {
                var flow = flows.FirstOrDefault(f => f.InspectionId is { } id && body.Contains(id.ToString(), StringComparison.OrdinalIgnoreCase));
                if (flow is null) unattributed++;
                else byFlow[flow.Number] = byFlow.GetValueOrDefault(flow.Number) + 1;
            }
            unattributed += Math.Max(0, count - 1000);
        }
        return (byFlow, unattributed);
    }

    /// <summary>Outbox rows not yet published and messages still parked, across the four services.</summary>
    private static async Task<(long Outbox, long Parked)> Leftovers(PrivateDatabase database)
    {
        long outbox = 0, parked = 0;
        try
        {
            foreach (var service in SuitePlatform.ServiceNames)
            {
                await using var conn = new NpgsqlConnection(database.AdminOf(service));
                await conn.OpenAsync();
                await using var cmd = new NpgsqlCommand(
                    "SELECT (SELECT count(*) FROM outbox_messages WHERE published_at IS NULL), (SELECT count(*) FROM parked_messages)", conn);
                await using var reader = await cmd.ExecuteReaderAsync();
                await reader.ReadAsync();
                outbox += reader.GetInt64(0);
                parked += reader.GetInt64(1);
            }
        }
        catch (NpgsqlException)
        {
            return (-1, -1);
        }
        return (outbox, parked);
    }

    private static string Table(List<PhaseRow> rows, PhaseRow total, long unattributed, long outbox, long parked, FaultSuiteOptions options, TimeSpan took)
    {
        static string S(double? v) => v is null ? "" : double.IsNaN(v.Value) ? "not recovered" : v.Value.ToString("0.0", CultureInfo.InvariantCulture);
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Fault suite: {total.Flows} flows at {options.FlowsPerSecond}/s through the gateway (schedule → team member → notified), " +
            $"{options.Replicas} instance(s) per service, {options.BrokerNodes} broker node(s){(options.QuorumQueues ? " with quorum queues" : "")}; {took.TotalSeconds:0} s in all.");
        text.AppendLine("| fault (flows started in its window) | at s | lifted after s | flows | accepted | refused | delivered everywhere | lost | duplicated | in _error | client retries | 500s | recovered in s | p95 accepted→delivered s |");
        text.AppendLine("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
        foreach (var r in rows.Append(total))
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {(r == total ? "**all**" : r.Phase)} | {S(r.At)} | {S(r.Down)} | {r.Flows} | {r.Accepted} | {r.Refused} | {r.Delivered} | {r.Lost} | {r.Duplicated} | {r.InError} | {r.Retries} | {r.ServerErrors} | {S(r.RecoveredIn)} | {S(r.P95Delivery)} |");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Left at the end: {unattributed} message(s) in _error queues naming no flow, {outbox} outbox row(s) unpublished, {parked} message(s) parked.");
        return text.ToString();
    }
}
