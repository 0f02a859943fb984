using System.Net.Http.Json;
using System.Net;
using System.Text.Json.Nodes;

namespace Jtai.Platform.Tests.Lifecycle;

/// <summary>Lifecycle steps in the process's words.</summary>
public static class LifecycleSteps
{
    public static async Task<HttpResponseMessage> Transition(this Testing.Platform platform, Guid inspectionId, string to, string? token = null)
    {
        // Ofsted's managers move any inspection; its lead inspector only one they lead on the team.
        using var client = platform.Client(token ?? await platform.Tokens.Staff("manager", "ofsted"));
        return await client.PostJson($"/api/orchestrator/inspections/{inspectionId}/transitions", new { to, reason = "test" });
    }

    /// <summary>Waits until an inspectorate has recorded the area's notification (its partners then see the inspection there).</summary>
    public static Task NotifiedKnownTo(this Testing.Platform platform, string inspectorate, Guid inspectionId) =>
        Testing.Platform.WaitUntil(async () =>
        {
            using var client = platform.Client(await platform.Tokens.Staff("manager", inspectorate));
            var response = await client.GetAsync($"/api/{inspectorate}/inspections/{inspectionId}/notifications");
            return response.StatusCode == HttpStatusCode.OK && (await response.ReadJson()).AsArray().Count > 0;
        }, TimeSpan.FromSeconds(20), $"{inspectorate} to record the notification of {inspectionId}");

    public static async Task<JsonNode> Timeline(this Testing.Platform platform, Guid inspectionId)
    {
        using var client = platform.Client(await platform.Tokens.Staff("inspector", "ofsted"));
        return await (await client.GetAsync($"/api/orchestrator/inspections/{inspectionId}/timeline")).Expect(HttpStatusCode.OK);
    }

    public static JsonNode Milestone(this JsonNode timeline, string key) =>
        timeline["milestones"]!.AsArray().Single(m => m!["key"]!.GetValue<string>() == key)!;

    public static async Task SetContact(this Testing.Platform platform, string inspectorate, string area, string role, string name)
    {
        using var client = platform.Client(await platform.Tokens.Staff("manager", inspectorate));
        var response = await client.PutAsJsonAsync($"/api/{inspectorate}/areas/{area}/contacts/{role}",
            new { name, email = $"{role}@{area.ToLowerInvariant()}.example.gov.uk" }, Api.Json);
        await response.Expect(HttpStatusCode.OK);
    }
}
