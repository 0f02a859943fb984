using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Jtai.Platform.Tests.Evidence;
using Jtai.Platform.Tests.Lifecycle;

namespace Jtai.Platform.Tests.InformationRequests;

/// <summary>Steps of the information exchange, in the words of Annex A.</summary>
public static class Exchange
{
    public const string Lead = "ofsted-lead-inspector";
    public const string Inspector = "ofsted-inspector";

    public static string Base(Guid inspectionId) => $"/api/ofsted/inspections/{inspectionId}/information-exchange";
    public static string Selection(Guid inspectionId) => $"/api/ofsted/inspections/{inspectionId}/case-selection";

    /// <summary>
    /// Schedules an inspection, puts the lead and an inspector on its team and notifies the area (partners
    /// see nothing of it before, ¶16), then waits until Ofsted knows all of it.
    /// </summary>
    public static async Task<Guid> InspectionWithTeam(this Testing.Platform platform, string area = Steps.Area, DateOnly? fieldworkStart = null)
    {
        var id = (await platform.ScheduleInspection(area: area, fieldworkStart: fieldworkStart))["id"]!.GetValue<Guid>();
        await platform.CopyHeldBy("ofsted", id);
        await platform.Assign(id, new(Lead, "ofsted", "lead-inspector"), new(Inspector, "ofsted", "inspector"));
        await (await platform.Transition(id, "notified")).Expect(HttpStatusCode.OK);
        using var partner = platform.Client(await platform.Tokens.Partner(area, "local-authority"));
        await Testing.Platform.WaitUntil(async () => (await partner.GetAsync($"{Base(id)}/annex-a/uploads")).StatusCode == HttpStatusCode.OK,
            TimeSpan.FromSeconds(20), "Ofsted to know the area is notified");
        return id;
    }

    public static MultipartFormDataContent File(byte[] content, string fileName, string contentType)
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return new MultipartFormDataContent { { file, "file", fileName } };
    }

    public static Task<HttpResponseMessage> UploadList(this HttpClient client, Guid inspectionId, int list, byte[] content,
        string fileName = "list.csv", bool keepValidRows = false)
    {
        var type = fileName.EndsWith(".xlsx") ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv";
        return client.PostAsync($"{Base(inspectionId)}/annex-a/lists/{list}" + (keepValidRows ? "?keepValidRows=true" : ""),
            File(content, fileName, type));
    }

    public static Task<HttpResponseMessage> UploadDocument(this HttpClient client, Guid inspectionId, string path, byte[] content, string fileName,
        string contentType = "application/pdf") =>
        client.PostAsync($"{Base(inspectionId)}/documents/{path}", File(content, fileName, contentType));

    public static byte[] Pdf(string text) => System.Text.Encoding.ASCII.GetBytes($"%PDF-1.4\n% {text}\n%%EOF\n");

    /// <summary>The orchestrator's checklist item once it shows a delivery (events are asynchronous).</summary>
    public static async Task<JsonNode> ChecklistItemReceived(this HttpClient client, Guid inspectionId, string key, string agency)
    {
        JsonNode? item = null;
        await Testing.Platform.WaitUntil(async () =>
        {
            var response = await client.GetAsync($"/api/orchestrator/inspections/{inspectionId}/information-requests");
            if (response.StatusCode != HttpStatusCode.OK) return false;
            item = (await response.ReadJson())["items"]!.AsArray().FirstOrDefault(i => i!["key"]!.GetValue<string>() == key);
            return item?["deliveries"]!.AsArray().Any(d => d!["agency"]!.GetValue<string>() == agency) == true;
        }, TimeSpan.FromSeconds(20), $"checklist item {key} received from {agency}");
        return item!;
    }

    public static async Task<JsonNode> ChecklistItem(this HttpClient client, Guid inspectionId, string key)
    {
        var checklist = await (await client.GetAsync($"/api/orchestrator/inspections/{inspectionId}/information-requests")).Expect(HttpStatusCode.OK);
        return checklist["items"]!.AsArray().First(i => i!["key"]!.GetValue<string>() == key)!;
    }
}
