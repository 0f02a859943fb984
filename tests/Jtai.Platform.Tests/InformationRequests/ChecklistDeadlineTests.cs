using System.Net;
using Jtai.Calendar.WorkingDays;
using Jtai.Platform.Tests.Lifecycle;
using Jtai.Testing.AnnexA;
using Xunit;

namespace Jtai.Platform.Tests.InformationRequests;

/// <summary>A platform of its own: these tests move the clock past the Annex A deadlines.</summary>
public sealed class ChecklistDeadlineFixture : PlatformFixture;

[CollectionDefinition(Name)]
public sealed class ChecklistDeadlineCollection : ICollectionFixture<ChecklistDeadlineFixture>
{
    public const string Name = "information-request-deadlines";
}

/// <summary>The checklist judges each item against its deadline on the timeline (¶91) by the injected clock.</summary>
[Collection(ChecklistDeadlineCollection.Name)]
public sealed class ChecklistDeadlineTests(ChecklistDeadlineFixture fixture)
{
    private Testing.Platform Platform => fixture.Platform;

    [Fact]
    public async Task Items_not_in_by_their_deadline_show_overdue_and_then_late_while_those_in_time_stay_on_time()
    {
        var calendar = WorkingDayCalendar.England();
        var fieldwork = Steps.NextFieldworkMonday(Platform.Clock, weeksAhead: 3);
        while (!calendar.IsWorkingDay(fieldwork)) fieldwork = fieldwork.AddDays(7);
        var id = await Platform.InspectionWithTeam(fieldworkStart: fieldwork);
        var today = DateOnly.FromDateTime(Platform.Clock.GetUtcNow().UtcDateTime);
        var area = new AnnexAFiles(seed: 41, today, children: 200);
        using var la = Platform.Client(await Platform.Tokens.Partner(Steps.Area, "local-authority"));
        using var lead = Platform.Client(await Platform.Tokens.Staff("lead-inspector", "ofsted"));

        // List 1 arrives well before week 1 Tuesday 17:00.
        await (await la.UploadList(id, 1, area.List(1, 300).ToCsvBytes())).Expect(HttpStatusCode.Created);
        Assert.Equal("on-time", (await lead.ChecklistItemReceived(id, "annex-a/list-1", "local-authority"))["status"]!.GetValue<string>());
        var list2 = await lead.ChecklistItem(id, "annex-a/list-2");
        Assert.Equal("awaited", list2["status"]!.GetValue<string>());

        // Week 1 Tuesday 17:00 in England: 9 working days before fieldwork (¶91); move past it.
        var due = list2["dueAt"]!.GetValue<DateTimeOffset>();
        Assert.Equal(LondonTime.At(calendar.AddWorkingDays(fieldwork, -9), new TimeOnly(17, 0)), due);
        Assert.Equal("child-level-data", list2["milestone"]!.GetValue<string>());
        Platform.Clock.AdvanceTo(due.AddMinutes(1));

        Assert.Equal("overdue", (await lead.ChecklistItem(id, "annex-a/list-2"))["status"]!.GetValue<string>());
        Assert.Equal("on-time", (await lead.ChecklistItem(id, "annex-a/list-1"))["status"]!.GetValue<string>());
        // Items due later are still awaited.
        Assert.Equal("awaited", (await lead.ChecklistItem(id, "performance/1.1"))["status"]!.GetValue<string>());

        // List 2 comes in after its deadline: received, late, and the partner sees the same on its own items.
        await (await la.UploadList(id, 2, area.List(2, 100).ToCsvBytes())).Expect(HttpStatusCode.Created);
        var late = await lead.ChecklistItemReceived(id, "annex-a/list-2", "local-authority");
        Assert.Equal("late", late["status"]!.GetValue<string>());
        Assert.False(late["deliveries"]![0]!["onTime"]!.GetValue<bool>());
        var laView = await la.ChecklistItem(id, "annex-a/list-2");
        Assert.Equal("late", laView["status"]!.GetValue<string>());
        Assert.Equal("overdue", (await la.ChecklistItem(id, "annex-a/list-3"))["status"]!.GetValue<string>());

        // The timeline's week 1 Tuesday milestone is overdue until every item due by it has arrived ...
        var before = await Platform.Timeline(id);
        Assert.Equal("overdue", before.Milestone("child-level-data")["status"]!.GetValue<string>());
        // The last items arrive at once: their deliveries are consumed concurrently and both must count.
        await (await la.UploadList(id, 3, area.List(3, 100).ToCsvBytes())).Expect(HttpStatusCode.Created);
        var lastItems = await Task.WhenAll(
            la.UploadList(id, 4, area.List(4, 100).ToCsvBytes()),
            la.UploadList(id, 5, area.List(5, 100).ToCsvBytes()),
            la.UploadDocument(id, "audit-list", "Audit,Date\nMASH audit,01/03/2026\n"u8.ToArray(), "audits.csv", "text/csv"));
        foreach (var upload in lastItems) await upload.Expect(HttpStatusCode.Created);

        // ... then it is met by what arrived, at the time the last item came in: late, not overdue.
        var milestone = await WaitForMilestone(id, "child-level-data", m => m["metAt"] is not null);
        Assert.Equal("late", milestone["status"]!.GetValue<string>());
        Assert.Equal("information-received", milestone["metBy"]!.GetValue<string>());
        Assert.True(milestone["metAt"]!.GetValue<DateTimeOffset>() > due);
        var overdue = await (await lead.GetAsync($"/api/orchestrator/inspections/{id}/overdue")).Expect(HttpStatusCode.OK);
        Assert.DoesNotContain(overdue.AsArray(), o => o!["key"]!.GetValue<string>() == "child-level-data");
        // No stage moved it: the inspection is still where it was.
        Assert.Equal(before["status"]!.GetValue<string>(), (await Platform.Timeline(id))["status"]!.GetValue<string>());
    }

    private async Task<System.Text.Json.Nodes.JsonNode> WaitForMilestone(Guid id, string key, Func<System.Text.Json.Nodes.JsonNode, bool> until)
    {
        System.Text.Json.Nodes.JsonNode? milestone = null;
        await Testing.Platform.WaitUntil(async () => until(milestone = (await Platform.Timeline(id)).Milestone(key)),
            TimeSpan.FromSeconds(30), $"milestone {key}");
        return milestone!;
    }
}
