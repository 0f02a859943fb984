using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Jtai.Platform.Tests.Evidence;
using Jtai.Testing.AnnexA;
using Xunit;
using static Jtai.Platform.Tests.Evidence.EvidenceSteps;

namespace Jtai.Platform.Tests.InformationRequests;

/// <summary>
/// ¶105: the health agencies are the bodies CQC names for the inspection, each answering and uploading as itself. CQC's member of
/// the team names them; a named body's partner (its token's health_body) files, lists and answers only its own; a body CQC did not
/// name, or health without a body once bodies are named, is refused.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class HealthBodiesTests(PlatformFixture fixture)
{
    private Testing.Platform Platform => fixture.Platform;
    private const string Area = "E08000036";
    private static readonly Member CqcLead = new("health-bodies-cqc-lead", "cqc", "lead-inspector");

    private static JsonContent Json(object body) => JsonContent.Create(body, options: Api.Json);

    [Fact]
    public async Task CQC_names_the_health_bodies_and_each_answers_and_uploads_as_itself_while_an_unnamed_body_is_refused()
    {
        var id = await Platform.InspectionWithTeam(area: Area);
        await Platform.Assign(id, CqcLead);
        using var cqc = await Platform.As(CqcLead);
        using var lead = Platform.Client(await Platform.Tokens.Staff("lead-inspector", "ofsted"));
        using var police = Platform.Client(await Platform.Tokens.Partner(Area, "police"));
        using var health = Platform.Client(await Platform.Tokens.Partner(Area, "health"));
        using var icb = Platform.Client(await Platform.Tokens.HealthBody(Area, "qhl"));
        using var trust = Platform.Client(await Platform.Tokens.HealthBody(Area, "rq3"));
        using var unnamed = Platform.Client(await Platform.Tokens.HealthBody(Area, "rxt"));
        var bodies = $"{Exchange.Base(id)}/health-bodies";

        // Before CQC names any, health answers as the one agency it was; a body nobody named is refused.
        await (await health.UploadDocument(id, "performance/4.5", Exchange.Pdf("escalation"), "escalation.pdf")).Expect(HttpStatusCode.Created);
        (await unnamed.UploadDocument(id, "performance/4.1", Exchange.Pdf("x"), "x.pdf")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        // Only CQC names them (¶105): not Ofsted's lead, not a partner. Keys as the tokens carry them, each once.
        var named = new { bodies = new[] { new { key = "qhl", name = "Birmingham and Solihull ICB" }, new { key = "rq3", name = "Birmingham Women's and Children's NHS FT" } } };
        (await lead.PutAsync(bodies, Json(named))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await police.PutAsync(bodies, Json(named))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var badKey = await (await cqc.PutAsync(bodies, Json(new { bodies = new[] { new { key = "QHL ICB!", name = "x" } } }))).ExpectProblem(HttpStatusCode.BadRequest);
        Assert.NotNull(badKey["errors"]!["bodies[0].key"]);
        // CQC's copy of the team reaches Ofsted by message: wait until Ofsted knows CQC's lead.
        JsonNode? list = null;
        await Testing.Platform.WaitUntil(async () =>
        {
            using var response = await cqc.PutAsync(bodies, Json(named));
            if (response.StatusCode != HttpStatusCode.OK) return false;
            list = JsonNode.Parse(await response.Content.ReadAsStringAsync());
            return true;
        }, TimeSpan.FromSeconds(30), "Ofsted to know CQC's lead on the team");
        Assert.Equal(["qhl", "rq3"], list!.AsArray().Select(b => b!["key"]!.GetValue<string>()));
        Assert.Equal("Birmingham and Solihull ICB", (await (await health.GetAsync(bodies)).Expect(HttpStatusCode.OK))[0]!["name"]!.GetValue<string>());

        // Once named: health without a body, and a body not named, are refused; each named body files as itself.
        (await health.UploadDocument(id, "performance/4.3", Exchange.Pdf("x"), "x.pdf")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await unnamed.UploadDocument(id, "performance/4.3", Exchange.Pdf("x"), "x.pdf")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var icbStructure = await (await icb.UploadDocument(id, "performance/4.1", Exchange.Pdf("icb structure"), "icb-structure.pdf")).Expect(HttpStatusCode.Created);
        Assert.Equal("qhl", icbStructure["healthBody"]!.GetValue<string>());
        var trustStructure = await (await trust.UploadDocument(id, "performance/4.1", Exchange.Pdf("trust structure"), "trust-structure.pdf")).Expect(HttpStatusCode.Created);
        Assert.Equal(1, trustStructure["version"]!.GetValue<int>()); // the trust's own first version, not the ICB's second
        await (await trust.UploadDocument(id, "performance/4.3", Exchange.Pdf("annual report"), "trust-annual.pdf")).Expect(HttpStatusCode.Created);

        // Each body lists and reads only its own; the team reads every body's, named.
        var icbList = await icb.AllPages($"{Exchange.Base(id)}/documents");
        Assert.Equal(["icb-structure.pdf"], icbList.Select(d => d!["fileName"]!.GetValue<string>()));
        var trustList = await trust.AllPages($"{Exchange.Base(id)}/documents");
        Assert.Equal(["trust-structure.pdf", "trust-annual.pdf"], trustList.Select(d => d!["fileName"]!.GetValue<string>()).OrderDescending());
        (await icb.GetAsync($"{Exchange.Base(id)}/documents/{trustStructure["id"]!.GetValue<Guid>()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await icb.GetAsync($"{Exchange.Base(id)}/documents/{icbStructure["id"]!.GetValue<Guid>()}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var all = await lead.AllPages($"{Exchange.Base(id)}/documents");
        Assert.Equal(2, all.Count(d => d!["healthBody"]?.GetValue<string>() == "rq3"));
        Assert.Single(all, d => d!["healthBody"]?.GetValue<string>() == "qhl");

        // The 30 children: each named body answers the health question (¶98) for itself; a body not named cannot.
        var files = new AnnexAFiles(seed: 41, DateOnly.FromDateTime(Platform.Clock.GetUtcNow().UtcDateTime), children: 150);
        using var la = Platform.Client(await Platform.Tokens.Partner(Area, "local-authority"));
        foreach (var (number, rows) in new[] { (1, 220), (2, 60), (3, 90), (4, 60), (5, 40) })
            await (await la.UploadList(id, number, files.List(number, rows).ToCsvBytes())).Expect(HttpStatusCode.Created);
        var proposal = await (await lead.GetAsync($"{Exchange.Selection(id)}/proposal")).Expect(HttpStatusCode.OK);
        var children = proposal["children"]!.AsArray().Select(c => c!["childId"]!.GetValue<string>()).ToList();
        await (await lead.PutAsync($"{Exchange.Selection(id)}/thirty", Json(new { childIds = children }))).Expect(HttpStatusCode.OK);
        var child = children[0];
        await (await icb.PutAsync($"{Exchange.Selection(id)}/answers", Json(new { answers = new[] { new { childId = child, healthSupportBeyondUniversalServices = true } } })))
            .Expect(HttpStatusCode.OK);
        await (await trust.PutAsync($"{Exchange.Selection(id)}/answers", Json(new { answers = new[] { new { childId = child, healthSupportBeyondUniversalServices = false } } })))
            .Expect(HttpStatusCode.OK);
        (await unnamed.PutAsync($"{Exchange.Selection(id)}/answers", Json(new { answers = new[] { new { childId = child, healthSupportBeyondUniversalServices = true } } })))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await health.PutAsync($"{Exchange.Selection(id)}/answers", Json(new { answers = new[] { new { childId = child, healthSupportBeyondUniversalServices = true } } })))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        bool? Answer(JsonNode asked) => asked.AsArray().Single(c => c!["childId"]!.GetValue<string>() == child)!["healthSupportBeyondUniversalServices"]?.GetValue<bool>();
        Assert.True(Answer(await (await icb.GetAsync($"{Exchange.Selection(id)}/asked")).Expect(HttpStatusCode.OK)));
        Assert.False(Answer(await (await trust.GetAsync($"{Exchange.Selection(id)}/asked")).Expect(HttpStatusCode.OK)));
        var selection = await (await lead.GetAsync(Exchange.Selection(id))).Expect(HttpStatusCode.OK);
        var answers = selection["children"]!.AsArray().Single(c => c!["childId"]!.GetValue<string>() == child)!["healthBodyAnswers"]!.AsArray();
        Assert.Equal(["qhl", "rq3"], answers.Select(a => a!["body"]!.GetValue<string>()));

        // What each body was asked and has answered so far, for CQC and the team.
        var progress = (await (await cqc.GetAsync(bodies)).Expect(HttpStatusCode.OK)).AsArray();
        Assert.Equal(["performance/4.1"], progress[0]!["itemsFiled"]!.AsArray().Select(i => i!.GetValue<string>()));
        Assert.Equal(["performance/4.1", "performance/4.3"], progress[1]!["itemsFiled"]!.AsArray().Select(i => i!.GetValue<string>()));
        Assert.Equal(1, progress[1]!["childrenAnswered"]!.GetValue<int>());
    }
}
