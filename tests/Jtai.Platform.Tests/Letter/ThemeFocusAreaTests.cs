using System.Net;
using System.Net.Http.Json;
using Xunit;
using static Jtai.Platform.Tests.Evidence.EvidenceSteps;

namespace Jtai.Platform.Tests.Letter;

/// <summary>
/// The theme matters (five-themes overview): its focus areas are the prompts an evidence record answers and the sections of
/// the letter; the letter's opening names what the theme looks at, and the criteria codes stay out of its text unless chosen.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ThemeFocusAreaTests(PlatformFixture fixture)
{
    private Testing.Platform Platform => fixture.Platform;

    [Fact]
    public async Task A_domestic_abuse_inspection_prompts_evidence_by_its_focus_areas_and_its_letter_is_arranged_by_them()
    {
        const string area = "E06000044";
        var lead = new Member("theme-ofsted-lead", "ofsted", "lead-inspector");
        var qa = new Member("theme-ofsted-qa", "ofsted", "qa-manager");
        var cqc = new Member("theme-cqc-inspector", "cqc", "inspector");
        var id = await Platform.InspectionWithTeam(area, "Portsmouth", "domestic-abuse", lead, qa, cqc);
        using var leadClient = await Platform.As(lead);
        using var cqcClient = await Platform.As(cqc);

        // The prompts: the theme's four focus areas, coded in the framework's order.
        var prompts = await (await cqcClient.GetAsync($"/api/cqc/inspections/{id}/evidence/prompts")).Expect(HttpStatusCode.OK);
        Assert.Equal(["FA1", "FA2", "FA3", "FA4"], prompts["focusAreas"]!.AsArray().Select(p => p!["code"]!.GetValue<string>()));
        Assert.Equal("Preventing children from becoming victims of domestic abuse", prompts["focusAreas"]![3]!["heading"]!.GetValue<string>());

        // An evidence record answers some of them; a focus area of another theme is refused by index.
        var at = Platform.Clock.GetUtcNow();
        var wrong = await (await cqcClient.PostJson($"/api/cqc/inspections/{id}/evidence", With(Record(at), ["fa3", "FA6"]))).ExpectProblem(HttpStatusCode.BadRequest);
        Assert.Contains("FA1, FA2, FA3, FA4", wrong["errors"]!["focusAreas[1]"]![0]!.GetValue<string>());
        var record = await cqcClient.WriteRecord("cqc", id, With(Record(at), ["fa3", "FA 03", "FA1"]));
        Assert.Equal(["FA3", "FA1"], record["focusAreas"]!.AsArray().Select(f => f!.GetValue<string>()));

        // Findings name the focus areas they speak to; the letter puts each in the section of the first, in the framework's order.
        var summaryId = (await (await leadClient.PostJson($"/api/ofsted/shared-record/inspections/{id}/entries", new
        {
            kind = "evaluative-summary", text = "Notifications of domestic abuse incidents reach schools the next morning; risk assessments vary.", criteria = new[] { "EC5" },
        })).Expect(HttpStatusCode.Created))["id"]!.GetValue<Guid>();
        var findings = $"/api/orchestrator/inspections/{id}/findings";
        var badFinding = await (await leadClient.PostJson(findings, new
        {
            kind = "strength", text = "x", agencies = new[] { "police" }, services = "the MASH", criteria = new[] { "EC5" }, focusAreas = new[] { "FA5" },
        })).ExpectProblem(HttpStatusCode.BadRequest);
        Assert.NotNull(badFinding["errors"]!["focusAreas[0]"]);
        var ids = new List<Guid>();
        foreach (var (kind, text, focus) in new[]
                 {
                     ("strength", "Police notify schools of domestic abuse incidents before the school day starts", new[] { "FA1" }),
                     ("area-for-improvement", "Health partners' risk assessments of unborn babies are inconsistent", new[] { "FA3", "FA1" }),
                     ("area-for-priority-action", "Children wait too long for a strategy discussion after a domestic abuse incident", Array.Empty<string>()),
                 })
        {
            var f = await (await leadClient.PostJson(findings, new { kind, text, agencies = new[] { "police", "health" }, services = "the MASH", criteria = new[] { "EC5" }, focusAreas = focus }))
                .Expect(HttpStatusCode.Created);
            ids.Add(f["id"]!.GetValue<Guid>());
            await (await leadClient.PostJson($"{findings}/{ids[^1]}/links", new { summaryId })).Expect(HttpStatusCode.OK);
        }
        using var qaClient = await Platform.As(qa);
        foreach (var fid in ids) await (await qaClient.PostAsync($"{findings}/{fid}/confirm-links", null)).Expect(HttpStatusCode.OK);
        await (await leadClient.PostAsync($"{findings}/agree", null)).Expect(HttpStatusCode.OK);
        foreach (var stage in new[] { "notified", "information-gathering", "fieldwork", "drafting" })
            await (await leadClient.PostJson($"/api/orchestrator/inspections/{id}/transitions", new { to = stage, reason = "theme test" })).Expect(HttpStatusCode.OK);

        var letter = $"/api/orchestrator/inspections/{id}/letter";
        var drafted = await (await leadClient.PostJson(letter, LetterSteps.DraftRequest(area: area))).Expect(HttpStatusCode.Created);
        var opening = drafted["content"]!["opening"]!.GetValue<string>();
        Assert.StartsWith("Joint targeted area inspection of the multi-agency response to children who are the victims of domestic abuse in Portsmouth.", opening);
        Assert.DoesNotContain("response to the multi-agency response", opening);
        var paragraphs = drafted["paragraphs"]!.AsArray().ToDictionary(p => p!["key"]!.GetValue<string>(), p => p!);
        const string fa1 = "Responding to children who are victims of domestic abuse, at the point of identification";
        Assert.Equal(fa1, paragraphs["focus-fa1-1"]["heading"]!.GetValue<string>());
        Assert.StartsWith("Police notify schools", paragraphs["focus-fa1-1"]["text"]!.GetValue<string>());
        Assert.StartsWith("Health partners' risk assessments", paragraphs["focus-fa1-2"]["text"]!.GetValue<string>());
        Assert.False(paragraphs.ContainsKey("focus-fa3-1"));
        // A finding naming no focus area stays under "Main findings"; no criteria codes in the text unless the lead chooses.
        Assert.StartsWith("Children wait too long", paragraphs["main-1"]["text"]!.GetValue<string>());
        Assert.DoesNotContain(drafted["paragraphs"]!.AsArray(), p => p!["text"]!.GetValue<string>().Contains("EC5"));
        var html = await (await leadClient.GetAsync($"{letter}/versions/1/html")).Content.ReadAsStringAsync();
        Assert.Contains($"<h2>{System.Net.WebUtility.HtmlEncode(fa1)}</h2>", html);

        // The lead edits a section by its focus area; one of another theme is refused naming it.
        var unknown = await (await leadClient.PutAsJsonAsync(letter, new { baseVersion = 1, findingsByFocusArea = new Dictionary<string, string[]> { ["FA6"] = ["x"] } }, Api.Json))
            .ExpectProblem(HttpStatusCode.BadRequest);
        Assert.NotNull(unknown["errors"]!["findingsByFocusArea.FA6"]);
        var edited = await (await leadClient.PutAsJsonAsync(letter, new
        {
            baseVersion = 1, note = "Unborn babies under protecting", findingsByFocusArea = new Dictionary<string, string[]>
            {
                ["FA1"] = ["Police notify schools of domestic abuse incidents before the school day starts."],
                ["FA3"] = ["Health partners' risk assessments of unborn babies are inconsistent."],
            },
        }, Api.Json)).Expect(HttpStatusCode.OK);
        var sections = edited["content"]!["findingsByFocusArea"]!.AsArray();
        Assert.Equal(["FA1", "FA3"], sections.Select(s => s!["code"]!.GetValue<string>()));
        Assert.Equal("Protecting, supporting and caring for children who are at risk of, or who have been victims of, domestic abuse", sections[1]!["heading"]!.GetValue<string>());
    }

    /// <summary>The evidence record of <see cref="Record"/> answering these focus areas.</summary>
    private static Dictionary<string, object?> With(object record, string[] focusAreas)
    {
        var fields = record.GetType().GetProperties().ToDictionary(p => p.Name, p => p.GetValue(record));
        fields["focusAreas"] = focusAreas;
        return fields;
    }
}
