using System.Net;
using System.Net.Http.Json;
using Jtai.Contracts.Events;
using Jtai.Inspectorate.Data;
using Jtai.Inspectorate.Evidence;
using Jtai.Inspectorate.Retention;
using Jtai.Testing;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using static Jtai.Platform.Tests.Evidence.EvidenceSteps;

namespace Jtai.Platform.Tests.Evidence;

/// <summary>A platform of its own: these tests move the clock by months. CQC keeps evidence 12 months after publication here.</summary>
public sealed class RetentionFixture : PlatformFixture
{
    protected override PlatformOptions Options => new()
    {
        Settings = (name, settings) =>
        {
            settings["Retention:PeriodMonths"] = "12";
            settings["Retention:PollInterval"] = "00:00:00.300";
        },
    };
}

[CollectionDefinition(Name)]
public sealed class RetentionCollection : ICollectionFixture<RetentionFixture>
{
    public const string Name = "evidence-retention";
}

[Collection(RetentionCollection.Name)]
public sealed class RetentionTests(RetentionFixture fixture)
{
    private Testing.Platform Platform => fixture.Platform;

    [Fact]
    public async Task The_daily_purge_deletes_exactly_the_expired_records_logs_counts_only_and_a_legal_hold_blocks_it_until_released()
    {
        var inspector = new Member("rt-cqc-1", "cqc", "inspector");
        var expiring = await Platform.InspectionWithTeam("E08000033", "Knowsley", inspector);
        var later = await Platform.InspectionWithTeam("E08000034", "Liverpool", inspector);
        var held = await Platform.InspectionWithTeam("E08000035", "St Helens", inspector);

        using var client = await Platform.As(inspector);
        var now = Platform.Clock.GetUtcNow();
        var named = await client.WriteRecord("cqc", expiring, Record(now, text: "Health visitor Amy Jones (A.J.) made the referral for child 7812.",
            people: [new { initials = "AJ", role = "health visitor", name = "Amy Jones", nameReason = "Connects the referral to the GP record" }]));
        await client.WriteRecord("cqc", expiring, Record(now));
        await (await client.PutAsJsonAsync($"/api/cqc/inspections/{expiring}/evidence/{named["id"]}", new
        {
            source = "document-review", gatheredAt = now.AddHours(-1), criteria = new[] { "EC2" }, agencies = new[] { "health" },
            text = "Referral (A.J.) reviewed.", revision = 1,
        }, Api.Json)).Expect(HttpStatusCode.OK);
        await client.WriteRecord("cqc", later, Record(now));
        await client.WriteRecord("cqc", held, Record(now));
        await client.WriteRecord("cqc", held, Record(now));

        var holdId = Guid.NewGuid();
        await using (var bus = await TestBus.Start(Platform))
        {
            foreach (var id in new[] { expiring, held })
                await bus.Publish(new InspectionTransitioned(id, "final-under-embargo", "published", Steps.NextFieldworkMonday(Platform.Clock), now, "test"),
                    ctx => ctx.MessageId = NewId.NextGuid());
            await bus.Publish(new LegalHoldPlaced(held, holdId, "Complaint about the findings under investigation", now), ctx => ctx.MessageId = NewId.NextGuid());
        }
        await WaitFor(async db => await db.Set<InspectionRetention>().CountAsync(r => r.TriggeredAt != null) == 2
            && await db.Set<LegalHold>().AnyAsync(h => h.HoldId == holdId), "publication and the hold to reach cqc");

        // Names went automatically at publication, from the record and its history.
        var record = await (await client.GetAsync($"/api/cqc/inspections/{expiring}/evidence/{named["id"]}")).Expect(HttpStatusCode.OK);
        var history = await (await client.GetAsync($"/api/cqc/inspections/{expiring}/evidence/{named["id"]}/history")).Expect(HttpStatusCode.OK);
        Assert.DoesNotContain("Amy Jones", record.ToJsonString() + history.ToJsonString());

        // Three months on, the second inspection is published.
        Platform.Clock.Advance(TimeSpan.FromDays(92));
        await using (var bus = await TestBus.Start(Platform))
            await bus.Publish(new InspectionTransitioned(later, "final-under-embargo", "published", Steps.NextFieldworkMonday(Platform.Clock),
                Platform.Clock.GetUtcNow(), "test"), ctx => ctx.MessageId = NewId.NextGuid());
        await WaitFor(async db => await db.Set<InspectionRetention>().CountAsync(r => r.TriggeredAt != null) == 3, "the second publication");

        // A day past twelve months after the first publication: only the first inspection's records have expired.
        Platform.Clock.AdvanceTo(RetentionPolicy.ExpiresAt(now, 12).AddDays(1));
        var day = DateOnly.FromDateTime(Platform.Clock.GetUtcNow().UtcDateTime);
        var log = await PurgeOf(day);
        Assert.Equal(1, log.InspectionsPurged);
        Assert.Equal(1, log.InspectionsHeld);
        Assert.Equal(2, log.Deleted["evidence_records"]);
        Assert.Equal(1, log.Deleted["evidence_revisions"]);
        Assert.Equal(new Dictionary<Guid, int> { [later] = 1, [held] = 2 }, await RecordsPerInspection());

        // The hold is released: the next day's purge deletes the held records, and still not the later ones.
        await using (var bus = await TestBus.Start(Platform))
            await bus.Publish(new LegalHoldReleased(held, holdId, Platform.Clock.GetUtcNow()), ctx => ctx.MessageId = NewId.NextGuid());
        await WaitFor(async db => await db.Set<LegalHold>().AnyAsync(h => h.HoldId == holdId && h.ReleasedAt != null), "the release");
        Platform.Clock.Advance(TimeSpan.FromDays(1));
        var next = await PurgeOf(day.AddDays(1));
        Assert.Equal(1, next.InspectionsPurged);
        Assert.Equal(0, next.InspectionsHeld);
        Assert.Equal(2, next.Deleted["evidence_records"]);
        Assert.Equal(new Dictionary<Guid, int> { [later] = 1 }, await RecordsPerInspection());

        // Nothing of the content is in the log: only counts.
        await using var scope = Platform.Services("cqc").CreateAsyncScope();
        var entries = await scope.ServiceProvider.GetRequiredService<InspectorateDbContext>().Set<PurgeLogEntry>().ToListAsync();
        Assert.All(entries, e => Assert.All(e.Deleted.Keys, k => Assert.Matches("^[a-z_]+$", k)));
    }

    private async Task<PurgeLogEntry> PurgeOf(DateOnly day)
    {
        PurgeLogEntry? entry = null;
        await WaitFor(async db => (entry = await db.Set<PurgeLogEntry>().AsNoTracking().SingleOrDefaultAsync(p => p.Day == day)) is not null,
            $"the purge of {day}");
        return entry!;
    }

    private async Task<Dictionary<Guid, int>> RecordsPerInspection()
    {
        await using var scope = Platform.Services("cqc").CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<InspectorateDbContext>().Set<EvidenceRecord>()
            .GroupBy(r => r.InspectionId).ToDictionaryAsync(g => g.Key, g => g.Count());
    }

    private Task WaitFor(Func<InspectorateDbContext, Task<bool>> condition, string what) =>
        Testing.Platform.WaitUntil(async () =>
        {
            await using var scope = Platform.Services("cqc").CreateAsyncScope();
            return await condition(scope.ServiceProvider.GetRequiredService<InspectorateDbContext>());
        }, TimeSpan.FromSeconds(20), what);
}
