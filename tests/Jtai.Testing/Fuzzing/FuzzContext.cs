using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Jtai.ServiceDefaults.Paging;
using Jtai.Calendar.WorkingDays;
using Jtai.Contracts.Events;
using MassTransit;

namespace Jtai.Testing.Fuzzing;

/// <summary>
/// What a fuzzed request can point at: an inspection with a team drawn from every inspectorate,
/// each inspectorate's follow-ups of a priority action, the callers' tokens, and ids the platform
/// handed back to earlier requests (so a malformed request reaches the code behind a real id).
/// </summary>
public sealed class FuzzContext
{
    public const string Area = "E08000025";

    /// <summary>Callers by service: staff of that inspectorate on the team (and managers), partners and operations for the orchestrator.</summary>
    public static readonly Dictionary<string, (string Role, string? Inspectorate, string? Agency)[]> Callers = new()
    {
        ["orchestrator"] = [("lead-inspector", "ofsted", null), ("manager", "ofsted", null), ("qa-manager", "ofsted", null),
            ("lead-inspector", "cqc", null), ("manager", "hmicfrs", null), ("partner-agency", null, "local-authority"), ("operations", null, null)],
        ["ofsted"] = [("lead-inspector", "ofsted", null), ("inspector", "ofsted", null), ("manager", "ofsted", null),
            ("partner-agency", null, "local-authority"), ("partner-agency", null, "police"), ("inspector", "cqc", null)],
        ["cqc"] = [("inspector", "cqc", null), ("lead-inspector", "cqc", null), ("manager", "cqc", null)],
        ["hmicfrs"] = [("inspector", "hmicfrs", null), ("lead-inspector", "hmicfrs", null), ("hmi", "hmicfrs", null), ("manager", "hmicfrs", null)],
    };

    private readonly ConcurrentDictionary<string, ConcurrentBag<Guid>> _harvested = new();
    private readonly Dictionary<string, Guid[]> _followUps = new();

    private FuzzContext(Platform platform) => Platform = platform;

    public Platform Platform { get; }
    public Guid InspectionId { get; private set; }
    public DateOnly FieldworkStart { get; private set; }
    public DateOnly WinterDay { get; private set; }
    public DateOnly SummerDay { get; private set; }
    public Dictionary<string, string[]> Tokens { get; } = new();
    /// <summary>Anything seeding wanted but did not get (the fuzz still runs; this says how deep it could reach).</summary>
    public List<string> SeedNotes { get; } = [];

    public static string Subject(string role, string? inspectorate, string? agency) =>
        $"fuzz-{inspectorate ?? agency ?? "platform"}-{role}";

    /// <summary>Schedules the inspection, puts every staff caller on its team, opens a follow-up in each inspectorate.</summary>
    public static async Task<FuzzContext> Seed(Platform platform)
    {
        var context = new FuzzContext(platform);
        var calendar = WorkingDayCalendar.England();
        var today = LondonTime.Today(platform.Clock);
        var fieldwork = today.AddDays(56);
        while (fieldwork.DayOfWeek != DayOfWeek.Monday || !calendar.IsWorkingDay(fieldwork)) fieldwork = fieldwork.AddDays(1);
        context.FieldworkStart = fieldwork;
        context.WinterDay = new DateOnly(today.Year + 1, 1, 12);
        context.SummerDay = new DateOnly(today.Year + 1, 6, 1);

        foreach (var (service, callers) in Callers)
        {
            var tokens = new List<string>();
            foreach (var (role, inspectorate, agency) in callers)
            {
                var subject = Subject(role, inspectorate, agency);
                tokens.Add(agency is not null ? await platform.Tokens.Partner(Area, agency, subject)
                    : inspectorate is not null ? await platform.Tokens.Staff(role, inspectorate, subject)
                    : await platform.Tokens.Operations(subject));
            }
            context.Tokens[service] = [.. tokens];
        }

        using var manager = platform.Client(await platform.Tokens.Staff("manager", "ofsted", Subject("manager", "ofsted", null)));
        var scheduled = await manager.PostAsJsonAsync("/api/orchestrator/inspections", new
        {
            localAreaCode = Area, localAreaName = "Birmingham", theme = "front-door", fieldworkStart = fieldwork,
        });
        var inspection = await scheduled.Content.ReadFromJsonAsync<JsonNode>();
        context.InspectionId = inspection?["id"]?.GetValue<Guid>()
            ?? throw new InvalidOperationException($"Could not schedule the fuzz inspection: {(int)scheduled.StatusCode} {inspection}");

        foreach (var (role, inspectorate, _) in Callers.Values.SelectMany(c => c).Distinct().Where(c => c.Inspectorate is not null && c.Role != "manager"))
        {
            var subject = Subject(role, inspectorate, null);
            // The team's one lead inspector is Ofsted's (¶10); the other inspectorates' leads sit on it as inspectors.
            var teamRole = role == "lead-inspector" && inspectorate != "ofsted" ? "inspector" : role;
            var put = await manager.PutAsJsonAsync($"/api/orchestrator/inspections/{context.InspectionId}/team/{subject}",
                new { name = $"Fuzz {role} {inspectorate}", inspectorate, teamRole });
            if (!put.IsSuccessStatusCode) context.SeedNotes.Add($"team {subject}: {(int)put.StatusCode}");
        }

        await context.OpenFollowUps();
        return context;
    }

    /// <summary>A priority action for each inspectorate's agency, published on the platform's broker as the letter would.</summary>
    private async Task OpenFollowUps()
    {
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg => cfg.Host(Platform.Infrastructure.AmqpFor(Platform.Vhost)));
        await bus.StartAsync(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);
        try
        {
            var today = LondonTime.Today(Platform.Clock);
            foreach (var agency in new[] { "local-authority", "health", "police" })
                for (var i = 0; i < 3; i++)
                    await bus.Publish(new PriorityActionIdentified(InspectionId, NewId.NextGuid(), Area, "Birmingham", [agency], false,
                        "Children referred out of hours wait too long for a strategy discussion.", today, today, Platform.Clock.GetUtcNow()));
        }
        finally { await bus.StopAsync(); }

        foreach (var (service, index) in new[] { ("ofsted", 2), ("cqc", 0), ("hmicfrs", 0) })
        {
            using var staff = Platform.Client(Tokens[service][index]);
            Guid[] ids = [];
            try
            {
                await Platform.WaitUntil(async () =>
                {
                    // One page holds them: a fresh inspection has a handful of follow-ups, far fewer than the largest page.
                    var page = await staff.GetFromJsonAsync<JsonObject>($"/api/{service}/follow-ups?inspectionId={InspectionId}&limit={PageQuery.MaxLimit}");
                    ids = page?["items"]?.AsArray().Select(f => f!["id"]!.GetValue<Guid>()).ToArray() ?? [];
                    return ids.Length >= 3;
                }, TimeSpan.FromSeconds(30), $"{service} to open its follow-ups");
            }
            catch (Exception ex) when (ex is TimeoutException or HttpRequestException)
            {
                SeedNotes.Add($"{service} follow-ups: {ids.Length} ({ex.Message})");
            }
            _followUps[service] = ids;
        }
    }

    /// <summary>A real id for a path parameter when one is known (by name, or handed back for the route's collection), else a new one.</summary>
    public Guid Guid(string? name, string service = "", string? collection = null, Random? random = null)
    {
        random ??= Random.Shared;
        if (name is "inspectionId" or "id") return InspectionId;
        if (name == "followUpId" && _followUps.TryGetValue(service, out var followUps) && followUps.Length > 0)
            return followUps[random.Next(followUps.Length)];
        if (collection is not null && _harvested.TryGetValue(collection, out var ids) && !ids.IsEmpty)
            return ids.ElementAt(random.Next(ids.Count));
        return System.Guid.NewGuid();
    }

    /// <summary>Keeps an id the platform answered with, under the path it was created at.</summary>
    public void Harvest(string path, Guid id)
    {
        var bag = _harvested.GetOrAdd(path, _ => []);
        if (bag.Count < 50) bag.Add(id);
    }
}
