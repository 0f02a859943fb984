using System.Net;
using static Jtai.Platform.Tests.Evidence.EvidenceSteps;

namespace Jtai.Platform.Tests.Lifecycle;

/// <summary>Steps of the Ofsted-only inspection's tests (framework ofsted-only).</summary>
public static class OfstedOnlySteps
{
    /// <summary>A strength, a recommendation and a priority action about health, each linked to Ofsted's evaluative summary, then agreed.</summary>
    public static async Task<IReadOnlyDictionary<string, Guid>> AgreeOfstedOnlyFindings(this Testing.Platform platform, Guid id, HttpClient leadClient, Member qa)
    {
        var summaryId = (await (await leadClient.PostJson($"/api/ofsted/shared-record/inspections/{id}/entries", new
        {
            kind = "evaluative-summary", text = "Referrals are screened promptly; health information is not sought before decisions.", criteria = new[] { "EC5", "EC7" },
        })).Expect(HttpStatusCode.Created))["id"]!.GetValue<Guid>();
        var path = $"/api/orchestrator/inspections/{id}/findings";
        var findings = new Dictionary<string, Guid>();
        async Task Add(string key, string kind, string text, string[] agencies, string criterion)
        {
            var fid = (await (await leadClient.PostJson(path, new { kind, text, agencies, services = "the front door", criteria = new[] { criterion } }))
                .Expect(HttpStatusCode.Created))["id"]!.GetValue<Guid>();
            await (await leadClient.PostJson($"{path}/{fid}/links", new { summaryId })).Expect(HttpStatusCode.OK);
            findings[key] = fid;
        }
        await Add("strength", "strength", "Social workers apply thresholds consistently at the front door", ["local-authority"], "EC7");
        await Add("improve", "area-for-improvement", "Managers should record the reasons for their decisions on contacts", ["local-authority"], "EC5");
        await Add("priority", "area-for-priority-action", "Health information is not sought before children at risk are stepped down", ["health"], "EC7");
        using var qaClient = await platform.As(qa);
        foreach (var fid in findings.Values)
            await (await qaClient.PostAsync($"{path}/{fid}/confirm-links", null)).Expect(HttpStatusCode.OK);
        await (await leadClient.PostAsync($"{path}/agree", null)).Expect(HttpStatusCode.OK);
        return findings;
    }

    /// <summary>An Ofsted-only inspection, its lead and QA manager on the team, its findings agreed and the lifecycle in drafting.</summary>
    public static async Task<Letter.LetterSteps.Agreed> OfstedOnlyInDrafting(this Testing.Platform platform, string area, string areaName)
    {
        var id = (await platform.ScheduleInspection(area, areaName, "ofsted-only"))["id"]!.GetValue<Guid>();
        await platform.CopyHeldBy("ofsted", id);
        var lead = new Member($"lead-{area}", "ofsted", "lead-inspector");
        var qa = new Member($"qa-{area}", "ofsted", "qa-manager");
        await platform.Assign(id, lead, qa);
        using var leadClient = await platform.As(lead);
        var findings = await platform.AgreeOfstedOnlyFindings(id, leadClient, qa);
        foreach (var stage in new[] { "notified", "information-gathering", "fieldwork", "drafting" })
            await (await leadClient.PostJson($"/api/orchestrator/inspections/{id}/transitions", new { to = stage, reason = "Ofsted-only letter" })).Expect(HttpStatusCode.OK);
        return new Letter.LetterSteps.Agreed(id, area, lead, qa, findings);
    }
}
