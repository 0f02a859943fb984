using System.Net;
using Xunit;
using static Jtai.Platform.Tests.Evidence.EvidenceSteps;

namespace Jtai.Platform.Tests.Evidence;

/// <summary>The shared evidence record (held by Ofsted for all) and the findings register that rests on it.</summary>
[Collection(PlatformCollection.Name)]
public sealed class SharedRecordTests(PlatformFixture fixture)
{
    private Testing.Platform Platform => fixture.Platform;

    [Fact]
    public async Task Cqc_and_hmicfrs_team_members_write_to_ofsteds_shared_record_through_the_gateway_others_are_refused()
    {
        var lead = new Member("sr-ofsted-lead", "ofsted", "lead-inspector");
        var cqc = new Member("sr-cqc-1", "cqc", "inspector");
        var hmicfrs = new Member("sr-hmicfrs-1", "hmicfrs", "inspector");
        var id = await Platform.InspectionWithTeam("E08000029", "Solihull", lead, cqc, hmicfrs);
        var at = Platform.Clock.GetUtcNow().AddHours(-1);

        using var cqcClient = await Platform.As(cqc);
        var summary = await (await cqcClient.PostJson($"/api/ofsted/shared-record/inspections/{id}/entries", new
        {
            kind = "evaluative-summary",
            text = "Health practitioners share information promptly at the front door; the difference for children is quicker safety planning.",
            criteria = new[] { "EC2", "EC4" }, agencies = new[] { "health" },
            onBehalfOf = new[] { cqc.UserId, hmicfrs.UserId },
        })).Expect(HttpStatusCode.Created);
        Assert.Equal("cqc", summary["authorInspectorate"]!.GetValue<string>());
        Assert.Equal(2, summary["onBehalfOf"]!.AsArray().Count);

        using var hmicfrsClient = await Platform.As(hmicfrs);
        await (await hmicfrsClient.PostJson($"/api/ofsted/shared-record/inspections/{id}/entries", new
        {
            kind = "kit-meeting-notes", text = "KIT Wednesday: two concerns followed up; response awaited.", meetingAt = at,
        })).Expect(HttpStatusCode.Created);
        var noCriteria = await hmicfrsClient.PostJson($"/api/ofsted/shared-record/inspections/{id}/entries", new
        {
            kind = "evaluative-summary", text = "Police decision-making is timely.", onBehalfOf = new[] { hmicfrs.UserId },
        });
        var problem = await noCriteria.ExpectProblem(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["criteria"]);
        Assert.NotNull(problem["errors"]!["onBehalfOf"]);

        var all = await hmicfrsClient.AllPages($"/api/ofsted/shared-record/inspections/{id}/entries");
        Assert.Equal(2, all.Count);

        // Not on the team, or not inspectorate staff: refused.
        using var outsider = Platform.Client(await Platform.Tokens.Staff("inspector", "cqc", "sr-cqc-outsider"));
        (await outsider.GetAsync($"/api/ofsted/shared-record/inspections/{id}/entries")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var partner = Platform.Client(await Platform.Tokens.Partner("E08000029", "health"));
        (await partner.GetAsync($"/api/ofsted/shared-record/inspections/{id}/entries")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        // The rest of Ofsted's API stays Ofsted's: the shared-record route does not open it.
        (await cqcClient.GetAsync($"/api/ofsted/inspections/{id}/evidence")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Findings_cannot_be_agreed_while_any_is_unlinked_or_unconfirmed_links_must_name_real_summaries()
    {
        var lead = new Member("fi-ofsted-lead", "ofsted", "lead-inspector");
        var police = new Member("fi-hmicfrs-1", "hmicfrs", "inspector");
        var qaManager = new Member("fi-qa", "ofsted", "qa-manager");
        var id = await Platform.InspectionWithTeam("E08000030", "Walsall", lead, police, qaManager);

        using var leadClient = await Platform.As(lead);
        var summaryId = (await (await leadClient.PostJson($"/api/ofsted/shared-record/inspections/{id}/entries", new
        {
            kind = "evaluative-summary", text = "Thresholds are understood and applied consistently in the MASH.", criteria = new[] { "EC1" },
        })).Expect(HttpStatusCode.Created))["id"]!.GetValue<Guid>();

        var findings = $"/api/orchestrator/inspections/{id}/findings";
        var bad = await leadClient.PostJson(findings, new { kind = "strength", text = "x", agencies = Array.Empty<string>(), criteria = new[] { "EC99" } });
        var problem = await bad.ExpectProblem(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["agencies"]);
        Assert.NotNull(problem["errors"]!["criteria[0]"]);

        var strength = await (await leadClient.PostJson(findings, new
        {
            kind = "strength", text = "Consistent application of thresholds in the MASH.", agencies = new[] { "local-authority" },
            services = "MASH", criteria = new[] { "EC1" },
        })).Expect(HttpStatusCode.Created);
        using var policeClient = await Platform.As(police);
        var priority = await (await policeClient.PostJson(findings, new
        {
            kind = "area-for-priority-action", text = "Delays in police attendance at strategy discussions.", agencies = new[] { "police" },
            services = "Police attendance at strategy discussions", criteria = new[] { "EC6" },
        })).Expect(HttpStatusCode.Created);

        var unlinked = await (await leadClient.PostAsync($"{findings}/agree", null)).ExpectProblem(HttpStatusCode.Conflict);
        Assert.Equal("findings-link-to-evidence", unlinked["rule"]!.GetValue<string>());

        // A link must name an evaluative summary of this inspection in Ofsted's shared record (checked over gRPC).
        var unknown = await leadClient.PostJson($"{findings}/{strength["id"]}/links", new { summaryId = Guid.NewGuid() });
        Assert.NotNull((await unknown.ExpectProblem(HttpStatusCode.BadRequest))["errors"]!["summaryId"]);
        await (await leadClient.PostJson($"{findings}/{strength["id"]}/links", new { summaryId })).Expect(HttpStatusCode.OK);

        var stillUnlinked = await (await leadClient.PostAsync($"{findings}/agree", null)).ExpectProblem(HttpStatusCode.Conflict);
        Assert.Equal("findings-link-to-evidence", stillUnlinked["rule"]!.GetValue<string>());
        Assert.Contains(priority["id"]!.GetValue<string>(), stillUnlinked["detail"]!.GetValue<string>());

        await (await policeClient.PostJson($"{findings}/{priority["id"]}/links", new { summaryId })).Expect(HttpStatusCode.OK);
        var unconfirmed = await (await leadClient.PostAsync($"{findings}/agree", null)).ExpectProblem(HttpStatusCode.Conflict);
        Assert.Equal("qa-confirms-links", unconfirmed["rule"]!.GetValue<string>());

        using var qa = Platform.Client(await Platform.Tokens.Staff("qa-manager", "ofsted", "fi-qa"));
        (await leadClient.PostAsync($"{findings}/{strength["id"]}/confirm-links", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        foreach (var f in new[] { strength, priority })
            await (await qa.PostAsync($"{findings}/{f["id"]}/confirm-links", null)).Expect(HttpStatusCode.OK);

        var agreed = await (await leadClient.PostAsync($"{findings}/agree", null)).Expect(HttpStatusCode.OK);
        Assert.True(agreed["agreed"]!.GetValue<bool>());
        Assert.All(agreed["findings"]!.AsArray(), f => Assert.Equal(summaryId, f!["links"]![0]!["summaryId"]!.GetValue<Guid>()));
        var late = await (await leadClient.PostJson(findings, new { kind = "strength", text = "late", agencies = new[] { "police" }, services = "Child protection investigations", criteria = new[] { "EC1" } }))
            .ExpectProblem(HttpStatusCode.Conflict);
        Assert.Equal("findings-agreed", late["rule"]!.GetValue<string>());
    }
}
