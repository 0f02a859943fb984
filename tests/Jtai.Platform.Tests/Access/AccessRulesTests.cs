using System.Net;
using System.Net.Http.Json;
using Jtai.Platform.Tests.InformationRequests;
using Jtai.Platform.Tests.Letter;
using Jtai.Platform.Tests.Lifecycle;
using Jtai.Testing.AnnexA;
using Xunit;
using static Jtai.Platform.Tests.Evidence.EvidenceSteps;

namespace Jtai.Platform.Tests.Access;

/// <summary>
/// Each rule the guidance sets, on the real stack and through the gateway: the caller's standing on the
/// inspection decides, not a role claim alone.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class AccessRulesTests(PlatformFixture fixture)
{
    private Testing.Platform Platform => fixture.Platform;

    private async Task<HttpClient> StaffOffTheTeam(string role, string inspectorate) =>
        Platform.Client(await Platform.Tokens.Staff(role, inspectorate, $"{inspectorate}-{role}-elsewhere"));

    /// <summary>¶77–83: Ofsted's lead inspector on the team writes the letter, sends the draft, decides the comments and issues the final letter.</summary>
    [Fact]
    public async Task Only_Ofsted_s_lead_inspector_on_the_team_drafts_sends_and_finalises_the_letter_and_only_the_team_and_named_managers_read_it()
    {
        var agreed = await Platform.AgreedFindings("E08000061", "Barnsley", ["local-authority"]);
        var cqcLead = new Member("cqc-lead-E08000061", "cqc", "lead-inspector");
        await Platform.Assign(agreed.InspectionId, cqcLead);
        var inspection = $"/api/orchestrator/inspections/{agreed.InspectionId}";
        var letter = $"{inspection}/letter";
        using var cqcLeadOnTeam = await Platform.As(cqcLead);
        using var ofstedLeadElsewhere = await StaffOffTheTeam("lead-inspector", "ofsted");
        using var cqcLeadElsewhere = await StaffOffTheTeam("lead-inspector", "cqc");
        using var lead = await Platform.As(agreed.Lead);

        foreach (var stranger in new[] { cqcLeadOnTeam, ofstedLeadElsewhere, cqcLeadElsewhere })
            (await stranger.PostJson(letter, LetterSteps.DraftRequest())).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await (await lead.PostJson(letter, LetterSteps.DraftRequest())).Expect(HttpStatusCode.Created);
        (await cqcLeadOnTeam.PutAsJsonAsync(letter, new { baseVersion = 1, headlineFindings = new[] { "x" }, mainFindings = new[] { "x" } }, Api.Json))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        // ¶80: the QA manager assigned to the inspection checks it; one elsewhere may not.
        using var qaElsewhere = await StaffOffTheTeam("qa-manager", "ofsted");
        (await qaElsewhere.PostAsync($"{letter}/quality-assurance", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var qa = await Platform.As(agreed.Qa);
        await (await qa.PostAsync($"{letter}/quality-assurance", null)).Expect(HttpStatusCode.OK);
        foreach (var inspectorate in new[] { "ofsted", "cqc", "hmicfrs" })
        {
            using var manager = Platform.Client(await Platform.Tokens.Staff("manager", inspectorate, $"manager-{inspectorate}"));
            await (await manager.PostAsync($"{letter}/agreements", null)).Expect(HttpStatusCode.OK);
        }
        foreach (var stranger in new[] { cqcLeadOnTeam, ofstedLeadElsewhere })
            (await stranger.PostAsync($"{letter}/draft/send", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await (await lead.PostAsync($"{letter}/draft/send", null)).Expect(HttpStatusCode.OK);
        foreach (var stranger in new[] { cqcLeadOnTeam, ofstedLeadElsewhere })
            (await stranger.PostAsync($"{letter}/final", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await Platform.FinalIssued(agreed);

        // The findings register, completeness and the letter in every form and route: the team and the named managers.
        string[] paths =
        [
            "findings", "evidence-completeness", "letter", "letter/versions", "letter/versions/1", "letter/versions/1/html",
            "letter/versions/1/text", "letter/draft", "letter/draft/html", "letter/factual-accuracy/comments",
            "letter/final", "letter/final/html", "letter/final/text",
        ];
        using var cqcInspectorElsewhere = await StaffOffTheTeam("inspector", "cqc");
        using var cqcManager = Platform.Client(await Platform.Tokens.Staff("manager", "cqc", "cqc-manager-anywhere"));
        using var nationalDirector = Platform.Client(await Platform.Tokens.Staff("national-director", "ofsted", "ofsted-national-director"));
        foreach (var path in paths)
        {
            foreach (var stranger in new[] { cqcInspectorElsewhere, ofstedLeadElsewhere, cqcLeadElsewhere })
                (await stranger.GetAsync($"{inspection}/{path}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            foreach (var reader in new[] { cqcLeadOnTeam, qa, cqcManager, nationalDirector })
                (await reader.GetAsync($"{inspection}/{path}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
    }

    /// <summary>¶81: the three inspectorates' lead inspectors on the team agree the findings; ¶80: the assigned QA manager confirms the links.</summary>
    [Fact]
    public async Task Findings_are_agreed_by_a_lead_inspector_on_the_team_and_confirmed_by_the_assigned_qa_manager()
    {
        var ofstedLead = new Member("ag-ofsted-lead", "ofsted", "lead-inspector");
        var hmicfrsLead = new Member("ag-hmicfrs-lead", "hmicfrs", "lead-inspector");
        var qa = new Member("ag-qa", "ofsted", "qa-manager");
        var id = await Platform.InspectionWithTeam("E08000052", "Doncaster", ofstedLead, hmicfrsLead, qa);
        using var lead = await Platform.As(ofstedLead);
        var summaryId = (await (await lead.PostJson($"/api/ofsted/shared-record/inspections/{id}/entries", new
        {
            kind = "evaluative-summary", text = "Strategy discussions are timely and well attended.", criteria = new[] { "EC5" },
        })).Expect(HttpStatusCode.Created))["id"]!.GetValue<Guid>();
        var findings = $"/api/orchestrator/inspections/{id}/findings";
        var finding = (await (await lead.PostJson(findings, new { kind = "strength", text = "Timely strategy discussions", agencies = new[] { "police" }, services = "strategy discussions", criteria = new[] { "EC5" } }))
            .Expect(HttpStatusCode.Created))["id"]!.GetValue<Guid>();
        await (await lead.PostJson($"{findings}/{finding}/links", new { summaryId })).Expect(HttpStatusCode.OK);

        using var qaElsewhere = await StaffOffTheTeam("qa-manager", "ofsted");
        (await qaElsewhere.PostAsync($"{findings}/{finding}/confirm-links", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var qaOnTeam = await Platform.As(qa);
        await (await qaOnTeam.PostAsync($"{findings}/{finding}/confirm-links", null)).Expect(HttpStatusCode.OK);

        using var cqcLeadElsewhere = await StaffOffTheTeam("lead-inspector", "cqc");
        using var ofstedManager = Platform.Client(await Platform.Tokens.Staff("manager", "ofsted", "ag-ofsted-manager"));
        foreach (var stranger in new[] { cqcLeadElsewhere, ofstedManager, qaOnTeam })
            (await stranger.PostAsync($"{findings}/agree", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var policeLead = await Platform.As(hmicfrsLead);
        var agreed = await (await policeLead.PostAsync($"{findings}/agree", null)).Expect(HttpStatusCode.OK);
        Assert.Equal(hmicfrsLead.UserId, agreed["agreedBy"]!.GetValue<string>());
    }

    /// <summary>Ofsted's lead and managers place anyone; CQC's and HMICFRS's managers their own people; nobody takes another inspectorate's place.</summary>
    [Fact]
    public async Task Team_changes_follow_each_inspectorate_s_own_people_and_nobody_takes_another_inspectorate_s_place()
    {
        var id = (await Platform.ScheduleInspection("E08000053", "Rotherham"))["id"]!.GetValue<Guid>();
        var team = $"/api/orchestrator/inspections/{id}/team";
        object Place(string name, string inspectorate, string role) => new { name, inspectorate, teamRole = role };
        using var ofstedManager = Platform.Client(await Platform.Tokens.Staff("manager", "ofsted", "tc-ofsted-manager"));
        using var cqcManager = Platform.Client(await Platform.Tokens.Staff("manager", "cqc", "tc-cqc-manager"));
        using var hmicfrsManager = Platform.Client(await Platform.Tokens.Staff("manager", "hmicfrs", "tc-hmicfrs-manager"));
        using var cqcLead = Platform.Client(await Platform.Tokens.Staff("lead-inspector", "cqc", "tc-cqc-lead"));

        await (await ofstedManager.PutAsJsonAsync($"{team}/tc-ofsted-lead", Place("Al Ofsted", "ofsted", "lead-inspector"), Api.Json)).Expect(HttpStatusCode.OK);
        // A CQC manager cannot re-assign Ofsted's lead as a CQC inspector, nor remove him.
        var takeover = await (await cqcManager.PutAsJsonAsync($"{team}/tc-ofsted-lead", Place("Al Ofsted", "cqc", "inspector"), Api.Json))
            .ExpectProblem(HttpStatusCode.Forbidden);
        Assert.Equal("own-inspectorate-team", takeover["rule"]!.GetValue<string>());
        (await cqcManager.DeleteAsync($"{team}/tc-ofsted-lead")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        // Nor add themselves as Ofsted staff to reach the shared record; their own people they place.
        (await cqcManager.PutAsJsonAsync($"{team}/tc-cqc-manager", Place("Cat CQC", "ofsted", "inspector"), Api.Json)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await (await cqcManager.PutAsJsonAsync($"{team}/tc-cqc-jo", Place("Jo CQC", "cqc", "inspector"), Api.Json)).Expect(HttpStatusCode.OK);
        // A lead inspector of CQC does not staff the team; HMICFRS's manager does not change CQC's people.
        (await cqcLead.PutAsJsonAsync($"{team}/tc-cqc-lead", Place("Lee CQC", "cqc", "lead-inspector"), Api.Json)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await hmicfrsManager.PutAsJsonAsync($"{team}/tc-cqc-jo", Place("Jo CQC", "cqc", "lead-inspector"), Api.Json)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await hmicfrsManager.DeleteAsync($"{team}/tc-cqc-jo")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        // Ofsted's lead on the team places anyone, but not into another inspectorate's place.
        using var ofstedLead = Platform.Client(await Platform.Tokens.Staff("lead-inspector", "ofsted", "tc-ofsted-lead"));
        await (await ofstedLead.PutAsJsonAsync($"{team}/tc-hmicfrs-1", Place("Pat HMICFRS", "hmicfrs", "inspector"), Api.Json)).Expect(HttpStatusCode.OK);
        var moved = await (await ofstedLead.PutAsJsonAsync($"{team}/tc-cqc-jo", Place("Jo CQC", "ofsted", "inspector"), Api.Json)).ExpectProblem(HttpStatusCode.Forbidden);
        Assert.Equal("inspectorate-place", moved["rule"]!.GetValue<string>());
        // One lead inspector per inspectorate: CQC's own lead beside Ofsted's.
        await (await cqcManager.PutAsJsonAsync($"{team}/tc-cqc-jo", Place("Jo CQC", "cqc", "lead-inspector"), Api.Json)).Expect(HttpStatusCode.OK);
        var second = await (await cqcManager.PutAsJsonAsync($"{team}/tc-cqc-2", Place("Sam CQC", "cqc", "lead-inspector"), Api.Json)).ExpectProblem(HttpStatusCode.Conflict);
        Assert.Equal("one-lead-inspector", second["rule"]!.GetValue<string>());
        await (await cqcManager.DeleteAsync($"{team}/tc-cqc-jo")).Expect(HttpStatusCode.NoContent);

        var members = await (await ofstedManager.GetAsync(team)).Expect(HttpStatusCode.OK);
        Assert.Equal(["hmicfrs:tc-hmicfrs-1:inspector", "ofsted:tc-ofsted-lead:lead-inspector"],
            members.AsArray().Select(m => $"{m!["inspectorate"]}:{m["userId"]}:{m["teamRole"]}").Order());
    }

    /// <summary>¶16: nothing of an inspection before the area is notified, then only its own area's; no uploads before.</summary>
    [Fact]
    public async Task Partners_see_nothing_of_an_inspection_until_notified_then_only_their_own_area_s()
    {
        const string area = "E08000054";
        var id = (await Platform.ScheduleInspection(area, "Wakefield"))["id"]!.GetValue<Guid>();
        await Platform.CopyHeldBy("ofsted", id);
        using var la = Platform.Client(await Platform.Tokens.Partner(area, "local-authority", "pn-la"));
        using var otherArea = Platform.Client(await Platform.Tokens.Partner("E08000025", "local-authority", "pn-elsewhere"));
        var inspection = $"/api/orchestrator/inspections/{id}";
        string[] reads = [inspection, $"{inspection}/timeline", $"{inspection}/transitions", $"{inspection}/deferral-requests",
            $"{inspection}/information-requests", $"{Exchange.Base(id)}/annex-a/uploads", $"{Exchange.Base(id)}/documents"];

        foreach (var path in reads) (await la.GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        Assert.Empty((await (await la.GetAsync("/api/orchestrator/inspections")).Expect(HttpStatusCode.OK))["items"]!.AsArray());
        (await la.UploadDocument(id, "audit-list", Exchange.Pdf("audits"), "audits.pdf")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var ofstedManager = Platform.Client(await Platform.Tokens.Staff("manager", "ofsted", "pn-ofsted-manager"));
        Assert.Empty((await (await ofstedManager.GetAsync("/api/ofsted/inspections/" + id + "/notifications")).Expect(HttpStatusCode.OK)).AsArray());

        await (await Platform.Transition(id, "notified")).Expect(HttpStatusCode.OK);
        await Platform.NotifiedKnownTo("ofsted", id);
        foreach (var path in reads)
        {
            (await la.GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await otherArea.GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }
        Assert.Equal([id], (await la.AllPages("/api/orchestrator/inspections")).Select(i => i["id"]!.GetValue<Guid>()));
        await (await la.UploadDocument(id, "audit-list", Exchange.Pdf("audits"), "audits.pdf")).Expect(HttpStatusCode.Created);
        (await otherArea.UploadDocument(id, "audit-list", Exchange.Pdf("audits"), "audits.pdf")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    /// <summary>¶23, ¶29, ¶91, ¶105: every inspectorate analyses the Annex A information; its team members read it, each read audited.</summary>
    [Fact]
    public async Task Cqc_and_hmicfrs_team_members_read_the_annex_a_information_and_every_read_is_audited()
    {
        var id = await Platform.InspectionWithTeam(area: "E08000055");
        var cqc = new Member("aa-cqc-1", "cqc", "inspector");
        var hmicfrs = new Member("aa-hmicfrs-1", "hmicfrs", "inspector");
        await Platform.Assign(id, cqc, hmicfrs);
        using var la = Platform.Client(await Platform.Tokens.Partner("E08000055", "local-authority", "aa-la"));
        using var police = Platform.Client(await Platform.Tokens.Partner("E08000055", "police", "aa-police"));
        var list = new AnnexAFiles(seed: 11, DateOnly.FromDateTime(Platform.Clock.GetUtcNow().UtcDateTime), children: 40).List(1, 30);
        await (await la.UploadList(id, 1, list.ToCsvBytes(), "list1.csv")).Expect(HttpStatusCode.Created);
        var document = (await (await police.UploadDocument(id, "performance/3.1", Exchange.Pdf("police data"), "3-1.pdf")).Expect(HttpStatusCode.Created))["id"]!.GetValue<Guid>();
        await (await la.UploadDocument(id, "audit-list", Exchange.Pdf("audits"), "audits.pdf")).Expect(HttpStatusCode.Created);

        foreach (var member in new[] { cqc, hmicfrs })
        {
            using var client = await Platform.As(member);
            var rows = await (await client.GetAsync($"{Exchange.Base(id)}/annex-a/lists/1/rows")).Expect(HttpStatusCode.OK);
            Assert.Equal(30, rows["total"]!.GetValue<int>());
            Assert.Equal(2, (await client.AllPages($"{Exchange.Base(id)}/documents")).Count);
            (await client.GetAsync($"{Exchange.Base(id)}/documents/{document}")).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await client.GetAsync(Exchange.Selection(id))).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        using (var cqcClient = await Platform.As(cqc))
        {
            var log = await cqcClient.AllPages($"{Exchange.Base(id)}/audit-log");
            foreach (var member in new[] { cqc, hmicfrs })
                Assert.Contains(log, e => e!["userId"]!.GetValue<string>() == member.UserId && e["role"]!.GetValue<string>() == $"{member.Inspectorate}/inspector");
        }
        // Off the team, or a partner: unchanged.
        using var cqcElsewhere = await StaffOffTheTeam("inspector", "cqc");
        (await cqcElsewhere.GetAsync($"{Exchange.Base(id)}/annex-a/lists/1/rows")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await police.GetAsync($"{Exchange.Base(id)}/annex-a/lists/1/rows")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        Assert.Single(await police.AllPages($"{Exchange.Base(id)}/documents"));
    }

    /// <summary>¶76: names are removed from an evidence record by its author or by its own inspectorate's lead inspector.</summary>
    [Fact]
    public async Task Names_are_removed_from_a_record_only_by_its_author_or_its_own_inspectorate_s_lead()
    {
        var author = new Member("nr-cqc-author", "cqc", "inspector");
        var colleague = new Member("nr-cqc-colleague", "cqc", "inspector");
        var cqcLead = new Member("nr-cqc-lead", "cqc", "lead-inspector");
        var ofstedLead = new Member("nr-ofsted-lead", "ofsted", "lead-inspector");
        var id = await Platform.InspectionWithTeam("E08000056", "Kirklees", author, colleague, cqcLead, ofstedLead);
        var now = Platform.Clock.GetUtcNow();
        async Task<Guid> Named(HttpClient client) => (await client.WriteRecord("cqc", id, Record(now,
            text: "Jane Smith (J.S.) of the ICB joined the strategy discussion for child 4471.",
            people: [new { initials = "JS", role = "designated nurse", name = "Jane Smith", nameReason = "Links health and LA records" }])))["id"]!.GetValue<Guid>();
        using var authorClient = await Platform.As(author);
        var first = await Named(authorClient);
        var second = await Named(authorClient);
        var evidence = $"/api/cqc/inspections/{id}/evidence";

        using var colleagueClient = await Platform.As(colleague);
        var refused = await (await colleagueClient.PostAsync($"{evidence}/{first}/remove-names", null)).ExpectProblem(HttpStatusCode.Forbidden);
        Assert.Equal("author-or-lead-removes-names", refused["rule"]!.GetValue<string>());
        (await colleagueClient.PostAsync($"{evidence}/remove-names", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        // Ofsted's lead leads the inspection, not CQC's records.
        using var ofstedLeadClient = await Platform.As(ofstedLead);
        (await ofstedLeadClient.PostAsync($"{evidence}/{first}/remove-names", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        await (await authorClient.PostAsync($"{evidence}/{first}/remove-names", null)).Expect(HttpStatusCode.OK);
        using var cqcLeadClient = await Platform.As(cqcLead);
        await (await cqcLeadClient.PostAsync($"{evidence}/{second}/remove-names", null)).Expect(HttpStatusCode.OK);
        await (await cqcLeadClient.PostAsync($"{evidence}/remove-names", null)).Expect(HttpStatusCode.OK);
        Assert.DoesNotContain("Jane Smith", (await (await authorClient.GetAsync(evidence)).Expect(HttpStatusCode.OK)).ToJsonString());
    }
}
