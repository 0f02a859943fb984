using System.Net;
using System.Text.Json.Nodes;

namespace Jtai.Platform.Tests.Intelligence;

/// <summary>Intelligence shared between the inspectorates, in the words of the programme note (¶7–8).</summary>
public static class IntelligenceSteps
{
    public static object Concern(string area, string areaName, string programme, DateOnly observedOn, string what = "Strategy discussions were not held promptly for children referred by the police out of hours.") => new
    {
        localAreaCode = area,
        localAreaName = areaName,
        kind = "concern",
        programme,
        what,
        observedOn,
        agencies = new[] { "police", "local-authority" },
    };

    public static async Task<JsonNode> Share(this Testing.Platform platform, string inspectorate, object record, string role = "inspector", string? subject = null)
    {
        using var client = platform.Client(await platform.Tokens.Staff(role, inspectorate, subject));
        return await (await client.PostJson($"/api/{inspectorate}/intelligence", record)).Expect(HttpStatusCode.Created);
    }

    /// <summary>Waits until an inspectorate holds a record shared by another (it travels through the broker).</summary>
    public static async Task<JsonNode> ReceivedBy(this Testing.Platform platform, string inspectorate, string area, Guid intelligenceId, string? subject = null)
    {
        using var client = platform.Client(await platform.Tokens.Staff("inspector", inspectorate, subject));
        JsonNode? found = null;
        await Testing.Platform.WaitUntil(async () =>
        {
            var records = await client.AllPages($"/api/{inspectorate}/areas/{area}/intelligence");
            found = records.FirstOrDefault(r => r!["id"]!.GetValue<Guid>() == intelligenceId);
            return found is not null;
        }, TimeSpan.FromSeconds(30), $"{inspectorate} to receive intelligence {intelligenceId}");
        return found!;
    }
}
