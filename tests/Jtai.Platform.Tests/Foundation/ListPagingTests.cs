using System.Net;
using Xunit;

namespace Jtai.Platform.Tests.Foundation;

/// <summary>The inspection lists come a page at a time, each page's cursor leading to the next.</summary>
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
}
