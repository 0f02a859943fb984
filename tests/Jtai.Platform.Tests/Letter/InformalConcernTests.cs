using System.Net;
using Jtai.Platform.Tests.Lifecycle;
using Jtai.Platform.Tests.Notices;
using Xunit;
using static Jtai.Platform.Tests.Evidence.EvidenceSteps;

namespace Jtai.Platform.Tests.Letter;

/// <summary>¶89: informal concerns, on the letter timeline's platform (the clock moves past fieldwork).</summary>
[Collection(LetterTimelineCollection.Name)]
public sealed class InformalConcernTests(LetterTimelineFixture fixture)
{
    private Testing.Platform Platform => fixture.Platform;

    [Fact]
    public async Task A_concern_is_resolved_by_the_team_or_goes_to_the_qa_manager_only_from_the_working_day_after_fieldwork()
    {
        var area = NoticeSteps.FreshArea();
        var lead = new Member($"lead-{area}", "ofsted", "lead-inspector");
        var qa = new Member($"qa-{area}", "ofsted", "qa-manager");
        var id = await Platform.InspectionWithTeam(area, "Concernshire", lead, qa);
        await (await Platform.Transition(id, "notified")).Expect(HttpStatusCode.OK);
        var concerns = $"/api/orchestrator/inspections/{id}/informal-concerns";
        using var la = Platform.Client(await Platform.Tokens.Partner(area, "local-authority", $"la-{area}"));
        using var health = Platform.Client(await Platform.Tokens.Partner(area, "health", $"icb-{area}"));

        var missing = await (await la.PostJson(concerns, new { text = "The team asked for case files not in scope." })).ExpectProblem(HttpStatusCode.BadRequest);
        Assert.NotNull(missing["errors"]!["raisedWith"]);
        var laConcern = await (await la.PostJson(concerns, new { raisedWith = "lead-inspector", text = "The team asked for case files not in scope." }))
            .Expect(HttpStatusCode.Created);
        Assert.Equal("raised", laConcern["state"]!.GetValue<string>());
        var healthConcern = await (await health.PostJson(concerns, new { raisedWith = "qa-manager", text = "Health practitioners were given no notice of the discussions." }))
            .Expect(HttpStatusCode.Created);

        // Each agency sees its own concerns; the staff see all.
        Assert.Single((await (await health.GetAsync(concerns)).Expect(HttpStatusCode.OK)).AsArray());
        using var leadClient = await Platform.As(lead);
        Assert.Equal(2, (await (await leadClient.GetAsync(concerns)).Expect(HttpStatusCode.OK)).AsArray().Count);

        // The lead inspector resolves one with the partnership during the inspection.
        var resolved = await (await leadClient.PostJson($"{concerns}/{laConcern["id"]}/resolution", new { resolution = "The request was withdrawn." })).Expect(HttpStatusCode.OK);
        Assert.Equal("resolved", resolved["state"]!.GetValue<string>());
        Assert.Equal("concern-state", (await (await leadClient.PostJson($"{concerns}/{laConcern["id"]}/resolution", new { resolution = "Again" }))
            .ExpectProblem(HttpStatusCode.Conflict))["rule"]!.GetValue<string>());

        // Unresolved, it goes to the QA manager only from the working day after fieldwork ends.
        var escalation = $"{concerns}/{healthConcern["id"]}/escalation";
        var early = await (await health.PostAsync(escalation, null)).ExpectProblem(HttpStatusCode.Conflict);
        Assert.Equal("qa-manager-after-fieldwork", early["rule"]!.GetValue<string>());
        var fieldworkEnd = DateOnly.Parse((await Platform.Timeline(id)).Milestone("fieldwork-end")["date"]!.GetValue<string>());
        var nextWorkingDay = fieldworkEnd.AddDays(fieldworkEnd.DayOfWeek == DayOfWeek.Friday ? 3 : 1);
        Assert.Contains(nextWorkingDay.ToString("yyyy-MM-dd"), early["detail"]!.GetValue<string>());
        (await la.PostAsync(escalation, null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        Platform.Clock.AdvanceTo(new DateTimeOffset(nextWorkingDay.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero));
        var escalated = await (await health.PostAsync(escalation, null)).Expect(HttpStatusCode.OK);
        Assert.Equal("with-qa-manager", escalated["state"]!.GetValue<string>());

        // The QA manager's discussion, CQC's QA manager joining: not resolved, so a formal complaint is open to the partnership.
        var discussion = $"{concerns}/{healthConcern["id"]}/qa-discussion";
        (await leadClient.PostJson(discussion, new { outcome = "x", resolved = true })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var qaClient = await Platform.As(qa);
        var wrongJoin = await (await qaClient.PostJson(discussion, new { outcome = "x", resolved = false, qaManagersJoining = new[] { "ofsted" } }))
            .ExpectProblem(HttpStatusCode.BadRequest);
        Assert.NotNull(wrongJoin["errors"]!["qaManagersJoining[0]"]);
        var discussed = await (await qaClient.PostJson(discussion, new
        {
            outcome = "The partnership maintains the practitioners had too little notice.", resolved = false, qaManagersJoining = new[] { "cqc" },
        })).Expect(HttpStatusCode.OK);
        Assert.Equal("unresolved", discussed["state"]!.GetValue<string>());
        Assert.Equal(["cqc"], discussed["qaManagersJoining"]!.AsArray().Select(j => j!.GetValue<string>()));
    }
}
