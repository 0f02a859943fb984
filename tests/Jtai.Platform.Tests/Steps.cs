using System.Net;
using System.Text.Json.Nodes;
using Jtai.Testing;

namespace Jtai.Platform.Tests;

/// <summary>Steps many tests share, in the words of the process.</summary>
public static class Steps
{
    public const string Area = "E08000025";
    public const string AreaName = "Birmingham";

    /// <summary>A Monday far enough ahead for the 10 working days' notice, and not a bank holiday (fieldwork starts on a working day).</summary>
    public static DateOnly NextFieldworkMonday(TimeProvider clock, int weeksAhead = 6)
    {
        var day = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(7 * weeksAhead);
        while (day.DayOfWeek != DayOfWeek.Monday || !England.IsWorkingDay(day)) day = day.AddDays(1);
        return day;
    }

    private static readonly Jtai.Calendar.WorkingDays.WorkingDayCalendar England = Jtai.Calendar.WorkingDays.WorkingDayCalendar.England();

    public static async Task<JsonNode> ScheduleInspection(this Testing.Platform platform, string area = Area, string areaName = AreaName,
        string theme = "front-door", DateOnly? fieldworkStart = null)
    {
        var lead = await platform.Tokens.Staff("lead-inspector", "ofsted");
        using var client = platform.Client(lead);
        var response = await client.PostJson("/api/orchestrator/inspections", new
        {
            localAreaCode = area,
            localAreaName = areaName,
            theme,
            fieldworkStart = fieldworkStart ?? NextFieldworkMonday(platform.Clock),
        });
        return await response.Expect(HttpStatusCode.Created);
    }

    /// <summary>Waits until an inspectorate's staff can read its copy of the inspection through the gateway.</summary>
    public static async Task<JsonNode> CopyHeldBy(this Testing.Platform platform, string inspectorate, Guid inspectionId, TimeSpan? timeout = null)
    {
        var token = await platform.Tokens.Staff("inspector", inspectorate);
        using var client = platform.Client(token);
        JsonNode? copy = null;
        await Testing.Platform.WaitUntil(async () =>
        {
            var response = await client.GetAsync($"/api/{inspectorate}/inspections/{inspectionId}");
            if (response.StatusCode != HttpStatusCode.OK) return false;
            copy = await response.ReadJson();
            return true;
        }, timeout ?? TimeSpan.FromSeconds(20), $"{inspectorate} to hold inspection {inspectionId}");
        return copy!;
    }
}
