using System.Net;
using System.Text.Json.Nodes;

namespace Jtai.Platform.Tests.Notices;

public static class NoticeSteps
{
    /// <summary>A local-authority code of its own, so the area's contacts (and their mailboxes) belong to one test.</summary>
    public static string FreshArea() => "E06" + Random.Shared.Next(100000, 999999);

    public static string ContactAddress(string area, string role) => $"{role}@{area.ToLowerInvariant()}.example.gov.uk";

    /// <summary>The orchestrator's summary of every notice sent for the inspection, as staff see it.</summary>
    public static async Task<JsonArray> Notices(this Testing.Platform platform, Guid inspectionId)
    {
        using var staff = platform.Client(await platform.Tokens.Staff("inspector", "cqc"));
        return (await (await staff.GetAsync($"/api/orchestrator/inspections/{inspectionId}/notices")).Expect(HttpStatusCode.OK)).AsArray();
    }

    /// <summary>Waits until the summary holds a notice matching <paramref name="match"/>, and returns it.</summary>
    public static async Task<JsonNode> WaitForNotice(this Testing.Platform platform, Guid inspectionId, Func<JsonNode, bool> match, string what)
    {
        JsonNode? found = null;
        await Testing.Platform.WaitUntil(async () =>
        {
            found = (await platform.Notices(inspectionId)).FirstOrDefault(n => match(n!));
            return found is not null;
        }, TimeSpan.FromSeconds(30), what);
        return found!;
    }

    public static string Str(this JsonNode? node, string property) => node![property]!.GetValue<string>();
}
