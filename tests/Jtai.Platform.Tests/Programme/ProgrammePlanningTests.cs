using System.Net;
using System.Text.Json.Nodes;
using Jtai.Calendar.WorkingDays;
using Jtai.Platform.Tests.Evidence;
using Xunit;
using static Jtai.Platform.Tests.Programme.ProgrammeSteps;

namespace Jtai.Platform.Tests.Programme;

/// <summary>
/// The year's programme for a theme: Ofsted proposes ten areas (programme note ¶6), every inspectorate
/// records its agreement and offers its inspectors, and planning turns the areas into inspections with
/// fieldwork weeks across the year, clear of bank holidays and Christmas, nobody in two fieldworks at once.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ProgrammePlanningTests(PlatformFixture fixture)
{
    private Testing.Platform Platform => fixture.Platform;
    private static readonly WorkingDayCalendar England = WorkingDayCalendar.England();

    private static readonly (string Code, string Name)[] Areas =
    [
        ("E08000001", "Bolton"), ("E08000002", "Bury"), ("E08000003", "Manchester"), ("E08000004", "Oldham"), ("E08000005", "Rochdale"),
        ("E08000006", "Salford"), ("E08000007", "Stockport"), ("E08000008", "Tameside"), ("E08000009", "Trafford"), ("E08000010", "Wigan"),
    ];

    [Fact]
    public async Task Ten_agreed_areas_are_planned_across_the_year_with_no_clash_and_no_fieldwork_over_a_bank_holiday()
    {
        var year = Platform.NextYear();
        Guid last = default;
        foreach (var (code, name) in Areas) last = await Platform.RoutineInspection(code, name);
        await Platform.CandidatesOnceHolding("domestic-abuse", year, last);

        // The one Ofsted lead offered is already on another inspection's fieldwork in the spring.
        var busyWeek = new DateOnly(year, 3, 1);
        while (busyWeek.DayOfWeek != DayOfWeek.Monday || !England.IsWorkingDay(busyWeek)) busyWeek = busyWeek.AddDays(1);
        var other = (await Platform.ScheduleInspection(area: "E08000011", areaName: "Knowsley", fieldworkStart: busyWeek))["id"]!.GetValue<Guid>();
        await Platform.Assign(other, new EvidenceSteps.Member("plan-ofsted-lead", "ofsted", "lead-inspector"));

        using var ofsted = await Platform.Manager("ofsted");
        // Only Ofsted's managers propose: not an inspector, not another inspectorate.
        using (var inspector = Platform.Client(await Platform.Tokens.Staff("inspector", "ofsted")))
            (await inspector.PostJson("/api/orchestrator/programmes", new { theme = "domestic-abuse", year })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using (var cqc = await Platform.Manager("cqc"))
            (await cqc.PostJson("/api/orchestrator/programmes", new { theme = "domestic-abuse", year })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var unknown = await (await ofsted.PostJson("/api/orchestrator/programmes", new { theme = "domestic-abuse", year, areas = new[] { "E09000033" } }))
            .ExpectProblem(HttpStatusCode.BadRequest);
        Assert.NotNull(unknown["errors"]!["areas[0]"]);

        var proposed = await (await ofsted.PostJson("/api/orchestrator/programmes",
            new { theme = "domestic-abuse", year, areas = Areas.Select(a => a.Code) })).Expect(HttpStatusCode.Created);
        var id = proposed["id"]!.GetValue<Guid>();
        Assert.Equal("proposed", proposed["status"]!.GetValue<string>());
        Assert.Equal(10, proposed["areas"]!.AsArray().Count);
        Assert.All(proposed["areas"]!.AsArray(), a => Assert.NotEmpty(a!["reasons"]!.AsArray()));
        Assert.Equal(["ofsted", "cqc", "hmicfrs"], proposed["awaitingAgreement"]!.AsArray().Select(x => x!.GetValue<string>()));
        (await ofsted.PostJson("/api/orchestrator/programmes", new { theme = "domestic-abuse", year })).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        await Platform.Offer(id, "ofsted", new Person("plan-ofsted-lead", "Olivia Lead", "lead-inspector"),
            new Person("plan-ofsted-sci-1", "Sam Inspector", "inspector"), new Person("plan-ofsted-sci-2", "Sasha Inspector", "inspector"),
            new Person("plan-ofsted-hmi", "Hana HMI", "hmi"));
        await Platform.Offer(id, "cqc", new Person("plan-cqc-lead", "Chris Lead", "lead-inspector"), new Person("plan-cqc-1", "Cara Inspector", "inspector"));
        await Platform.Offer(id, "hmicfrs", new Person("plan-hmicfrs-lead", "Harriet Lead", "lead-inspector"),
            new Person("plan-hmicfrs-1", "Hugo Inspector", "inspector"), new Person("plan-hmicfrs-2", "Hal Inspector", "inspector"));
        // A team role the theme does not staff for that inspectorate is refused, naming the person.
        using (var cqc = await Platform.Manager("cqc"))
        {
            var wrongRole = await (await cqc.PutAsync($"/api/orchestrator/programmes/{id}/inspectors/cqc",
                System.Net.Http.Json.JsonContent.Create(new { inspectors = new[] { new { userId = "x", name = "X", teamRole = "hmi" } } }))).ExpectProblem(HttpStatusCode.BadRequest);
            Assert.NotNull(wrongRole["errors"]!["inspectors[0].teamRole"]);
            // CQC's managers offer CQC's people, not HMICFRS's.
            (await cqc.PutAsync($"/api/orchestrator/programmes/{id}/inspectors/hmicfrs",
                System.Net.Http.Json.JsonContent.Create(new { inspectors = Array.Empty<object>() }))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        // Each inspectorate records its own agreement; planning waits for all three.
        await Platform.Agree(id, "ofsted");
        var early = await (await ofsted.PostAsync($"/api/orchestrator/programmes/{id}/plan", null)).ExpectProblem(HttpStatusCode.Conflict);
        Assert.Equal("programme-agreed-first", early["rule"]!.GetValue<string>());
        (await ofsted.PostAsync($"/api/orchestrator/programmes/{id}/agreements", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        await Platform.Agree(id, "cqc");
        var agreed = await Platform.Agree(id, "hmicfrs");
        Assert.Equal("agreed", agreed["status"]!.GetValue<string>());
        Assert.Equal(3, agreed["agreements"]!.AsArray().Count);

        var planned = await (await ofsted.PostAsync($"/api/orchestrator/programmes/{id}/plan", null)).Expect(HttpStatusCode.OK);
        Assert.Equal("planned", planned["status"]!.GetValue<string>());
        var areas = planned["areas"]!.AsArray().Select(a => a!).ToList();
        Assert.Equal(10, areas.Count);

        var fieldworks = new List<(Guid Inspection, DateOnly Start, DateOnly End, string[] Team)>();
        using var reader = Platform.Client(await Platform.Tokens.Staff("inspector", "ofsted"));
        foreach (var area in areas)
        {
            var inspectionId = area["inspectionId"]!.GetValue<Guid>();
            var start = DateOnly.Parse(area["fieldworkStart"]!.GetValue<string>());
            var inspection = await (await reader.GetAsync($"/api/orchestrator/inspections/{inspectionId}")).Expect(HttpStatusCode.OK);
            Assert.Equal("scheduled", inspection["status"]!.GetValue<string>());
            Assert.Equal("domestic-abuse", inspection["theme"]!.GetValue<string>());
            Assert.Equal(area["localAreaCode"]!.GetValue<string>(), inspection["localAreaCode"]!.GetValue<string>());
            // Fieldwork Monday to Friday, every day a working day: no bank holiday, and clear of Christmas from notification on.
            Assert.Equal(DayOfWeek.Monday, start.DayOfWeek);
            Assert.Equal(year, start.Year);
            Assert.All(Enumerable.Range(0, 5).Select(start.AddDays), day => Assert.True(England.IsWorkingDay(day), $"{day} is not a working day"));
            var notification = England.AddWorkingDays(start, -10);
            Assert.All(Enumerable.Range(0, start.AddDays(4).DayNumber - notification.DayNumber + 1).Select(notification.AddDays),
                day => Assert.False(day is { Month: 12, Day: >= 15 } or { Month: 1, Day: <= 5 }, $"the inspection from {start} runs into the Christmas period on {day}"));
            var team = await (await reader.GetAsync($"/api/orchestrator/inspections/{inspectionId}/team")).Expect(HttpStatusCode.OK);
            var members = team.AsArray().Select(m => m!["userId"]!.GetValue<string>()).ToArray();
            Assert.Equal(7, members.Length);
            Assert.Single(team.AsArray(), m => m!["inspectorate"]!.GetValue<string>() == "ofsted" && m["teamRole"]!.GetValue<string>() == "lead-inspector");
            fieldworks.Add((inspectionId, start, start.AddDays(4), members));
        }

        // Spread across the year: one inspection a week at most, the first in the first quarter, the last in the last.
        Assert.Equal(10, fieldworks.Select(f => f.Start).Distinct().Count());
        Assert.True(fieldworks.Min(f => f.Start).Month <= 3 && fieldworks.Max(f => f.Start).Month >= 10,
            $"fieldwork from {fieldworks.Min(f => f.Start)} to {fieldworks.Max(f => f.Start)} is not spread across {year}");
        // Nobody in two fieldworks at once — including the lead already on Knowsley's fieldwork.
        var all = fieldworks.Append((Inspection: other, Start: busyWeek, End: busyWeek.AddDays(4), Team: new[] { "plan-ofsted-lead" })).ToList();
        foreach (var a in all)
            foreach (var b in all.Where(b => b.Inspection != a.Inspection && b.Start <= a.End && a.Start <= b.End))
                Assert.Empty(a.Team.Intersect(b.Team));
        // The same answer from the year planner: no clash among this year's inspections.
        var planner = await (await reader.GetAsync($"/api/orchestrator/planner?year={year}")).Expect(HttpStatusCode.OK);
        Assert.DoesNotContain(planner["clashes"]!.AsArray(), c => c!["userId"]!.GetValue<string>().StartsWith("plan-", StringComparison.Ordinal));
        Assert.All(planner["inspections"]!.AsArray().Where(i => fieldworks.Any(f => f.Inspection == i!["inspectionId"]!.GetValue<Guid>())),
            i => Assert.Empty(i!["bankHolidaysInFieldwork"]!.AsArray()));

        // The inspectorates hold the planned inspections and their teams, as for any scheduled inspection.
        foreach (var inspectorate in new[] { "ofsted", "cqc", "hmicfrs" }) await Platform.CopyHeldBy(inspectorate, fieldworks[0].Inspection);
        (await ofsted.PostAsync($"/api/orchestrator/programmes/{id}/plan", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }
}
