using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Jtai.Ofsted.Data;
using Jtai.Ofsted.InformationExchange;
using Jtai.Ofsted.InformationExchange.AnnexA;
using Microsoft.EntityFrameworkCore;
using Jtai.Testing;
using Jtai.Testing.AnnexA;
using Npgsql;

namespace Jtai.Benchmarks;

/// <summary>
/// Upload and validation of Annex A list 1 through the gateway (parse, validate every cell, store
/// with binary COPY, outbox event, commit), in rows per second, beside raw PostgreSQL COPY of the
/// same rows (the CSV text straight into an untyped table) on the same server in the same run.
/// </summary>
public static class AnnexABenchmark
{
    public static async Task<int> Run(int rows, int runs)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var list = new AnnexAFiles(seed: 2026, today, children: Math.Max(1000, rows / 3)).List(1, rows, variedHeaders: true);
        var csv = list.ToCsvBytes();
        Console.WriteLine($"Annex A list 1: {rows:N0} rows, {csv.Length / 1024.0 / 1024.0:F1} MiB CSV; {runs} timed run(s) each, after one warm-up.");

        await using var infrastructure = await Infrastructure.Start();
        await using var platform = await Platform.Start(infrastructure, new PlatformOptions
        {
            Settings = (_, s) => s["Logging:LogLevel:Default"] = "Critical",
        });
        var inspectionId = await ScheduleInspection(platform);
        using var la = platform.Client(await platform.Tokens.Partner("E08000025", "local-authority"));
        la.Timeout = TimeSpan.FromMinutes(5);

        // 1. Through the gateway, as a local authority uploads it.
        await Upload(la, inspectionId, new AnnexAFiles(1, today, 500).List(1, 2000).ToCsvBytes()); // warm-up (JIT, pools)
        var upload = new List<double>();
        for (var i = 0; i < runs; i++) upload.Add(await Time(() => Upload(la, inspectionId, csv)));

        // 2. In process: parse and validate only (the share of the upload that is not I/O).
        var validate = new List<double>();
        AnnexAValidator.Validate(AnnexAList.Find(1)!, TabularFile.ReadCsv(new MemoryStream(csv), "warm.csv"));
        for (var i = 0; i < runs; i++)
            validate.Add(await Time(() =>
            {
                var result = AnnexAValidator.Validate(AnnexAList.Find(1)!, TabularFile.ReadCsv(new MemoryStream(csv), "list1.csv"));
                if (result.Valid.Count != rows) throw new InvalidOperationException($"{result.Problems.Count} problems in generated data");
                return Task.CompletedTask;
            }));

        // 3. The store alone: binary COPY of the validated rows into annex_a_rows (typed, indexed, jsonb), rolled back.
        var store = new List<double>();
        var validated = AnnexAValidator.Validate(AnnexAList.Find(1)!, TabularFile.ReadCsv(new MemoryStream(csv), "list1.csv")).Valid;
        var dbOptions = new DbContextOptionsBuilder<OfstedDbContext>().UseNpgsql(platform.Databases["ofsted"]).UseSnakeCaseNamingConvention().Options;
        for (var i = 0; i < runs; i++)
        {
            await using var db = new OfstedDbContext(dbOptions);
            var uploadId = await db.Set<AnnexAUpload>().Select(u => u.Id).FirstAsync();
            await using var tx = await db.Database.BeginTransactionAsync();
            store.Add(await Time(() => AnnexARowStore.Copy(db, uploadId, inspectionId, 1, validated, CancellationToken.None)));
            await tx.RollbackAsync();
        }

        // 4. Raw PostgreSQL COPY of the same CSV into an untyped (logged, unindexed) table, same server, same database.
        var copy = new List<double>();
        // The owner role: the service's own role may not create tables.
        await using (var connection = new NpgsqlConnection(platform.OwnerDatabases["ofsted"]))
        {
            await connection.OpenAsync();
            await Execute(connection, "CREATE TABLE raw_list_1 (child_id text, gender text, ethnicity text, date_of_birth text, age text, date_of_contact text, contact_source text, contact_outcome text)");
            var text = Encoding.UTF8.GetString(csv);
            await RawCopy(connection, text);
            for (var i = 0; i < runs; i++)
            {
                await Execute(connection, "TRUNCATE raw_list_1");
                copy.Add(await Time(() => RawCopy(connection, text)));
            }
        }

        Console.WriteLine();
        Console.WriteLine($"{"measure",-62} {"median s",9} {"rows/s",12}");
        Print("upload + validation + store of list 1 through the gateway", upload, rows);
        Print("  of which parse + validate only (CsvHelper, in process)", validate, rows);
        Print("  of which binary COPY of the validated rows (typed, indexed)", store, rows);
        Print("raw PostgreSQL COPY of the same rows (CSV text, untyped table)", copy, rows);
        Console.WriteLine();
        Console.WriteLine($"upload / raw COPY: {Median(copy) / Median(upload) * 100:F0}% of raw COPY's rate");
        return 0;
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
        await using var writer = await connection.BeginTextImportAsync("COPY raw_list_1 FROM STDIN (FORMAT csv, HEADER true)");
        await writer.WriteAsync(csv);
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<Guid> ScheduleInspection(Platform platform)
    {
        using var lead = platform.Client(await platform.Tokens.Staff("lead-inspector", "ofsted"));
        var monday = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(42);
        while (monday.DayOfWeek != DayOfWeek.Monday) monday = monday.AddDays(1);
        using var created = await lead.PostAsJsonAsync("/api/orchestrator/inspections", new
        {
            localAreaCode = "E08000025", localAreaName = "Birmingham", theme = "front-door", fieldworkStart = monday,
        });
        created.EnsureSuccessStatusCode();
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
        await Platform.WaitUntil(async () => (await lead.GetAsync($"/api/ofsted/inspections/{id}")).IsSuccessStatusCode,
            TimeSpan.FromSeconds(30), "Ofsted's copy of the inspection");
        return id;
    }

    private static async Task<double> Time(Func<Task> action)
    {
        var watch = Stopwatch.StartNew();
        await action();
        return watch.Elapsed.TotalSeconds;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static void Print(string what, List<double> seconds, int rows) =>
        Console.WriteLine($"{what,-62} {Median(seconds),9:F3} {rows / Median(seconds),12:N0}");
}
