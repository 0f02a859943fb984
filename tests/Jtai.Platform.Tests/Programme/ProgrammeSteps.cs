using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Jtai.Platform.Tests.Intelligence;

namespace Jtai.Platform.Tests.Programme;

/// <summary>The programme in the words of the programme note (¶4–8).</summary>
public static class ProgrammeSteps
{
    public sealed record Person(string UserId, string Name, string TeamRole);

    public static int NextYear(this Testing.Platform platform) => platform.Clock.GetUtcNow().Year + 1;

    public static DateOnly Today(this Testing.Platform platform) => DateOnly.FromDateTime(platform.Clock.GetUtcNow().UtcDateTime);

    /// <summary>An area becomes known to the platform through what an inspectorate's routine programme saw of it.</summary>
    public static async Task<Guid> RoutineInspection(this Testing.Platform platform, string area, string name, string inspectorate = "ofsted",
        string programme = "ilacs-standard-inspection", int monthsAgo = 2)
    {
        var shared = await platform.Share(inspectorate, new
        {
            localAreaCode = area, localAreaName = name, kind = "routine-inspection", programme,
            what = "Standard inspection: help and protection judged requires improvement.", observedOn = platform.Today().AddMonths(-monthsAgo),
        });
        return shared["id"]!.GetValue<Guid>();
    }

    public static async Task<JsonNode> Candidates(this Testing.Platform platform, string theme, int year, string role = "manager", string inspectorate = "ofsted")
    {
        using var client = platform.Client(await platform.Tokens.Staff(role, inspectorate));
        return await (await client.GetAsync($"/api/orchestrator/programme-candidates?theme={theme}&year={year}")).Expect(HttpStatusCode.OK);
    }

    public static JsonNode? Candidate(this JsonNode candidates, string area) =>
        candidates["candidates"]!.AsArray().FirstOrDefault(c => c!["localAreaCode"]!.GetValue<string>() == area);

    /// <summary>Waits until the orchestrator's ranking has taken in what was shared (it travels through the broker).</summary>
    public static async Task<JsonNode> CandidatesOnceHolding(this Testing.Platform platform, string theme, int year, Guid intelligenceId)
    {
        JsonNode? candidates = null;
        await Testing.Platform.WaitUntil(async () =>
        {
            candidates = await platform.Candidates(theme, year);
            return candidates["candidates"]!.AsArray().Any(c => c!["reasons"]!.AsArray().Any(r => r!["intelligenceId"]?.GetValue<Guid>() == intelligenceId));
        }, TimeSpan.FromSeconds(30), $"the programme's ranking to hold intelligence {intelligenceId}");
        return candidates!;
    }

    public static async Task<HttpClient> Manager(this Testing.Platform platform, string inspectorate) =>
        platform.Client(await platform.Tokens.Staff("manager", inspectorate, $"programme-{inspectorate}-manager"));

    public static async Task<JsonNode> Offer(this Testing.Platform platform, Guid programmeId, string inspectorate, params Person[] people)
    {
        using var manager = await platform.Manager(inspectorate);
        return await (await manager.PutAsJsonAsync($"/api/orchestrator/programmes/{programmeId}/inspectors/{inspectorate}",
            new { inspectors = people.Select(p => new { userId = p.UserId, name = p.Name, teamRole = p.TeamRole }) }, Api.Json)).Expect(HttpStatusCode.OK);
    }

    public static async Task<JsonNode> Agree(this Testing.Platform platform, Guid programmeId, string inspectorate)
    {
        using var manager = await platform.Manager(inspectorate);
        return await (await manager.PostAsync($"/api/orchestrator/programmes/{programmeId}/agreements", null)).Expect(HttpStatusCode.OK);
    }
}
