using System.Net;
using System.Text.Json.Nodes;
using Xunit;
using static Jtai.Platform.Tests.Evidence.EvidenceSteps;

using Jtai.Platform.Tests.Lifecycle;

namespace Jtai.Platform.Tests.Evidence;

/// <summary>¶70–71: raise, notify at once, written response, both evaluations, both signatures; open ones for KIT follow-up.</summary>
[Collection(PlatformCollection.Name)]
public sealed class IssuesOfConcernTests(PlatformFixture fixture)
{
    private Testing.Platform Platform => fixture.Platform;

    [Fact]
    public async Task The_whole_issue_of_concern_path_each_step_time_stamped_open_issues_listed_for_kit_follow_up()
    {
        const string area = "E08000031";
        var lead = new Member("ic-ofsted-lead", "ofsted", "lead-inspector");
        var raiser = new Member("ic-hmicfrs-1", "hmicfrs", "inspector");
        var colleague = new Member("ic-cqc-1", "cqc", "inspector");
        var id = await Platform.InspectionWithTeam(area, "Wolverhampton", lead, raiser, colleague);
        // Concerns arise on site: the area has been notified, so its partners see the inspection.
        await (await Platform.Transition(id, "notified")).Expect(HttpStatusCode.OK);
        await Platform.NotifiedKnownTo("ofsted", id);
        var issues = $"/api/ofsted/issues-of-concern/inspections/{id}";

        using var raiserClient = await Platform.As(raiser);
        var invalid = await raiserClient.PostJson(issues, new { category = "worry", agency = "army" });
        var problem = await invalid.ExpectProblem(HttpStatusCode.BadRequest);
        foreach (var field in new[] { "category", "agency", "description", "seniorOfficerName", "seniorOfficerRole", "seniorOfficerEmail" })
            Assert.NotNull(problem["errors"]![field]);

        var raised = await (await raiserClient.PostJson(issues, new
        {
            category = "child-at-immediate-risk",
            description = "Child 5531 (K.L.) left at home after a police call-out with no strategy discussion held.",
            childReference = "5531", agency = "police",
            seniorOfficerName = "Detective Superintendent R.T.", seniorOfficerRole = "Head of public protection",
            seniorOfficerEmail = $"public-protection-{id:N}@police.example.gov.uk",
        })).Expect(HttpStatusCode.Created);
        var issueId = raised["id"]!.GetValue<Guid>();
        Assert.Equal("awaiting-response", raised["stage"]!.GetValue<string>());
        // Notified means delivered: the notice is queued with the record and the time is set when it is sent.
        Assert.Null(raised["seniorOfficerNotifiedAt"]);
        await Platform.Mail.WaitForMail($"public-protection-{id:N}@police.example.gov.uk");
        await Testing.Platform.WaitUntil(async () =>
            (await (await raiserClient.GetAsync($"{issues}/{issueId}")).Expect(HttpStatusCode.OK))["seniorOfficerNotifiedAt"] is JsonValue,
            TimeSpan.FromSeconds(15), "the senior officer to count as notified");

        // The notification left Ofsted's service through its outbox at once.
        using var ops = Platform.Client(await Platform.Tokens.Operations());
        await Testing.Platform.WaitUntil(async () =>
        {
            var flow = await (await ops.GetAsync($"/api/orchestrator/operations/inspections/{id}/flow?limit=200")).Expect(HttpStatusCode.OK);
            return flow["messages"]!.AsArray().Any(m => m!["service"]!.GetValue<string>() == "ofsted"
                && m["messageType"]!.GetValue<string>().EndsWith("IssueOfConcernRaised") && m["outcome"]!.GetValue<string>() == "published");
        }, TimeSpan.FromSeconds(15), "IssueOfConcernRaised published by ofsted");

        using var leadClient = await Platform.As(lead);
        var kit = await leadClient.AllPages($"{issues}/kit-follow-up");
        Assert.Contains(kit, i => i!["id"]!.GetValue<Guid>() == issueId);

        var early = await (await raiserClient.PostJson($"{issues}/{issueId}/evaluation", new { text = "too soon" })).ExpectProblem(HttpStatusCode.Conflict);
        Assert.Equal("evaluate-after-response", early["rule"]!.GetValue<string>());

        // The senior officer is the police of this area: health, or police elsewhere, may not answer for them.
        using var health = Platform.Client(await Platform.Tokens.Partner(area, "health"));
        (await health.PostJson($"{issues}/{issueId}/response", new { text = "x" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var otherPolice = Platform.Client(await Platform.Tokens.Partner("E08000025", "police"));
        (await otherPolice.GetAsync($"{issues}/{issueId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var officer = Platform.Client(await Platform.Tokens.Partner(area, "police"));
        (await officer.GetAsync($"{issues}/kit-follow-up")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var responded = await (await officer.PostJson($"{issues}/{issueId}/response", new
        {
            text = "A strategy discussion was held the same day; the child is safe with a relative.",
        })).Expect(HttpStatusCode.OK);
        Assert.Equal("awaiting-evaluation", responded["stage"]!.GetValue<string>());

        // Only the raising inspector and the lead evaluate.
        using var colleagueClient = await Platform.As(colleague);
        (await colleagueClient.PostJson($"{issues}/{issueId}/evaluation", new { text = "x" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await (await raiserClient.PostJson($"{issues}/{issueId}/evaluation", new { text = "Response is adequate for the child; wider practice remains a concern." }))
            .Expect(HttpStatusCode.OK);
        var tooEarlyToSign = await (await leadClient.PostAsync($"{issues}/{issueId}/signature", null)).ExpectProblem(HttpStatusCode.Conflict);
        Assert.Equal("sign-after-evaluation", tooEarlyToSign["rule"]!.GetValue<string>());
        var evaluated = await (await leadClient.PostJson($"{issues}/{issueId}/evaluation", new { text = "Agreed; to be followed up in case sampling." }))
            .Expect(HttpStatusCode.OK);
        Assert.Equal("awaiting-signatures", evaluated["stage"]!.GetValue<string>());
        // Shared with the senior officer, who can read both evaluations.
        var seen = await (await officer.GetAsync($"{issues}/{issueId}")).Expect(HttpStatusCode.OK);
        Assert.NotNull(seen["leadEvaluation"]);

        await (await leadClient.PostAsync($"{issues}/{issueId}/signature", null)).Expect(HttpStatusCode.OK);
        Assert.Contains(await leadClient.AllPages($"{issues}/kit-follow-up"),
            i => i!["id"]!.GetValue<Guid>() == issueId);
        var closed = await (await officer.PostAsync($"{issues}/{issueId}/signature", null)).Expect(HttpStatusCode.OK);
        Assert.Equal("closed", closed["stage"]!.GetValue<string>());
        foreach (var step in new[] { "raisedAt", "seniorOfficerNotifiedAt", "responseAt", "inspectorEvaluatedAt", "leadEvaluatedAt",
                     "evaluationSharedAt", "leadSignedAt", "seniorOfficerSignedAt", "closedAt" })
            Assert.True(closed[step] is JsonValue, $"{step} is time-stamped");

        Assert.DoesNotContain(await leadClient.AllPages($"{issues}/kit-follow-up"),
            i => i!["id"]!.GetValue<Guid>() == issueId);
        var again = await (await officer.PostAsync($"{issues}/{issueId}/signature", null)).ExpectProblem(HttpStatusCode.Conflict);
        Assert.Equal("issue-closed", again["rule"]!.GetValue<string>());
    }
}
