using Jtai.Inspectorate.Data;
using Jtai.Inspectorate.Evidence;
using Jtai.Inspectorate.FollowUp;
using Jtai.Inspectorate.Intelligence;
using Jtai.Inspectorate.Retention;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using static Jtai.Platform.Tests.Evidence.EvidenceSteps;

namespace Jtai.Platform.Tests.Foundation;

/// <summary>
/// The lists every inspectorate's service shares come a page at a time: each walk gives every row once, in the list's order,
/// ties broken by the id; a bad limit or cursor is a 400 naming the field. Rows are written straight into the service's database.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class InspectorateListPagingTests(PlatformFixture fixture)
{
    private Testing.Platform Platform => fixture.Platform;

    /// <summary>Whole seconds, so the database keeps the moments exactly; two rows share the second moment.</summary>
    private static readonly DateTimeOffset Start = new(2026, 6, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly int[] Seconds = [0, 60, 60, 120, 180];

    private static string Key(Guid id) => id.ToString("N");

    [Fact]
    public async Task Follow_ups_come_oldest_opened_first_for_staff_and_for_the_partner_of_the_area()
    {
        const string area = "E06000061";
        var inspectionId = Guid.NewGuid();
        var cases = Seconds.Select(s => new FollowUpCase
        {
            Id = Guid.NewGuid(), InspectionId = inspectionId, PriorityActionId = Guid.NewGuid(), Inspectorate = "cqc", Process = "management-review",
            State = "manager-notified", LocalAreaCode = area, LocalAreaName = "Paging", Agencies = ["health"], Text = "Health visitors share too late.",
            OpenedAt = Start.AddSeconds(s), UpdatedAt = Start.AddSeconds(s),
        }).ToList();
        await using (var scope = Platform.Services("cqc").CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<InspectorateDbContext>();
            db.AddRange(cases);
            await db.SaveChangesAsync();
        }
        var expected = cases.OrderBy(f => f.OpenedAt).ThenBy(f => Key(f.Id), StringComparer.Ordinal).Select(f => f.Id).ToList();

        using var staff = Platform.Client(await Platform.Tokens.Staff("inspector", "cqc"));
        Assert.Equal(expected, (await staff.Walk($"/api/cqc/follow-ups?inspectionId={inspectionId}")).Ids());
        // Every follow-up of the service: the seeded ones among them, in the same order, each once.
        var all = (await staff.Walk("/api/cqc/follow-ups", limit: 50)).Ids();
        Assert.Equal(expected, all.Where(expected.Contains));
        await staff.RefusesBadPaging("/api/cqc/follow-ups");

        using var partner = Platform.Client(await Platform.Tokens.Partner(area, "health"));
        Assert.Equal(expected, (await partner.Walk("/api/cqc/partner/follow-ups")).Ids());
        Assert.Equal(expected, (await partner.Walk($"/api/cqc/partner/follow-ups?inspectionId={inspectionId}")).Ids());
        Assert.Empty(await partner.Walk($"/api/cqc/partner/follow-ups?inspectionId={Guid.NewGuid()}"));
        await partner.RefusesBadPaging("/api/cqc/partner/follow-ups");
    }

    [Fact]
    public async Task Evidence_records_come_in_the_order_gathered_and_one_authors_filter_is_kept()
    {
        var inspector = new Member("pg-cqc-evidence", "cqc", "inspector");
        var id = await Platform.InspectionWithTeam("E06000062", "Paging", inspector);
        var records = Seconds.Select((s, i) => new EvidenceRecord
        {
            Id = Guid.NewGuid(), InspectionId = id, AuthorId = i % 2 == 0 ? inspector.UserId : "pg-cqc-other", AuthorName = "Inspector",
            Source = "document-review", GatheredAt = Start.AddSeconds(s), Criteria = ["EC1"], Agencies = ["health"], Text = "Seen.", Revision = 1,
            CreatedAt = Start, UpdatedAt = Start,
        }).ToList();
        await using (var scope = Platform.Services("cqc").CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<InspectorateDbContext>();
            db.AddRange(records);
            await db.SaveChangesAsync();
        }
        var expected = records.OrderBy(r => r.GatheredAt).ThenBy(r => Key(r.Id), StringComparer.Ordinal).ToList();

        using var client = await Platform.As(inspector);
        var path = $"/api/cqc/inspections/{id}/evidence";
        Assert.Equal(expected.Select(r => r.Id), (await client.Walk(path)).Ids());
        Assert.Equal(expected.Where(r => r.AuthorId == inspector.UserId).Select(r => r.Id), (await client.Walk($"{path}?author={inspector.UserId}")).Ids());
        await client.RefusesBadPaging(path);
    }

    [Fact]
    public async Task An_areas_intelligence_comes_newest_first_and_the_read_log_latest_first_with_each_page_logged()
    {
        const string area = "E06000063";
        var observed = new DateOnly(2026, 5, 1);
        var records = Seconds.Select((s, i) => new AreaIntelligence
        {
            Id = Guid.NewGuid(), SharedBy = "hmicfrs", LocalAreaCode = area, LocalAreaName = "Paging", Kind = "concern", Programme = "peel",
            What = "Missing-child reports triaged late.", ObservedOn = observed.AddDays(i / 2), RecordedBy = "pg-hmicfrs", RecordedByName = "Inspector",
            Agencies = ["police"], SharedAt = Start.AddSeconds(s),
        }).ToList();
        await using (var scope = Platform.Services("cqc").CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<InspectorateDbContext>();
            db.AddRange(records);
            await db.SaveChangesAsync();
        }
        var expected = records.OrderByDescending(r => r.ObservedOn).ThenByDescending(r => r.SharedAt)
            .ThenByDescending(r => Key(r.Id), StringComparer.Ordinal).Select(r => r.Id).ToList();

        using var reader = Platform.Client(await Platform.Tokens.Staff("inspector", "cqc", "pg-cqc-reader"));
        Assert.Equal(expected, (await reader.Walk($"/api/cqc/areas/{area}/intelligence")).Ids());
        await reader.RefusesBadPaging($"/api/cqc/areas/{area}/intelligence");

        // Three pages read, three entries logged, the latest (the last page, one record) first.
        using var manager = Platform.Client(await Platform.Tokens.Staff("manager", "cqc"));
        var reads = await manager.Walk($"/api/cqc/intelligence/reads?localAreaCode={area}");
        Assert.Equal(new[] { 1, 2, 2 }, reads.Select(r => r["records"]!.GetValue<int>()));
        Assert.All(reads, r => Assert.Equal("pg-cqc-reader", r["readerId"]!.GetValue<string>()));
        var times = reads.Select(r => DateTimeOffset.Parse(r["readAt"]!.GetValue<string>())).ToList();
        Assert.Equal(times.OrderDescending(), times);
        await manager.RefusesBadPaging("/api/cqc/intelligence/reads");
    }

    [Fact]
    public async Task Legal_holds_come_oldest_placed_first_and_the_purge_log_latest_day_first()
    {
        // Long before anything the platform's own purges or holds write, so these lead the holds and end the log.
        var placed = new DateTimeOffset(1999, 1, 4, 9, 0, 0, TimeSpan.Zero);
        var holds = Seconds.Select(s => new LegalHold { HoldId = Guid.NewGuid(), InspectionId = Guid.NewGuid(), Reason = "Complaint open", PlacedAt = placed.AddSeconds(s) }).ToList();
        var days = Enumerable.Range(0, 5).Select(i => new DateOnly(1999, 1, 4).AddDays(i)).ToList();
        await using (var scope = Platform.Services("ofsted").CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<InspectorateDbContext>();
            db.AddRange(holds);
            db.AddRange(days.Select(d => new PurgeLogEntry { Day = d, RanAt = placed, InspectionsPurged = 1, InspectionsHeld = 0, Deleted = new() { ["evidence_records"] = 2 } }));
            await db.SaveChangesAsync();
        }

        using var manager = Platform.Client(await Platform.Tokens.Staff("manager", "ofsted"));
        var expectedHolds = holds.OrderBy(h => h.PlacedAt).ThenBy(h => Key(h.HoldId), StringComparer.Ordinal).Select(h => h.HoldId).ToList();
        var walkedHolds = (await manager.Walk("/api/ofsted/retention/legal-holds")).Ids("holdId");
        Assert.Equal(expectedHolds, walkedHolds.Take(expectedHolds.Count));
        await manager.RefusesBadPaging("/api/ofsted/retention/legal-holds");

        var log = (await manager.Walk("/api/ofsted/retention/purge-log")).Select(p => DateOnly.Parse(p["day"]!.GetValue<string>())).ToList();
        Assert.Equal(log.Count, log.Distinct().Count());
        Assert.Equal(log.OrderDescending(), log);
        Assert.Equal(days.OrderDescending(), log.Where(days.Contains));
        await manager.RefusesBadPaging("/api/ofsted/retention/purge-log");
    }
}
