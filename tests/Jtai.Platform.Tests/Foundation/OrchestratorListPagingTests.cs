using System.Net;
using System.Text.Json.Nodes;
using Jtai.Orchestrator.Complaints;
using Jtai.Orchestrator.Data;
using Jtai.Orchestrator.Notices;
using Jtai.Orchestrator.Operations;
using Jtai.Orchestrator.Programme;
using Jtai.ServiceDefaults.Paging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Jtai.Platform.Tests.Foundation;

/// <summary>
/// The orchestrator's lists that grow with inspections or with time come a page at a time: walked a few rows a
/// page they give what one large page gives, in the same order, each row once; the last page has no next; a bad
/// limit or cursor is a 400 naming the field. Rows are seeded where the list's order puts them first (long ago,
/// or far ahead for the newest-first lists), so the walk checks them whatever else the shared databases hold.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class OrchestratorListPagingTests(PlatformFixture fixture)
{
    private static readonly DateTimeOffset LongAgo = new(2000, 1, 3, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset FarAhead = new(2100, 1, 4, 9, 0, 0, TimeSpan.Zero);

    private Testing.Platform Platform => fixture.Platform;

    [Fact]
    public async Task An_inspections_complaints_come_in_the_order_they_came_a_page_at_a_time()
    {
        var id = (await Platform.ScheduleInspection(areaName: "Paging complaints"))["id"]!.GetValue<Guid>();
        var moments = new[] { LongAgo, LongAgo.AddHours(1), LongAgo.AddHours(1), LongAgo.AddHours(2), LongAgo.AddHours(3) };
        await Seed(db => db.AddRange(moments.Select(at => new Complaint
        {
            Id = Guid.NewGuid(), InspectionId = id, Kind = "process-or-findings", Text = "Paging.", SubmittedBy = "paging-test", Agency = "police",
            SubmittedAt = at, HandledBy = "ofsted", AcknowledgementDueOn = new DateOnly(2000, 1, 10), ResponseDueOn = new DateOnly(2000, 2, 14),
            HoldId = Guid.NewGuid(),
        })));

        using var lead = Platform.Client(await Platform.Tokens.Staff("lead-inspector", "ofsted"));
        var path = $"/api/orchestrator/inspections/{id}/complaints";
        var listed = await WalkedAsOnePage(lead, path, limit: 2, c => c["id"]!.ToString());
        Assert.Equal(moments.Length, listed.Count);
        var submitted = listed.Select(c => c["submittedAt"]!.GetValue<DateTimeOffset>()).ToList();
        Assert.Equal(submitted.Order().ToList(), submitted);
        await BadQueriesNameTheField(lead, path, new InstantNameCursor(LongAgo, "x", id, "y").ToString());
    }

    [Fact]
    public async Task Overdue_milestones_across_inspections_come_by_due_time_and_area_a_page_at_a_time_alone_and_in_the_stuck_work()
    {
        // Two inspections of one area with every milestone due at one moment: the ties fall to the inspection and the key.
        var ids = new List<Guid>();
        for (var week = 20; week < 22; week++)
            ids.Add((await Platform.ScheduleInspection(areaName: "Paging overdue", fieldworkStart: Steps.NextFieldworkMonday(Platform.Clock, week)))["id"]!.GetValue<Guid>());
        await Sql("orchestrator", "UPDATE inspection_milestones SET due_at = @p0 WHERE inspection_id = ANY(@p1)", LongAgo, ids.ToArray());
        try
        {
            using var ops = Platform.Client(await Platform.Tokens.Operations());
            var whole = (await (await ops.GetAsync("/api/orchestrator/operations/overdue?limit=200")).Expect(HttpStatusCode.OK))["items"]!.AsArray();
            var seeded = whole.TakeWhile(m => ids.Contains(m!["inspectionId"]!.GetValue<Guid>())).Count();
            Assert.True(seeded > 4, "the seeded milestones, due long ago, come first");
            Assert.DoesNotContain(whole.Skip(seeded), m => ids.Contains(m!["inspectionId"]!.GetValue<Guid>()));

            var walked = await Walk(ops, "/api/orchestrator/operations/overdue", "after", "items", limit: 3, until: seeded);
            Assert.Equal(Keys(whole.Take(seeded), MilestoneKey), Keys(walked.Take(seeded), MilestoneKey));
            var inStuckWork = await Walk(ops, "/api/orchestrator/operations/stuck-work", "milestonesAfter", "overdueMilestones", limit: 3, until: seeded);
            Assert.Equal(Keys(whole.Take(seeded), MilestoneKey), Keys(inStuckWork.Take(seeded), MilestoneKey));

            await BadQueriesNameTheField(ops, "/api/orchestrator/operations/overdue", new InstantCursor(LongAgo, ids[0]).ToString());
            var foreign = await (await ops.GetAsync($"/api/orchestrator/operations/stuck-work?milestonesAfter={new InstantCursor(LongAgo, ids[0])}"))
                .ExpectProblem(HttpStatusCode.BadRequest);
            Assert.NotNull(foreign["errors"]!["milestonesAfter"]);
        }
        finally
        {
            await Sql("orchestrator", "UPDATE inspection_milestones SET met_at = now(), met_by = 'paging-test' WHERE inspection_id = ANY(@p0)", ids.ToArray());
        }
    }

    [Fact]
    public async Task Notices_in_one_state_come_newest_first_a_page_at_a_time()
    {
        var id = (await Platform.ScheduleInspection(areaName: "Paging notices"))["id"]!.GetValue<Guid>();
        var moments = new[] { FarAhead, FarAhead.AddHours(-1), FarAhead.AddHours(-1), FarAhead.AddHours(-1), FarAhead.AddHours(-2) };
        var deliveries = moments.Select(_ => Guid.NewGuid()).ToArray();
        await Seed(db => db.AddRange(deliveries.Zip(moments).Select(d => new NoticeSummary
        {
            DeliveryId = d.First, InspectionId = id, Service = "ofsted", Notice = "paging-test", Regarding = "paging", RecipientRole = "dcs",
            RecipientAddress = "dcs@example.test", State = "failed", Attempts = 3, QueuedAt = d.Second.AddHours(-1), UpdatedAt = d.Second,
        })));
        try
        {
            using var ops = Platform.Client(await Platform.Tokens.Operations());
            var path = "/api/orchestrator/operations/notices?state=failed";
            var whole = (await (await ops.GetAsync($"{path}&limit=200")).Expect(HttpStatusCode.OK))["items"]!.AsArray();
            Assert.Equal(deliveries.Order(), whole.Take(deliveries.Length).Select(n => n!["deliveryId"]!.GetValue<Guid>()).Order());
            var walked = await Walk(ops, path, "after", "items", limit: 2, until: deliveries.Length);
            Assert.Equal(Keys(whole.Take(deliveries.Length), n => n["deliveryId"]!.ToString()), Keys(walked.Take(deliveries.Length), n => n["deliveryId"]!.ToString()));
            await BadQueriesNameTheField(ops, path, new DateCursor(new DateOnly(2100, 1, 4), id).ToString());
        }
        finally
        {
            await Sql("orchestrator", "DELETE FROM notice_summaries WHERE delivery_id = ANY(@p0)", deliveries);
        }
    }

    [Fact]
    public async Task Replays_on_record_come_newest_first_a_page_at_a_time_for_one_inspection_or_all()
    {
        var inspectionId = Guid.NewGuid();
        var moments = new[] { FarAhead, FarAhead, FarAhead.AddMinutes(-5), FarAhead.AddMinutes(-10), FarAhead.AddMinutes(-10) };
        var records = moments.Select(_ => Guid.NewGuid()).ToArray();
        await Seed(db => db.AddRange(records.Zip(moments).Select(r => new DeadLetterReplay
        {
            Id = r.First, ReplayedAt = r.Second, ReplayedBy = "paging-test", ReplayedByName = "Paging Test", ErrorQueue = "ofsted-paging_error",
            SourceQueue = "ofsted-paging", MessageId = Guid.NewGuid(), InspectionId = inspectionId, Outcome = "not-found",
        })));
        try
        {
            using var ops = Platform.Client(await Platform.Tokens.Operations());
            var path = $"/api/orchestrator/operations/dead-letters/replays?inspectionId={inspectionId}";
            var listed = await WalkedAsOnePage(ops, path, limit: 2, r => r["id"]!.ToString());
            Assert.Equal(records.Order(), listed.Select(r => r["id"]!.GetValue<Guid>()).Order());
            var all = await Walk(ops, "/api/orchestrator/operations/dead-letters/replays", "after", "items", limit: 2, until: records.Length);
            Assert.Equal(Keys(listed, r => r["id"]!.ToString()), Keys(all.Take(records.Length), r => r["id"]!.ToString()));
            await BadQueriesNameTheField(ops, path, new DateCursor(new DateOnly(2100, 1, 4), inspectionId).ToString());
        }
        finally
        {
            await Sql("orchestrator", "DELETE FROM dead_letter_replays WHERE id = ANY(@p0)", records);
        }
    }

    [Fact]
    public async Task Programmes_come_by_year_latest_first_then_theme_a_page_at_a_time()
    {
        var programmes = new[] { (2092, "paging-a"), (2091, "paging-c"), (2091, "paging-a"), (2091, "paging-b") };
        var ids = programmes.Select(_ => Guid.NewGuid()).ToArray();
        await Seed(db => db.AddRange(ids.Zip(programmes).Select(p => new InspectionProgramme
        {
            Id = p.First, Year = p.Second.Item1, Theme = p.Second.Item2, FrameworkVersion = 1, Status = ProgrammeStatus.Proposed, ProposedBy = "paging-test",
            ProposedByName = "Paging Test", ProposedAt = FarAhead, Ranking = "[]", ChangedAt = FarAhead,
        })));
        try
        {
            using var manager = Platform.Client(await Platform.Tokens.Staff("manager", "ofsted"));
            var listed = await WalkedAsOnePage(manager, "/api/orchestrator/programmes?year=2091", limit: 2, p => p["id"]!.ToString());
            Assert.Equal(["paging-a", "paging-b", "paging-c"], listed.Select(p => p["theme"]!.GetValue<string>()));
            var all = await Walk(manager, "/api/orchestrator/programmes", "after", "items", limit: 1, until: programmes.Length);
            Assert.Equal([ids[0], ids[2], ids[3], ids[1]], all.Take(programmes.Length).Select(p => p["id"]!.GetValue<Guid>()));
            await BadQueriesNameTheField(manager, "/api/orchestrator/programmes", new InstantCursor(FarAhead, ids[0]).ToString());
        }
        finally
        {
            await Sql("orchestrator", "DELETE FROM programmes WHERE id = ANY(@p0)", ids);
        }
    }

    [Fact]
    public async Task Stuck_outbox_rows_gathered_from_the_services_come_a_page_at_a_time_and_rows_of_one_moment_in_two_services_each_once()
    {
        // Two rows in each of three services, all written at one moment: the merge orders them by sequence, then service.
        // Their next attempt is beyond any time the tests' clock reaches, so no relay publishes them meanwhile.
        var seeded = new List<(string Service, Guid MessageId)>();
        foreach (var service in new[] { "ofsted", "cqc", "hmicfrs" })
            for (var i = 0; i < 2; i++)
            {
                var messageId = Guid.NewGuid();
                await Sql(service, """
                    INSERT INTO outbox_messages (message_id, message_type, body, created_at, attempts, next_attempt_at, last_error)
                    VALUES (@p0, 'Jtai.Contracts.Events.LegalHoldReleased', '{}'::jsonb, @p1, 7, timestamptz '2900-01-01', 'paging-test')
                    """, messageId, LongAgo);
                seeded.Add((service, messageId));
            }
        try
        {
            using var ops = Platform.Client(await Platform.Tokens.Operations());
            // Each service answers within the call's deadline (a busy machine may miss one: asked again).
            JsonNode stuck = null!;
            await Testing.Platform.WaitUntil(async () =>
            {
                stuck = await (await ops.GetAsync("/api/orchestrator/operations/stuck-work?limit=200")).Expect(HttpStatusCode.OK);
                return stuck["unavailable"]!.AsArray().Count == 0;
            }, TimeSpan.FromSeconds(60), "every service to answer for its stuck work");
            var whole = stuck["stuckOutbox"]!["items"]!.AsArray();
            Assert.True(whole.Count >= seeded.Count, stuck.ToJsonString());
            Assert.Equal(seeded.Select(s => s.MessageId).Order(), whole.Take(seeded.Count).Select(r => r!["messageId"]!.GetValue<Guid>()).Order());
            Assert.Null(stuck["stuckOutbox"]!["next"]);
            foreach (var limit in new[] { 1, 4 })
            {
                var walked = await Walk(ops, "/api/orchestrator/operations/stuck-work", "outboxAfter", "stuckOutbox", limit, until: seeded.Count);
                Assert.Equal(Keys(whole.Take(seeded.Count), r => r["messageId"]!.ToString()), Keys(walked.Take(seeded.Count), r => r["messageId"]!.ToString()));
            }

            // The deadlines' cursor is read by each service on its own; another list's cursor is refused by name.
            await Testing.Platform.WaitUntil(async () =>
                (await (await ops.GetAsync($"/api/orchestrator/operations/stuck-work?deadlinesAfter={new ServicesCursor(LongAgo, "inspection/x", "cqc")}"))
                    .Expect(HttpStatusCode.OK))["unavailable"]!.AsArray().Count == 0,
                TimeSpan.FromSeconds(60), "every service to answer from the deadlines' cursor");
            var problems = await (await ops.GetAsync(
                    $"/api/orchestrator/operations/stuck-work?limit=0&deadlinesAfter=x&outboxAfter={new ServicesCursor(LongAgo, "inspection/x", "cqc")}"))
                .ExpectProblem(HttpStatusCode.BadRequest);
            foreach (var field in new[] { "limit", "deadlinesAfter", "outboxAfter" }) Assert.NotNull(problems["errors"]![field]);
        }
        finally
        {
            foreach (var (service, messageId) in seeded) await Sql(service, "DELETE FROM outbox_messages WHERE message_id = @p0", messageId);
        }
    }

    [Fact]
    public async Task An_inspections_message_flow_gathered_from_the_services_comes_a_page_at_a_time_each_entry_once()
    {
        var id = (await Platform.ScheduleInspection(areaName: "Paging flow"))["id"]!.GetValue<Guid>();
        foreach (var service in new[] { "ofsted", "cqc", "hmicfrs" }) await Platform.CopyHeldBy(service, id);
        using var ops = Platform.Client(await Platform.Tokens.Operations());
        var path = $"/api/orchestrator/operations/inspections/{id}/flow";
        await Testing.Platform.WaitUntil(async () =>
            (await (await ops.GetAsync($"{path}?limit=200")).Expect(HttpStatusCode.OK))["messages"]!.AsArray().Count(m => m!["direction"]!.GetValue<string>() == "consumed") >= 3,
            TimeSpan.FromSeconds(30), "each inspectorate's consumption in the flow");

        var whole = await (await ops.GetAsync($"{path}?limit=200")).Expect(HttpStatusCode.OK);
        Assert.Null(whole["next"]);
        var entries = whole["messages"]!.AsArray();
        var walked = await Walk(ops, path, "after", "messages", limit: 1, until: int.MaxValue);
        // Each page shows a message published no later than its first receipt on the page, so compare what, not the order.
        Assert.Equal(Keys(entries, FlowKey).Order(), Keys(walked, FlowKey).Order());
        Assert.Equal(walked.Count, Keys(walked, FlowKey).Distinct().Count());
        await BadQueriesNameTheField(ops, path, new InstantCursor(LongAgo, id).ToString());
    }

    private static string MilestoneKey(JsonNode m) => $"{m["inspectionId"]}/{m["key"]}";

    private static string FlowKey(JsonNode e) => $"{e["service"]}/{e["direction"]}/{e["messageId"]}/{e["consumer"]}/{e["attempts"]}/{e["outcome"]}";

    private static List<string> Keys(IEnumerable<JsonNode?> rows, Func<JsonNode, string> key) => rows.Select(r => key(r!)).ToList();

    /// <summary>
    /// A list walked <paramref name="limit"/> rows a page gives what one page of 200 gives (the first page full with a
    /// next, each row once, the last page without a next); returns the rows.
    /// </summary>
    private static async Task<List<JsonNode>> WalkedAsOnePage(HttpClient client, string path, int limit, Func<JsonNode, string> key)
    {
        var separator = path.Contains('?') ? '&' : '?';
        var whole = await (await client.GetAsync($"{path}{separator}limit=200")).Expect(HttpStatusCode.OK);
        Assert.Null(whole["next"]);
        var first = await (await client.GetAsync($"{path}{separator}limit={limit}")).Expect(HttpStatusCode.OK);
        Assert.Equal(limit, first["items"]!.AsArray().Count);
        Assert.NotNull(first["next"]);
        var walked = await Walk(client, path, "after", "items", limit, until: int.MaxValue);
        var rows = whole["items"]!.AsArray().Select(r => r!).ToList();
        Assert.Equal(Keys(rows, key), Keys(walked, key));
        return rows;
    }

    /// <summary>
    /// Follows the list's cursor (<paramref name="cursor"/>, the page's <paramref name="list"/>: a page, or a view holding
    /// the page's items and next) until the last page, or until at least <paramref name="until"/> rows are read.
    /// </summary>
    private static async Task<List<JsonNode>> Walk(HttpClient client, string path, string cursor, string list, int limit, int until)
    {
        var separator = path.Contains('?') ? '&' : '?';
        var rows = new List<JsonNode>();
        string? next = null;
        do
        {
            var page = await (await client.GetAsync($"{path}{separator}limit={limit}" + (next is null ? "" : $"&{cursor}={Uri.EscapeDataString(next)}")))
                .Expect(HttpStatusCode.OK);
            var (items, nextOf) = list == "messages" ? (page["messages"]!, page["next"]) : list == "items" ? (page["items"]!, page["next"]) : (page[list]!["items"]!, page[list]!["next"]);
            Assert.True(items.AsArray().Count <= limit);
            rows.AddRange(items.AsArray().Select(i => i!));
            next = nextOf?.GetValue<string>();
        }
        while (next is not null && rows.Count < until);
        return rows;
    }

    /// <summary>A limit out of range and a cursor the list never gave (garbage, or another list's) are each a 400 naming the field.</summary>
    private static async Task BadQueriesNameTheField(HttpClient client, string path, string foreignCursor)
    {
        var separator = path.Contains('?') ? '&' : '?';
        foreach (var limit in new[] { "0", "201" })
        {
            var problem = await (await client.GetAsync($"{path}{separator}limit={limit}")).ExpectProblem(HttpStatusCode.BadRequest);
            Assert.NotNull(problem["errors"]!["limit"]);
        }
        foreach (var after in new[] { "not-a-cursor", foreignCursor })
        {
            var problem = await (await client.GetAsync($"{path}{separator}after={Uri.EscapeDataString(after)}")).ExpectProblem(HttpStatusCode.BadRequest);
            Assert.NotNull(problem["errors"]!["after"]);
        }
    }

    private async Task Seed(Action<OrchestratorDbContext> add)
    {
        await using var scope = Platform.Services("orchestrator").CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OrchestratorDbContext>();
        add(db);
        await db.SaveChangesAsync();
    }

    private async Task Sql(string service, string sql, params object[] parameters)
    {
        await using var connection = new Npgsql.NpgsqlConnection(Platform.Databases[service]);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        for (var i = 0; i < parameters.Length; i++) command.Parameters.AddWithValue($"p{i}", parameters[i]);
        await command.ExecuteNonQueryAsync();
    }
}
