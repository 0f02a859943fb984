using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Jtai.Contracts.Events;
using Jtai.Inspectorate.Data;
using Jtai.Messaging.Data;
using Jtai.Messaging.Faults;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit;
using Xunit.Abstractions;

namespace Jtai.Platform.Tests.Faults;

/// <summary>
/// A service restarted with a backlog drains it within its connection budget: its consumers take at most
/// Messaging:ConcurrentConsumers connections of its pool (Database:MaxPoolSize), so the service never holds
/// more than its pool, the server keeps slots for everyone else (CI's PostgreSQL has 100 in all), and requests,
/// to another service and to the draining one, keep being answered meanwhile.
/// </summary>
[Collection(FaultsCollection.Name)]
public sealed class ConnectionBudgetTests(FaultsFixture fixture, ITestOutputHelper output)
{
    private Testing.Platform Platform => fixture.Platform;
    private const string Service = "cqc";
    private const string Queue = "cqc-inspection-scheduled";
    // Enough for the drain to outlast the restart: consuming got faster, and 600 could be drained before the first request began.
    private const int Backlog = 2000;
    /// <summary>CI's PostgreSQL (infra/setup.sh on a fresh machine) keeps its default: 100 connections in all.</summary>
    private const int CiMaxConnections = 100;
    /// <summary>Room kept for administrators and tools beside the services' pools (README, Capacity).</summary>
    private const int AdminHeadroom = 10;
    /// <summary>
    /// Transactions of the service's own beside its consumers' (the deadline poller's claim, the retention
    /// purge); requests that only read run no transaction of more than one statement.
    /// </summary>
    private const int BackgroundTransactions = 2;

    [Fact]
    public async Task A_service_restarted_with_a_backlog_stays_within_its_pool_and_other_requests_are_answered_while_it_drains()
    {
        var database = new NpgsqlConnectionStringBuilder(Platform.Databases[Service]).Database!;
        // Every service's database with its pool's limit, as the service applies it.
        var pools = new Dictionary<string, int>();
        foreach (var name in Platform.Running)
        {
            await using var scope = Platform.Services(name).CreateAsyncScope();
            var used = new NpgsqlConnectionStringBuilder(scope.ServiceProvider.GetRequiredService<MessagingDbContext>().Database.GetConnectionString());
            pools[used.Database!] = used.MaxPoolSize;
        }
        var poolLimit = pools[database];
        var consumerSlots = Platform.Services(Service).GetRequiredService<ConsumerSlots>().Size;
        Assert.InRange(consumerSlots, 1, poolLimit - 1);
        // The pools fit the smaller of this server and CI's, less the superuser's reserved slots and an admin's headroom.
        var (maxConnections, reserved) = await ServerSlots();
        var budget = Math.Min(maxConnections, CiMaxConnections) - reserved - AdminHeadroom;
        Assert.True(pools.Values.Sum() <= budget, $"the platform's pools ({string.Join(", ", pools.Values)}) exceed the server's budget of {budget}");

        // CQC is down while the backlog builds up in its queue (and only there).
        await Platform.StopService(Service);
        var fieldwork = Steps.NextFieldworkMonday(Platform.Clock, weeksAhead: 10);
        var ids = Enumerable.Range(0, Backlog).Select(_ => Guid.NewGuid()).ToList();
        await using (var bus = await TestBus.Start(Platform))
            foreach (var chunk in ids.Chunk(50))
                await Task.WhenAll(chunk.Select(id => bus.Send(Queue,
                    new InspectionScheduled(id, Steps.Area, Steps.AreaName, "front-door", fieldwork, Platform.Clock.GetUtcNow()),
                    ctx => ctx.MessageId = NewId.NextGuid())));
        var before = (await Probe(OwnerConnection, database, pools.Keys, 0)).Held;
        await Testing.Platform.WaitUntil(async () => (await Platform.Infrastructure.Management.Queue(Platform.Vhost, Queue))?.GetProperty("messages").GetInt32() >= Backlog,
            TimeSpan.FromSeconds(60), $"{Backlog} messages to wait in {Queue}");

        // Throughout the restart and the drain: each sample opens a fresh connection (so the server had a slot
        // free) as the database's owner, counts the service's connections (its own role) and the held copies.
        var samples = new ConcurrentQueue<Sample>();
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                samples.Enqueue(await Probe(OwnerConnection, database, pools.Keys, before));
                await Task.Delay(50);
            }
        });

        // Requests to another service (Ofsted, whose database is on the same server) and to CQC itself,
        // one after another for as long as the drain lasts; every one must be answered 200.
        var answers = new ConcurrentQueue<Answer>();
        using var ofsted = Platform.Client(await Platform.Tokens.Staff("inspector", "ofsted"));
        using var cqc = Platform.Client(await Platform.Tokens.Staff("inspector", Service));
        Task? requests = null;
        try
        {
            await Platform.StartService(Service);
            requests = Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                    foreach (var (name, client) in new[] { ("ofsted", ofsted), (Service, cqc) })
                    {
                        var started = _since.Elapsed;
                        var response = await client.GetAsync($"/api/{name}/inspections?limit=20");
                        answers.Enqueue(new Answer(name, started, _since.Elapsed, response.StatusCode, await response.Content.ReadAsStringAsync()));
                    }
            });
            await Testing.Platform.WaitUntil(() => Task.FromResult(samples.LastOrDefault() is { Held: Backlog }),
                TimeSpan.FromMinutes(5), $"{Service} to hold all {Backlog} inspections of its backlog");
        }
        finally
        {
            await stop.CancelAsync();
            await sampler;
            if (requests is not null) await requests;
        }

        var all = samples.ToList();
        // The sampler saw the drain happen (not only before and after it) and the service working on it.
        var drainStart = all.FirstOrDefault(s => s.Held > 0)?.At ?? throw new Xunit.Sdk.XunitException("no sample saw the drain begin");
        var drainEnd = all.First(s => s.Held == Backlog).At;
        Assert.Contains(all, s => s.Held is > 0 and < Backlog);
        Assert.Contains(all, s => s.ServiceConnections > 0);
        var peak = all.Max(s => s.ServiceConnections);
        var peakInTransaction = all.Max(s => s.InTransaction);
        var platformPeak = all.Max(s => s.PlatformConnections);
        output.WriteLine($"{Backlog} messages drained in {(drainEnd - drainStart).TotalSeconds:0.0} s; {all.Count} samples; " +
            $"{Service}: at most {peak} connections (pool {poolLimit}), at most {peakInTransaction} in a transaction (consumer slots {consumerSlots}); " +
            $"the platform: at most {platformPeak} (pools {pools.Values.Sum()}, budget {budget}); " +
            $"{answers.Count(a => a.Started >= drainStart && a.Ended <= drainEnd)} requests answered during the drain of {answers.Count}");
        // Never more than its pool; its consumers never more than their slots; the platform never beyond its pools' sum.
        Assert.True(peak <= poolLimit, $"{Service} held {peak} connections at once; its pool allows {poolLimit}");
        Assert.True(peakInTransaction <= consumerSlots + BackgroundTransactions,
            $"{Service} had {peakInTransaction} transactions open at once; its consumers may hold {consumerSlots}");
        Assert.True(platformPeak <= pools.Values.Sum(), $"the platform's services held {platformPeak} connections; their pools allow {pools.Values.Sum()}");

        // Every request was answered, and some to each service began after the drain began and ended before it ended.
        Assert.All(answers, a => Assert.True(a.Status == HttpStatusCode.OK, $"{a.Service}: {(int)a.Status} {a.Body}"));
        foreach (var name in new[] { "ofsted", Service })
            Assert.Contains(answers, a => a.Service == name && a.Started >= drainStart && a.Ended <= drainEnd);

        // Each message applied once, none in the error queue.
        await using (var scope = Platform.Services(Service).CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<InspectorateDbContext>();
            Assert.Equal(Backlog, await db.Inspections.CountAsync(i => ids.Contains(i.InspectionId)));
        }
        Assert.DoesNotContain(await Platform.Infrastructure.Management.Peek(Platform.Vhost, $"{Queue}_error", 100),
            m => ids.Any(id => m.Body.Contains(id.ToString())));
    }

    private sealed record Sample(TimeSpan At, int ServiceConnections, int InTransaction, int PlatformConnections, int Held);
    private sealed record Answer(string Service, TimeSpan Started, TimeSpan Ended, HttpStatusCode Status, string Body);

    private readonly Stopwatch _since = Stopwatch.StartNew();

    private async Task<(int MaxConnections, int Reserved)> ServerSlots()
    {
        await using var conn = new NpgsqlConnection(OwnerConnection);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(
            "SELECT current_setting('max_connections')::int, current_setting('superuser_reserved_connections')::int", conn);
        await using var reader = await cmd.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt32(0), reader.GetInt32(1));
    }

    private string OwnerConnection => new NpgsqlConnectionStringBuilder(Platform.OwnerDatabases[Service])
        { Pooling = false, ApplicationName = "connection-budget-probe" }.ConnectionString;

    private async Task<Sample> Probe(string ownerConnection, string database, IEnumerable<string> platformDatabases, int heldBefore)
    {
        var at = _since.Elapsed;
        await using var conn = new NpgsqlConnection(ownerConnection);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("""
            SELECT count(*) FILTER (WHERE datname = @database AND usename = @role),
                   count(*) FILTER (WHERE datname = @database AND usename = @role AND xact_start IS NOT NULL
                                    AND (state = 'idle in transaction' OR query_start > xact_start)),
                   count(*) FILTER (WHERE datname = ANY(@databases) AND application_name <> 'connection-budget-probe'),
                   (SELECT count(*) FROM inspections)
            FROM pg_stat_activity
            """, conn);
        cmd.Parameters.AddWithValue("database", database);
        cmd.Parameters.AddWithValue("role", Testing.Infrastructure.RuntimeRole(Service));
        cmd.Parameters.AddWithValue("databases", platformDatabases.ToArray());
        await using var reader = await cmd.ExecuteReaderAsync();
        await reader.ReadAsync();
        return new Sample(at, (int)reader.GetInt64(0), (int)reader.GetInt64(1), (int)reader.GetInt64(2), (int)reader.GetInt64(3) - heldBefore);
    }
}
