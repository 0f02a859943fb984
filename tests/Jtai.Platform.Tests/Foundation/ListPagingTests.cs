using System.Net;
using Jtai.Orchestrator.Data;
using Jtai.Orchestrator.Letter;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Jtai.Platform.Tests.Foundation;

/// <summary>The lists come a page at a time, each page's cursor leading to the next.</summary>
[Collection(PlatformCollection.Name)]
public sealed class ListPagingTests(PlatformFixture fixture)
{
    private Testing.Platform Platform => fixture.Platform;

    [Fact]
    public async Task Walking_the_pages_gives_every_inspection_once_in_fieldwork_order_in_the_orchestrator_and_an_inspectorate()
    {
        var scheduled = new List<Guid>();
        for (var week = 6; week < 11; week++)
            scheduled.Add((await Platform.ScheduleInspection(areaName: "Paging", fieldworkStart: Steps.NextFieldworkMonday(Platform.Clock, week)))["id"]!.GetValue<Guid>());
        foreach (var id in scheduled) await Platform.CopyHeldBy("cqc", id);

        using var lead = Platform.Client(await Platform.Tokens.Staff("lead-inspector", "ofsted"));
        using var cqc = Platform.Client(await Platform.Tokens.Staff("inspector", "cqc"));
        foreach (var (client, path) in new[] { (lead, "/api/orchestrator/inspections?limit=2"), (cqc, "/api/cqc/inspections?limit=2") })
        {
            var first = await (await client.GetAsync(path)).Expect(HttpStatusCode.OK);
            Assert.Equal(2, first["items"]!.AsArray().Count);
            Assert.NotNull(first["next"]);

            var all = await client.AllPages(path);
            var ids = all.Select(i => (i["id"] ?? i["inspectionId"])!.GetValue<Guid>()).ToList();
            Assert.Equal(ids.Count, ids.Distinct().Count());
            Assert.All(scheduled, id => Assert.Contains(id, ids));
            var starts = all.Select(i => DateOnly.Parse(i["fieldworkStart"]!.GetValue<string>())).ToList();
            Assert.Equal(starts.Order().ToList(), starts);
        }
    }

    [Fact]
    public async Task A_limit_out_of_range_or_a_cursor_the_list_never_gave_is_a_400_naming_the_field()
    {
        using var lead = Platform.Client(await Platform.Tokens.Staff("lead-inspector", "ofsted"));
        var tooMany = await (await lead.GetAsync("/api/orchestrator/inspections?limit=5000")).ExpectProblem(HttpStatusCode.BadRequest);
        Assert.NotNull(tooMany["errors"]!["limit"]);
        var forged = await (await lead.GetAsync("/api/orchestrator/inspections?after=not-a-cursor")).ExpectProblem(HttpStatusCode.BadRequest);
        Assert.NotNull(forged["errors"]!["after"]);

        using var ofsted = Platform.Client(await Platform.Tokens.Staff("inspector", "ofsted"));
        var zero = await (await ofsted.GetAsync("/api/ofsted/inspections?limit=0")).ExpectProblem(HttpStatusCode.BadRequest);
        Assert.NotNull(zero["errors"]!["limit"]);
    }

    [Fact]
    public async Task Published_letters_come_latest_first_a_page_at_a_time_and_ties_in_the_moment_of_publication_are_each_given_once()
    {
        // Letters published an hour and two hours ago (two at the same moment), as the publication deadline leaves them.
        var now = Platform.Clock.GetUtcNow();
        var moments = new[] { now.AddHours(-1), now.AddHours(-2), now.AddHours(-2) };
        var ids = new List<Guid>();
        for (var week = 12; week < 12 + moments.Length; week++)
            ids.Add((await Platform.ScheduleInspection(areaName: "Paging letters", fieldworkStart: Steps.NextFieldworkMonday(Platform.Clock, week)))["id"]!.GetValue<Guid>());
        await using (var scope = Platform.Services("orchestrator").CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OrchestratorDbContext>();
            foreach (var (id, at) in ids.Zip(moments))
                db.Set<InspectionLetter>().Add(new InspectionLetter
                {
                    InspectionId = id, Stage = "final", DraftedBy = "paging-test", DraftedAt = at.AddDays(-20), CurrentVersion = 1,
                    LetterDate = DateOnly.FromDateTime(at.AddDays(-3).UtcDateTime), PlannedPublicationAt = at, PublicationAt = at,
                });
            await db.SaveChangesAsync();
        }

        using var anonymous = new HttpClient { BaseAddress = Platform.GatewayAddress };
        var first = await (await anonymous.GetAsync("/api/orchestrator/published-letters?limit=1")).Expect(HttpStatusCode.OK);
        Assert.Single(first["items"]!.AsArray());
        Assert.NotNull(first["next"]);
        var all = await anonymous.AllPages("/api/orchestrator/published-letters?limit=1");
        var listed = all.Select(l => l["inspectionId"]!.GetValue<Guid>()).ToList();
        Assert.Equal(listed.Count, listed.Distinct().Count());
        Assert.All(ids, id => Assert.Contains(id, listed));
        // Latest first: the one of an hour ago before the two of two hours ago.
        Assert.True(listed.IndexOf(ids[0]) < listed.IndexOf(ids[1]) && listed.IndexOf(ids[0]) < listed.IndexOf(ids[2]));
        var days = all.Select(l => DateOnly.Parse(l["publishedOn"]!.GetValue<string>())).ToList();
        Assert.Equal(days.OrderDescending().ToList(), days);

        // Another list's cursor is not this list's.
        var inspections = await (await anonymous.GetAsync("/api/orchestrator/published-letters?limit=0")).ExpectProblem(HttpStatusCode.BadRequest);
        Assert.NotNull(inspections["errors"]!["limit"]);
        var dateCursor = new Jtai.ServiceDefaults.Paging.DateCursor(new DateOnly(2026, 1, 5), Guid.NewGuid()).ToString();
        var foreign = await (await anonymous.GetAsync($"/api/orchestrator/published-letters?after={dateCursor}")).ExpectProblem(HttpStatusCode.BadRequest);
        Assert.NotNull(foreign["errors"]!["after"]);
    }
}
