using Jtai.Benchmarks.Load;

namespace Jtai.Benchmarks.Scenarios;

/// <summary>
/// The inspection lists (the orchestrator's and an inspectorate's copies), an inspectorate's follow-ups and the operators'
/// overdue milestones (one follow-up and one overdue milestone per inspection) as inspections grow: the median time of a
/// caller's first page with 1,000 and with 50,000 inspections stored. Rows are seeded straight into the benchmark's databases
/// and removed afterwards.
/// </summary>
public static class ListsBenchmark
{
    private const string SeedName = "bench-seed";
    private const int Requests = 30;

    public static async Task Run(Stack stack, Report report)
    {
        Console.WriteLine($"lists: {Requests} sequential GETs per endpoint at 1,000 and 50,000 inspections, {stack.Runs} runs (load {Stack.LoadAverage()})");
        using var ofsted = LoadGenerator.Client(stack.Gateway, await stack.Tokens.Staff("lead-inspector", "ofsted"));
        using var operations = LoadGenerator.Client(stack.Gateway, await stack.Tokens.Operations());
        var endpoints = new (string Name, string Path, HttpClient Client)[]
        {
            ("orchestrator", "/api/orchestrator/inspections", ofsted), ("ofsted", "/api/ofsted/inspections", ofsted),
            ("ofsted follow-ups", "/api/ofsted/follow-ups", ofsted), ("overdue", "/api/orchestrator/operations/overdue", operations),
        };
        var results = new Dictionary<(string, int), List<double>>();
        var bytes = new Dictionary<(string, int), long>();
        try
        {
            foreach (var size in new[] { 1_000, 50_000 })
            {
                await Seed(stack, size);
                foreach (var (name, path, client) in endpoints)
                {
                    var runs = results[(name, size)] = [];
                    for (var i = 0; i < 10; i++) await client.GetAsync(path);
                    for (var run = 0; run < stack.Runs; run++)
                    {
                        var latencies = new List<double>();
                        for (var i = 0; i < Requests; i++)
                        {
                            var watch = System.Diagnostics.Stopwatch.StartNew();
                            using var response = await client.GetAsync(path);
                            var body = await response.Content.ReadAsByteArrayAsync();
                            latencies.Add(watch.Elapsed.TotalMilliseconds);
                            if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}");
                            bytes[(name, size)] = body.Length;
                        }
                        runs.Add(Percentiles.Of(latencies, 50));
                    }
                }
            }
        }
        finally
        {
            await Db.Execute(stack.Databases["orchestrator"],
                "DELETE FROM inspection_milestones WHERE inspection_id IN (SELECT id FROM inspections WHERE local_area_name = @p0)", SeedName);
            await Db.Execute(stack.Databases["orchestrator"], "DELETE FROM inspections WHERE local_area_name = @p0", SeedName);
            await Db.Execute(stack.Databases["ofsted"], "DELETE FROM inspections WHERE local_area_name = @p0", SeedName);
            await Db.Execute(stack.Databases["ofsted"], "DELETE FROM follow_ups WHERE local_area_name = @p0", SeedName);
        }

        foreach (var (name, path, _) in endpoints)
        {
            var flat = Percentiles.Median(results[(name, 50_000)]) / Percentiles.Median(results[(name, 1_000)]);
            report.Add("lists", $"GET {path} p50, 1,000 inspections ({bytes[(name, 1_000)] / 1024.0:F0} KiB)", "ms", results[(name, 1_000)]);
            report.Add("lists", $"GET {path} p50, 50,000 inspections ({bytes[(name, 50_000)] / 1024.0:F0} KiB)", "ms", results[(name, 50_000)],
                "flat: ≤ 1.5× at 1,000", flat <= 1.5, "1,000", results[(name, 1_000)]);
        }
    }

    /// <summary>Tops the stored inspections up to <paramref name="size"/> in both databases, and Ofsted's follow-ups (one an inspection).</summary>
    private static async Task Seed(Stack stack, int size)
    {
        var have = await Db.Scalar(stack.Databases["orchestrator"], "SELECT count(*) FROM inspections");
        var add = size - have;
        if (add <= 0) return;
        await Db.Execute(stack.Databases["orchestrator"], """
            INSERT INTO inspections (id, local_area_code, local_area_name, theme, framework_version, fieldwork_start, status, scheduled_at, scheduled_by)
            SELECT gen_random_uuid(), 'E08000025', @p0, 'front-door', 1, date '2027-01-06' + (g % 700), 'scheduled', now(), 'bench'
            FROM generate_series(1, @p1) g
            """, SeedName, (int)add);
        // One overdue milestone per seeded inspection, due at spread moments of the past weeks.
        await Db.Execute(stack.Databases["orchestrator"], """
            INSERT INTO inspection_milestones (inspection_id, key, date, description, due_at)
            SELECT i.id, 'notification', i.fieldwork_start - 14, 'Benchmark overdue', now() - interval '1 minute' * (1 + abs(hashtext(i.id::text)) % 50000)
            FROM inspections i
            WHERE i.local_area_name = @p0 AND NOT EXISTS (SELECT 1 FROM inspection_milestones m WHERE m.inspection_id = i.id)
            """, SeedName);
        await Db.Execute(stack.Databases["ofsted"], """
            INSERT INTO inspections (inspection_id, local_area_code, local_area_name, theme, fieldwork_start, scheduled_at, received_at, stage)
            SELECT gen_random_uuid(), 'E08000025', @p0, 'front-door', date '2027-01-06' + (g % 700), now(), now(), 'scheduled'
            FROM generate_series(1, @p1) g
            """, SeedName, (int)add);
        await Db.Execute(stack.Databases["ofsted"], """
            INSERT INTO follow_ups (id, inspection_id, priority_action_id, inspectorate, process, state, local_area_code, local_area_name, agencies,
                                    coordinated, text, opened_at, updated_at, steps)
            SELECT gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), 'ofsted', 'ilacs-action-plan', 'dfe-to-be-informed', 'E08000025', @p0,
                   ARRAY['local-authority'], false, 'Seeded priority action.', now() - make_interval(mins => g), now(), 0
            FROM generate_series(1, @p1) g
            """, SeedName, (int)add);
        await Db.Execute(stack.OwnerDatabases["orchestrator"], "ANALYZE inspections");
        await Db.Execute(stack.OwnerDatabases["orchestrator"], "ANALYZE inspection_milestones");
        await Db.Execute(stack.OwnerDatabases["ofsted"], "ANALYZE inspections");
        await Db.Execute(stack.OwnerDatabases["ofsted"], "ANALYZE follow_ups");
    }
}
