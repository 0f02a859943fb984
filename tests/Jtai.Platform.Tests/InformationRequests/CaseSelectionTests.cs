using System.Net;
using System.Text.Json.Nodes;
using Jtai.Testing.AnnexA;
using Xunit;

namespace Jtai.Platform.Tests.InformationRequests;

/// <summary>The 30 → at least 5 case selection (¶97–99), the partners' answers, and the case records that follow.</summary>
[Collection(PlatformCollection.Name)]
public sealed class CaseSelectionTests(PlatformFixture fixture)
{
    private Testing.Platform Platform => fixture.Platform;

    private async Task<(Guid Id, AnnexAFiles Area)> InspectionWithLists()
    {
        var id = await Platform.InspectionWithTeam();
        var area = new AnnexAFiles(seed: 21, DateOnly.FromDateTime(Platform.Clock.GetUtcNow().UtcDateTime), children: 400);
        using var la = Platform.Client(await Platform.Tokens.Partner(Steps.Area, "local-authority"));
        foreach (var (list, rows) in new[] { (1, 600), (2, 200), (3, 300), (4, 200), (5, 120) })
            await (await la.UploadList(id, list, area.List(list, rows).ToCsvBytes())).Expect(HttpStatusCode.Created);
        return (id, area);
    }

    [Fact]
    public async Task The_lead_selects_30_from_a_balanced_proposal_partners_answer_and_at_least_5_go_to_audit()
    {
        var (id, area) = await InspectionWithLists();
        using var lead = Platform.Client(await Platform.Tokens.Staff("lead-inspector", "ofsted"));

        // The proposal: 30 children spread over every dimension of ¶97.
        var proposal = await (await lead.GetAsync($"{Exchange.Selection(id)}/proposal")).Expect(HttpStatusCode.OK);
        var proposed = proposal["children"]!.AsArray().Select(c => c!["childId"]!.GetValue<string>()).ToList();
        Assert.Equal(30, proposed.Distinct().Count());
        var balance = proposal["balance"]!["dimensions"]!;
        foreach (var dimension in new[] { "ageBand", "sex", "ethnicity", "disability", "timeSinceLastContact", "needLevel", "referringAgency" })
            Assert.NotNull(balance[dimension]);
        // Every level of need and every age band present in the lists is in the proposal.
        var population = proposal["population"]!["dimensions"]!;
        foreach (var dimension in new[] { "needLevel", "ageBand" })
            Assert.Equal(population[dimension]!.AsObject().Select(kv => kv.Key).Order(), balance[dimension]!.AsObject().Select(kv => kv.Key).Order());
        Assert.True(balance["ethnicity"]!.AsObject().Count >= 5, "the 30 span several ethnic groups");

        // The balance of any set the lead is weighing.
        var someSet = await (await lead.PostJson($"{Exchange.Selection(id)}/balance", new { childIds = proposed.Take(10) })).Expect(HttpStatusCode.OK);
        Assert.Equal(10, someSet["children"]!.GetValue<int>());

        // Not 30, or a child not on the lists: refused, naming the rule.
        var refused29 = await (await lead.PutAsync($"{Exchange.Selection(id)}/thirty", Json(new { childIds = proposed.Take(29) }))).ExpectProblem(HttpStatusCode.BadRequest);
        Assert.Contains("30", refused29["errors"]!["childIds"]![0]!.GetValue<string>());
        var stranger = proposed.Take(29).Append("NOT-A-CHILD").ToList();
        var refusedStranger = await (await lead.PutAsync($"{Exchange.Selection(id)}/thirty", Json(new { childIds = stranger }))).ExpectProblem(HttpStatusCode.BadRequest);
        Assert.NotNull(refusedStranger["errors"]!["childIds[29]"]);
        // Only the lead selects.
        using var inspector = Platform.Client(await Platform.Tokens.Staff("inspector", "ofsted"));
        (await inspector.PutAsync($"{Exchange.Selection(id)}/thirty", Json(new { childIds = proposed }))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var thirty = await (await lead.PutAsync($"{Exchange.Selection(id)}/thirty", Json(new { childIds = proposed }))).Expect(HttpStatusCode.OK);
        Assert.Equal(30, thirty["selected"]!.GetValue<int>());

        // Police and health each see the 30 with their own questions, and answer them.
        using var police = Platform.Client(await Platform.Tokens.Partner(Steps.Area, "police"));
        using var health = Platform.Client(await Platform.Tokens.Partner(Steps.Area, "health"));
        var asked = (await (await police.GetAsync($"{Exchange.Selection(id)}/asked")).Expect(HttpStatusCode.OK)).AsArray();
        Assert.Equal(30, asked.Count);
        Assert.Equal(["childKnownToPolice", "parentsOrCarersKnownToPolice"], asked[0]!["questions"]!.AsArray().Select(q => q!.GetValue<string>()));

        var notAmong = await (await police.PutAsync($"{Exchange.Selection(id)}/answers", Json(new
        {
            answers = new[] { new { childId = "NOT-A-CHILD", childKnownToPolice = true, parentsOrCarersKnownToPolice = false } },
        }))).ExpectProblem(HttpStatusCode.BadRequest);
        Assert.NotNull(notAmong["errors"]!["answers[0].childId"]);
        var healthQuestionFromPolice = await (await police.PutAsync($"{Exchange.Selection(id)}/answers", Json(new
        {
            answers = new[] { new { childId = proposed[0], childKnownToPolice = true, parentsOrCarersKnownToPolice = false, healthSupportBeyondUniversalServices = true } },
        }))).ExpectProblem(HttpStatusCode.BadRequest);
        Assert.NotNull(healthQuestionFromPolice["errors"]!["answers[0].healthSupportBeyondUniversalServices"]);

        await (await police.PutAsync($"{Exchange.Selection(id)}/answers", Json(new
        {
            answers = proposed.Select((c, i) => new { childId = c, childKnownToPolice = i % 3 == 0, parentsOrCarersKnownToPolice = i % 4 == 0 }),
        }))).Expect(HttpStatusCode.OK);
        await (await health.PutAsync($"{Exchange.Selection(id)}/answers", Json(new
        {
            answers = proposed.Select((c, i) => new { childId = c, healthSupportBeyondUniversalServices = i % 2 == 0 }),
        }))).Expect(HttpStatusCode.OK);
        // The local authority is not asked these questions.
        using var la = Platform.Client(await Platform.Tokens.Partner(Steps.Area, "local-authority"));
        (await la.PutAsync($"{Exchange.Selection(id)}/answers", Json(new { answers = new[] { new { childId = proposed[0], childKnownToPolice = true } } })))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var withAnswers = await (await lead.GetAsync(Exchange.Selection(id))).Expect(HttpStatusCode.OK);
        var first = withAnswers["children"]!.AsArray().Single(c => c!["childId"]!.GetValue<string>() == proposed[0])!;
        Assert.True(first["childKnownToPolice"]!.GetValue<bool>());
        Assert.True(first["healthSupportBeyondUniversalServices"]!.GetValue<bool>());

        // At least 5 of the 30 for audit: fewer, or a child not among the 30, refused.
        var four = await (await lead.PutAsync($"{Exchange.Selection(id)}/audit", Json(new { childIds = proposed.Take(4) }))).ExpectProblem(HttpStatusCode.BadRequest);
        Assert.Contains("at least 5", four["errors"]!["childIds"]![0]!.GetValue<string>());
        var outsider = area.Children.Select(c => c.Id).First(c => !proposed.Contains(c));
        var notInThirty = await (await lead.PutAsync($"{Exchange.Selection(id)}/audit", Json(new { childIds = proposed.Take(5).Append(outsider) }))).ExpectProblem(HttpStatusCode.BadRequest);
        Assert.Contains("not among the 30", notInThirty["errors"]!["childIds[5]"]![0]!.GetValue<string>());
        var audit = await (await lead.PutAsync($"{Exchange.Selection(id)}/audit", Json(new { childIds = proposed.Take(6) }))).Expect(HttpStatusCode.OK);
        Assert.Equal(6, audit["forAudit"]!.GetValue<int>());

        // The 30 cannot change once the audit selection is made.
        var frozen = await (await lead.PutAsync($"{Exchange.Selection(id)}/thirty", Json(new { childIds = proposed }))).ExpectProblem(HttpStatusCode.Conflict);
        Assert.Equal("audit-selection-made", frozen["rule"]!.GetValue<string>());

        // The checklist shows the lead's selections and both partners' answers, on time.
        using var orchestrator = Platform.Client(await Platform.Tokens.Staff("lead-inspector", "ofsted"));
        foreach (var (key, agency) in new[] { ("case-selection/thirty", "ofsted"), ("selection-answers/police", "police"),
                     ("selection-answers/health", "health"), ("case-selection/audit", "ofsted") })
            Assert.Equal("on-time", (await orchestrator.ChecklistItemReceived(id, key, agency))["status"]!.GetValue<string>());

        // Case records follow for the children chosen for audit: each agency its own, for those children only.
        var chosen = proposed[0];
        var record = Exchange.Pdf("incident log");
        var filed = await (await police.UploadDocument(id, $"case-records/police/{chosen}?recordType=incident-logs", record, "incidents.pdf")).Expect(HttpStatusCode.Created);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(record)), filed["sha256"]!.GetValue<string>());
        (await police.UploadDocument(id, $"case-records/health/{chosen}?recordType=mash-referrals", record, "health.pdf"))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var notChosen = await (await police.UploadDocument(id, $"case-records/police/{proposed[20]}?recordType=incident-logs", record, "incidents.pdf"))
            .ExpectProblem(HttpStatusCode.BadRequest);
        Assert.NotNull(notChosen["errors"]!["childId"]);
        await (await health.UploadDocument(id, $"case-records/health/{chosen}?recordType=mash-referrals", Exchange.Pdf("referral"), "referral.pdf"))
            .Expect(HttpStatusCode.Created);
        await (await la.UploadDocument(id, $"partnership-audits/{chosen}?evaluation=multi-agency", Exchange.Pdf("evaluation"), "evaluation.pdf"))
            .Expect(HttpStatusCode.Created);
        await orchestrator.ChecklistItemReceived(id, "case-records/police", "police");
        await orchestrator.ChecklistItemReceived(id, "partnership-audits", "local-authority");

        // The team reads the record (audited); the police read their own; health cannot read police records.
        var docId = filed["id"]!.GetValue<Guid>();
        (await lead.GetAsync($"{Exchange.Base(id)}/documents/{docId}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        Assert.Equal(record, await (await police.GetAsync($"{Exchange.Base(id)}/documents/{docId}")).Content.ReadAsByteArrayAsync());
        (await health.GetAsync($"{Exchange.Base(id)}/documents/{docId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var log = await lead.AllPages($"{Exchange.Base(id)}/audit-log");
        Assert.Contains(log, e => e!["what"]!.GetValue<string>() == $"document {docId}" && e["userId"]!.GetValue<string>() == Exchange.Lead);
        Assert.Contains(log, e => e!["what"]!.GetValue<string>() == "case-selection asked" && e["role"]!.GetValue<string>() == "partner-agency/police");
    }

    private static StringContent Json(object body) =>
        new(System.Text.Json.JsonSerializer.Serialize(body, Api.Json), System.Text.Encoding.UTF8, "application/json");
}
