using System.Net;
using System.Text.Json.Nodes;
using Xunit;
using static Jtai.Platform.Tests.Evidence.EvidenceSteps;

using Jtai.Platform.Tests.Lifecycle;

namespace Jtai.Platform.Tests.Evidence;

/// <summary>¶74–75: the orchestrator asks each inspectorate over gRPC whether its inspectors' records are complete.</summary>
[Collection(PlatformCollection.Name)]
public sealed class CompletenessTests(PlatformFixture fixture)
{
    private Testing.Platform Platform => fixture.Platform;

    [Fact]
    public async Task Completeness_names_who_is_outstanding_and_a_service_that_does_not_answer_is_unknown_never_complete()
    {
        var lead = new Member("co-ofsted-lead", "ofsted", "lead-inspector");
        var qa = new Member("co-ofsted-qa", "ofsted", "qa-manager");
        var cqc1 = new Member("co-cqc-1", "cqc", "inspector");
        var cqc2 = new Member("co-cqc-2", "cqc", "inspector");
        var police = new Member("co-hmicfrs-1", "hmicfrs", "inspector");
        var id = await Platform.InspectionWithTeam("E08000032", "Sefton", lead, qa, cqc1, cqc2, police);
        var path = $"/api/orchestrator/inspections/{id}/evidence-completeness";

        foreach (var member in new[] { lead, cqc1, police })
        {
            using var client = await Platform.As(member);
            await client.WriteRecord(member.Inspectorate, id, Record(Platform.Clock.GetUtcNow()));
            await (await client.PostAsync($"/api/{member.Inspectorate}/inspections/{id}/evidence/complete", null)).Expect(HttpStatusCode.OK);
        }
        using var qaClient = await Platform.As(qa);
        var noRecord = await (await qaClient.PostAsync($"/api/ofsted/inspections/{id}/evidence/complete", null)).ExpectProblem(HttpStatusCode.Conflict);
        Assert.Equal("only-evidence-keepers-complete", noRecord["rule"]!.GetValue<string>());

        using var leadClient = await Platform.As(lead);
        var view = await (await leadClient.GetAsync(path)).Expect(HttpStatusCode.OK);
        Assert.False(view["complete"]!.GetValue<bool>());
        Assert.Equal("complete", Status(view, "ofsted")["status"]!.GetValue<string>());
        Assert.Single(Status(view, "ofsted")["members"]!.AsArray()); // the QA manager keeps no record
        Assert.Equal("incomplete", Status(view, "cqc")["status"]!.GetValue<string>());
        Assert.Equal([$"Inspector {cqc2.UserId}"], Status(view, "cqc")["outstanding"]!.AsArray().Select(o => o!.GetValue<string>()));
        Assert.Equal("complete", Status(view, "hmicfrs")["status"]!.GetValue<string>());

        // The evidence-complete milestone waits for all three inspectorates (¶74): CQC is still outstanding.
        Assert.Null((await Platform.Timeline(id)).Milestone("evidence-complete")["metAt"]);
        using (var client = await Platform.As(cqc2))
        {
            await (await client.PostAsync($"/api/cqc/inspections/{id}/evidence/complete", null)).Expect(HttpStatusCode.OK);
            Assert.True((await (await leadClient.GetAsync(path)).Expect(HttpStatusCode.OK))["complete"]!.GetValue<bool>());
            var met = await MilestoneWhen(id, m => m["metAt"] is not null, "evidence-complete met by the three inspectorates");
            Assert.Equal("evidence-records-complete", met["metBy"]!.GetValue<string>());

            // ¶75: the lead asks for more evidence; the reopened record unmeets it until completed again.
            (await client.DeleteAsync($"/api/cqc/inspections/{id}/evidence/complete")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
            await MilestoneWhen(id, m => m["metAt"] is null, "evidence-complete unmet by a reopened record");
            await (await client.PostAsync($"/api/cqc/inspections/{id}/evidence/complete", null)).Expect(HttpStatusCode.OK);
            await MilestoneWhen(id, m => m["metAt"] is not null, "evidence-complete met again");
        }
        // Nobody marks it met by hand.
        var byHand = await (await leadClient.PostJson($"/api/orchestrator/inspections/{id}/milestones/evidence-complete/met", new { note = "done" }))
            .ExpectProblem(HttpStatusCode.Conflict);
        Assert.Equal("milestone-met-by-record", byHand["rule"]!.GetValue<string>());

        await Platform.StopService("hmicfrs");
        try
        {
            var partial = await (await leadClient.GetAsync(path)).Expect(HttpStatusCode.OK);
            Assert.Equal("unknown", Status(partial, "hmicfrs")["status"]!.GetValue<string>());
            Assert.Equal("complete", Status(partial, "cqc")["status"]!.GetValue<string>());
            Assert.False(partial["complete"]!.GetValue<bool>());
        }
        finally
        {
            await Platform.StartService("hmicfrs");
        }

        // The services answer the orchestrator's own service token, not a person's; completeness is the team's.
        using var partner = Platform.Client(await Platform.Tokens.Partner("E08000032", "police"));
        (await partner.GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await (await Platform.Transition(id, "notified")).Expect(HttpStatusCode.OK);
        (await partner.GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    private async Task<JsonNode> MilestoneWhen(Guid id, Func<JsonNode, bool> until, string what)
    {
        JsonNode? milestone = null;
        await Testing.Platform.WaitUntil(async () => until(milestone = (await Platform.Timeline(id)).Milestone("evidence-complete")),
            TimeSpan.FromSeconds(30), what);
        return milestone!;
    }

    private static JsonNode Status(JsonNode view, string inspectorate) =>
        view["inspectorates"]!.AsArray().Single(s => s!["inspectorate"]!.GetValue<string>() == inspectorate)!;
}
