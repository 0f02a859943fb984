using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Jtai.Benchmarks.Load;
using Jtai.Ofsted.InformationExchange.AnnexA;
using Jtai.Testing.AnnexA;
using Npgsql;

namespace Jtai.Benchmarks.Scenarios;

/// <summary>
/// Annex A list 1 uploaded by the local authority through the gateway (multipart, parse, validate
/// every cell, store, outbox event, commit), in rows per second, beside raw PostgreSQL COPY of the
/// same CSV text into an untyped, unindexed table on the same server in the same run.
/// </summary>
public static class AnnexABenchmark
{
    private const string RawTable = "bench_raw_list_1";

    public static async Task Run(Stack stack, Report report)
    {
        var rows = stack.AnnexARows;
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var csv = new AnnexAFiles(seed: 2026, today, children: Math.Max(1000, rows / 3)).List(1, rows, variedHeaders: true).ToCsvBytes();
        Console.WriteLine($"annex-a: list 1, {rows:N0} rows, {csv.Length / 1024.0 / 1024.0:F1} MiB CSV, {stack.Runs} runs (load {Stack.LoadAverage()})");

        var inspectionId = await ScheduleInspection(stack);
        using var la = LoadGenerator.Client(stack.Gateway, await stack.Tokens.Partner("E08000025", "local-authority"), TimeSpan.FromMinutes(5));
        await WarmUp(la, inspectionId, csv, rows);

        List<double> upload = [], validate = [], copy = [];
        var text = Encoding.UTF8.GetString(csv);
        // The owner role: the service's own role may not create tables.
        await using var connection = new NpgsqlConnection(stack.OwnerDatabases["ofsted"]);
        await connection.OpenAsync();
        await Execute(connection, $"DROP TABLE IF EXISTS {RawTable}");
        await Execute(connection, $"CREATE TABLE {RawTable} (child_id text, gender text, ethnicity text, date_of_birth text, age text, date_of_contact text, contact_source text, contact_outcome text)");
        try
        {
            await RawCopy(connection, text);
            for (var run = 0; run < stack.Runs; run++)
            {
                upload.Add(rows / await Time(() => Upload(la, inspectionId, csv)));
                validate.Add(rows / await Time(() => { Validate(csv, rows); return Task.CompletedTask; }));
                await Execute(connection, $"TRUNCATE {RawTable}");
                copy.Add(rows / await Time(() => RawCopy(connection, text)));
            }
        }
        finally
        {
            await Execute(connection, $"DROP TABLE IF EXISTS {RawTable}");
        }

        var ratio = Percentiles.Median(upload) / Percentiles.Median(copy);
        report.Add("annex A list 1", "raw PostgreSQL COPY of the same CSV", "rows/s", copy);
        report.Add("annex A list 1", "parse + validate only (in process)", "rows/s", validate, "", null, "raw COPY", copy);
        report.Add("annex A list 1", "upload + validation + store through the gateway", "rows/s", upload, "≥ 0.2× raw COPY", ratio >= 0.2, "raw COPY", copy);
    }

    /// <summary>
    /// Full-size uploads, each followed by the in-process validation, for at least 20 s (and at least five) before anything
    /// is timed, as the gateway's measurements are warmed: a process just started spends a core on compiling its methods
    /// again, optimised, for tens of seconds, and an upload timed then measures the compiler more than the upload.
    /// </summary>
    private static async Task WarmUp(HttpClient client, Guid inspectionId, byte[] csv, int rows)
    {
        var watch = Stopwatch.StartNew();
        for (var done = 0; done < 5 || watch.Elapsed < TimeSpan.FromSeconds(20); done++)
        {
            await Upload(client, inspectionId, csv);
            Validate(csv, rows);
        }
    }

    /// <summary>What the upload does with the file before PostgreSQL: read it row by row and validate every cell.</summary>
    private static void Validate(byte[] csv, int rows)
    {
        using var file = new CsvRows(csv);
        var reader = new AnnexARowReader(AnnexAList.Find(1)!, file.Headers, file.HeaderRow, periodFrom: null);
        while (file.Next()) reader.Read(file);
        if (reader.ValidRows != rows) throw new InvalidOperationException($"{reader.Problems.Count} problems in generated data");
    }

    private static async Task Upload(HttpClient client, Guid inspectionId, byte[] csv)
    {
        var file = new ByteArrayContent(csv);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse("text/csv");
        using var form = new MultipartFormDataContent { { file, "file", "list1.csv" } };
        using var response = await client.PostAsync($"/api/ofsted/inspections/{inspectionId}/information-exchange/annex-a/lists/1", form);
        if (response.StatusCode != HttpStatusCode.Created)
            throw new InvalidOperationException($"Upload answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    private static async Task RawCopy(NpgsqlConnection connection, string csv)
    {
        await using var writer = await connection.BeginTextImportAsync($"COPY {RawTable} FROM STDIN (FORMAT csv, HEADER true)");
        await writer.WriteAsync(csv);
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// An inspection whose area has been notified: partners see nothing of an inspection before (¶16),
    /// so the local authority's upload waits until Ofsted knows of the notification.
    /// </summary>
    private static async Task<Guid> ScheduleInspection(Stack stack)
    {
        using var lead = LoadGenerator.Client(stack.Gateway, await stack.Tokens.Staff("lead-inspector", "ofsted"), TimeSpan.FromSeconds(60));
        using var created = await lead.SendAsync(Scheduling.Request(0));
        created.EnsureSuccessStatusCode();
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
        await WaitUntil(async () => (await lead.GetAsync($"/api/ofsted/inspections/{id}")).IsSuccessStatusCode, "Ofsted's copy of the inspection");

        using var manager = LoadGenerator.Client(stack.Gateway, await stack.Tokens.Staff("manager", "ofsted"), TimeSpan.FromSeconds(60));
        using var notified = await manager.PostAsJsonAsync($"/api/orchestrator/inspections/{id}/transitions", new { to = "notified", reason = "benchmark" });
        if (!notified.IsSuccessStatusCode)
            throw new InvalidOperationException($"Notifying the area answered {(int)notified.StatusCode}: {await notified.Content.ReadAsStringAsync()}");
        using var la = LoadGenerator.Client(stack.Gateway, await stack.Tokens.Partner("E08000025", "local-authority"), TimeSpan.FromSeconds(60));
        await WaitUntil(async () => (await la.GetAsync($"/api/ofsted/inspections/{id}/information-exchange/annex-a/uploads")).IsSuccessStatusCode,
            "Ofsted to know the area is notified");
        return id;
    }

    private static async Task WaitUntil(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{what} did not arrive within 120 s.");
            await Task.Delay(200);
        }
    }

    private static async Task<double> Time(Func<Task> action)
    {
        var watch = Stopwatch.StartNew();
        await action();
        return watch.Elapsed.TotalSeconds;
    }
}
