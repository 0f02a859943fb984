using System.Net;
using System.Text.Json.Nodes;
using System.Net.Http.Json;
using Jtai.Inspectorate.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jtai.Platform.Tests.Evidence;

/// <summary>Steps of the evidence tests: team members arrive as events, as the orchestrator will send them.</summary>
public static class EvidenceSteps
{
    public sealed record Member(string UserId, string Inspectorate, string Role);

    /// <summary>An inspection every inspectorate holds, with these members placed on its team by Ofsted's manager (the orchestrator tells every service).</summary>
    public static Task<Guid> InspectionWithTeam(this Testing.Platform platform, string area, string areaName, params Member[] members) =>
        platform.InspectionWithTeam(area, areaName, "front-door", members);

    public static async Task<Guid> InspectionWithTeam(this Testing.Platform platform, string area, string areaName, string theme, params Member[] members)
    {
        var id = (await platform.ScheduleInspection(area: area, areaName: areaName, theme: theme))["id"]!.GetValue<Guid>();
        foreach (var inspectorate in new[] { "ofsted", "cqc", "hmicfrs" }) await platform.CopyHeldBy(inspectorate, id);
        await platform.Assign(id, members);
        return id;
    }

    public static async Task Assign(this Testing.Platform platform, Guid inspectionId, params Member[] members)
    {
        using (var manager = platform.Client(await platform.Tokens.Staff("manager", "ofsted", "ofsted-team-manager")))
            foreach (var m in members)
                await (await manager.PutAsJsonAsync($"/api/orchestrator/inspections/{inspectionId}/team/{m.UserId}",
                    new { name = $"Inspector {m.UserId}", inspectorate = m.Inspectorate, teamRole = m.Role }, Api.Json)).Expect(HttpStatusCode.OK);
        // Only the inspectorates taking part (the inspection's framework version) keep its team.
        IReadOnlyList<string> takingPart;
        await using (var scope = platform.Services("orchestrator").CreateAsyncScope())
        {
            var inspection = await scope.ServiceProvider.GetRequiredService<Jtai.Orchestrator.Data.OrchestratorDbContext>().Inspections.AsNoTracking()
                .SingleAsync(i => i.Id == inspectionId);
            takingPart = Frameworks.Get(inspection.Theme, inspection.FrameworkVersion).Inspectorates;
        }
        foreach (var service in takingPart.Where(platform.Running.Contains))
            await Testing.Platform.WaitUntil(async () =>
            {
                await using var scope = platform.Services(service).CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<InspectorateDbContext>();
                var ids = members.Select(m => m.UserId).ToList();
                return await db.TeamMembers.CountAsync(t => t.InspectionId == inspectionId && ids.Contains(t.UserId)) == ids.Count;
            }, TimeSpan.FromSeconds(20), $"{service} to know the team of {inspectionId}");
    }

    private static readonly Jtai.Calendar.Frameworks.FrameworkCatalog Frameworks = Jtai.Calendar.Frameworks.FrameworkCatalog.Load();

    public static async Task<HttpClient> As(this Testing.Platform platform, Member member) =>
        platform.Client(await platform.Tokens.Staff(member.Role, member.Inspectorate, member.UserId));

    public static object Record(DateTimeOffset gatheredAt, string text = "Case ref 4471 (child A.B., DOB 2015-03-02): the strategy discussion was timely and well attended.",
        string[]? criteria = null, object[]? people = null, string source = "case-sampling", string? detail = "multi-agency") => new
    {
        source,
        sourceDetail = detail,
        gatheredAt = gatheredAt.AddHours(-2),
        meetingAt = (DateTimeOffset?)null,
        criteria = criteria ?? ["EC3", "ec7"],
        agencies = new[] { "local-authority", "police" },
        text,
        people = people ?? [],
    };

    public static async Task<JsonNode> WriteRecord(this HttpClient client, string inspectorate, Guid inspectionId, object record) =>
        await (await client.PostJson($"/api/{inspectorate}/inspections/{inspectionId}/evidence", record)).Expect(HttpStatusCode.Created);
}
