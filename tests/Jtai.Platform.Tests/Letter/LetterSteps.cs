using System.Net;
using System.Text.Json.Nodes;
using Jtai.Messaging;
using Jtai.Orchestrator.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Jtai.Platform.Tests.Evidence.EvidenceSteps;

namespace Jtai.Platform.Tests.Letter;

/// <summary>Steps of the letter tests: an inspection whose findings are agreed, and the gates on the letter's way out.</summary>
public static class LetterSteps
{
    public sealed record Agreed(Guid InspectionId, string Area, Member Lead, Member Qa, IReadOnlyDictionary<string, Guid> Findings);

    /// <summary>
    /// An inspection with its team, an evaluative summary in Ofsted's shared record, a strength, an area for improvement and one
    /// area for priority action per given agency set, every one linked and confirmed, then agreed.
    /// </summary>
    public static Task<Agreed> AgreedFindings(this Testing.Platform platform, string area, string areaName, params string[][] priorityAgencies) =>
        platform.AgreedFindingsOn("front-door", area, areaName, priorityAgencies);

    /// <summary>As <see cref="AgreedFindings"/>, for an inspection on another theme.</summary>
    public static async Task<Agreed> AgreedFindingsOn(this Testing.Platform platform, string theme, string area, string areaName, params string[][] priorityAgencies)
    {
        var lead = new Member($"lead-{area}", "ofsted", "lead-inspector");
        var qa = new Member($"qa-{area}", "ofsted", "qa-manager");
        var id = await platform.InspectionWithTeam(area, areaName, theme, lead, qa);
        using var leadClient = await platform.As(lead);
        var summaryId = (await (await leadClient.PostJson($"/api/ofsted/shared-record/inspections/{id}/entries", new
        {
            kind = "evaluative-summary", text = "Decision-making at the front door is timely; police attendance at strategy discussions is not.", criteria = new[] { "EC1", "EC6" },
        })).Expect(HttpStatusCode.Created))["id"]!.GetValue<Guid>();

        var path = $"/api/orchestrator/inspections/{id}/findings";
        var findings = new Dictionary<string, Guid>();
        async Task Add(string key, string kind, string text, string[] agencies, string criterion)
        {
            var f = await (await leadClient.PostJson(path, new { kind, text, agencies, services = "the MASH", criteria = new[] { criterion } })).Expect(HttpStatusCode.Created);
            var fid = f["id"]!.GetValue<Guid>();
            await (await leadClient.PostJson($"{path}/{fid}/links", new { summaryId })).Expect(HttpStatusCode.OK);
            findings[key] = fid;
        }
        await Add("strength", "strength", "Thresholds are understood and applied consistently in the MASH", ["local-authority"], "EC1");
        await Add("improve", "area-for-improvement", "Health partners' contribution to strategy discussions is inconsistent", ["health"], "EC6");
        for (var i = 0; i < priorityAgencies.Length; i++)
            await Add($"priority-{i}", "area-for-priority-action", $"Priority action {i}: delays in responding to children at risk of significant harm", priorityAgencies[i], "EC6");
        using var qaClient = await platform.As(qa);
        foreach (var fid in findings.Values)
            await (await qaClient.PostAsync($"{path}/{fid}/confirm-links", null)).Expect(HttpStatusCode.OK);
        await (await leadClient.PostAsync($"{path}/agree", null)).Expect(HttpStatusCode.OK);
        // After fieldwork the lifecycle is in drafting, where the letter is written.
        foreach (var stage in new[] { "notified", "information-gathering", "fieldwork", "drafting" })
            await (await leadClient.PostJson($"/api/orchestrator/inspections/{id}/transitions", new { to = stage, reason = "letter test" })).Expect(HttpStatusCode.OK);
        return new Agreed(id, area, lead, qa, findings);
    }

    /// <summary>Where an addressee's mail arrives in smtp4dev: one mailbox per area and role, so each test reads its own.</summary>
    public static string AddresseeEmail(string area, string role) => $"{role}@letter.{area.ToLowerInvariant()}.example.gov.uk";

    public static object DraftRequest(bool statementRequired = true, string area = "E08000000") => new
    {
        nextSteps = statementRequired
            ? new { statementRequired = true, leadAgency = (string?)"local-authority", cooperatingAgencies = new[] { "health", "police" } }
            : new { statementRequired = false, leadAgency = (string?)null, cooperatingAgencies = Array.Empty<string>() },
        addressees = new
        {
            dcs = "Jane Doe", icb = "Sam Patel", police = "Chief Constable Alex Reed", masaChair = "Pat Lee", independentScrutineer = "Chris Moss",
            dcsEmail = AddresseeEmail(area, "dcs"), icbEmail = AddresseeEmail(area, "icb-chief-executive"), policeEmail = AddresseeEmail(area, "chief-constable"),
            masaChairEmail = AddresseeEmail(area, "masa-chair"), independentScrutineerEmail = AddresseeEmail(area, "independent-scrutineer"),
        },
        signatories = new[]
        {
            new { inspectorate = "ofsted", name = "Yvette Stanley", title = "National Director, Regulation and Social Care" },
            new { inspectorate = "cqc", name = "Dr Sean O'Kelly", title = "Chief Inspector of Healthcare" },
            new { inspectorate = "hmicfrs", name = "Michelle Skeer", title = "His Majesty's Inspector of Constabulary" },
        },
    };

    /// <summary>Drafts the letter, has QA check it and the three senior managers agree, and sends the draft to the DCS.</summary>
    public static async Task<JsonNode> DraftSent(this Testing.Platform platform, Agreed agreed)
    {
        var letter = $"/api/orchestrator/inspections/{agreed.InspectionId}/letter";
        using var lead = await platform.As(agreed.Lead);
        await (await lead.PostJson(letter, DraftRequest(area: agreed.Area))).Expect(HttpStatusCode.Created);
        using var qa = await platform.As(agreed.Qa);
        await (await qa.PostAsync($"{letter}/quality-assurance", null)).Expect(HttpStatusCode.OK);
        foreach (var inspectorate in new[] { "ofsted", "cqc", "hmicfrs" })
        {
            using var manager = platform.Client(await platform.Tokens.Staff("manager", inspectorate, $"manager-{inspectorate}"));
            await (await manager.PostAsync($"{letter}/agreements", null)).Expect(HttpStatusCode.OK);
        }
        return await (await lead.PostAsync($"{letter}/draft/send", null)).Expect(HttpStatusCode.OK);
    }

    /// <summary>The DCS comments on one paragraph, the lead accepts it, and the final letter is issued.</summary>
    public static async Task<JsonNode> FinalIssued(this Testing.Platform platform, Agreed agreed)
    {
        var letter = $"/api/orchestrator/inspections/{agreed.InspectionId}/letter";
        using var dcs = platform.Client(await platform.Tokens.Partner(agreed.Area, "local-authority", $"dcs-{agreed.Area}"));
        var comment = await (await dcs.PostJson($"{letter}/factual-accuracy/comments", new { paragraph = "main-1", comment = "The MASH is called the Children's Advice and Support Service." }))
            .Expect(HttpStatusCode.Created);
        using var lead = await platform.As(agreed.Lead);
        await (await lead.PostJson($"{letter}/factual-accuracy/comments/{comment["id"]}/decision", new { decision = "accepted", reason = "A factual correction." }))
            .Expect(HttpStatusCode.OK);
        await (await lead.PostAsync($"{letter}/final", null)).Expect(HttpStatusCode.OK);
        // The questionnaire counts as sent once its request reached the DCS (¶84).
        JsonNode view = null!;
        await Testing.Platform.WaitUntil(async () => (view = await (await lead.GetAsync(letter)).Expect(HttpStatusCode.OK))["surveySentAt"] is JsonValue,
            TimeSpan.FromSeconds(60), "the questionnaire's request to be delivered to the DCS");
        return view;
    }

    /// <summary>The orchestrator's outbox rows of one type for an inspection (its message log).</summary>
    public static async Task<List<T>> Published<T>(this Testing.Platform platform, Guid inspectionId) where T : class
    {
        await using var scope = platform.Services("orchestrator").CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OrchestratorDbContext>();
        var name = MessageTypes.NameOf(typeof(T));
        var rows = await db.OutboxMessages.AsNoTracking().Where(m => m.InspectionId == inspectionId && m.MessageType == name).OrderBy(m => m.CreatedAt).ToListAsync();
        return rows.Select(r => (T)MessageTypes.Deserialize(r.MessageType, r.Body)).ToList();
    }
}
