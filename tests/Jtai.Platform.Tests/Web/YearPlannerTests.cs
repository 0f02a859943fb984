using System.Net;
using System.Net.Http.Json;
using Jtai.Platform.Tests.Evidence;
using Jtai.Platform.Tests.Programme;
using Microsoft.Playwright;
using Xunit;
using static Jtai.Platform.Tests.Programme.ProgrammeSteps;

namespace Jtai.Platform.Tests.Web;

/// <summary>The year planner page: the programme's fieldwork weeks per inspectorate, capacity and clashes at a glance, and the same as tables.</summary>
[Collection(WebCollection.Name)]
public sealed class YearPlannerTests(WebFixture fixture)
{
    private Testing.Platform Platform => fixture.Platform;

    [Fact]
    public async Task The_planner_shows_each_inspectorates_fieldwork_weeks_capacity_and_a_clash_as_a_chart_and_tables_and_passes_axe()
    {
        var year = Platform.NextYear();
        (string Code, string Name)[] areas = [("E06000010", "Kingston upon Hull"), ("E06000011", "East Riding of Yorkshire"), ("E06000012", "North East Lincolnshire")];
        Guid last = default;
        foreach (var (code, name) in areas) last = await Platform.RoutineInspection(code, name);
        await Platform.CandidatesOnceHolding("early-help", year, last);

        using var ofsted = await Platform.Manager("ofsted");
        var id = (await (await ofsted.PostJson("/api/orchestrator/programmes", new { theme = "early-help", year, areas = areas.Select(a => a.Code) }))
            .Expect(HttpStatusCode.Created))["id"]!.GetValue<Guid>();
        await Platform.Offer(id, "ofsted", new Person("web-ofsted-lead", "Olu Lead", "lead-inspector"), new Person("web-ofsted-sci", "Sian Inspector", "inspector"),
            new Person("web-ofsted-hmi", "Hamid HMI", "hmi"));
        await Platform.Offer(id, "cqc", new Person("web-cqc-lead", "Cath Lead", "lead-inspector"), new Person("web-cqc-1", "Colm Inspector", "inspector"));
        await Platform.Offer(id, "hmicfrs", new Person("web-hmicfrs-lead", "Hope Lead", "lead-inspector"), new Person("web-hmicfrs-1", "Huw Inspector", "inspector"));
        foreach (var inspectorate in new[] { "ofsted", "cqc", "hmicfrs" }) await Platform.Agree(id, inspectorate);
        var planned = await (await ofsted.PostAsync($"/api/orchestrator/programmes/{id}/plan", null)).Expect(HttpStatusCode.OK);
        var first = planned["areas"]!.AsArray().Select(a => a!).OrderBy(a => a["fieldworkStart"]!.GetValue<string>()).First();
        var clashWeek = DateOnly.Parse(first["fieldworkStart"]!.GetValue<string>());

        // Someone places CQC's lead by hand on another inspection in the same week: a clash the planner must show.
        var other = (await Platform.ScheduleInspection(area: "E06000013", areaName: "North Lincolnshire", fieldworkStart: clashWeek))["id"]!.GetValue<Guid>();
        await Platform.Assign(other, new EvidenceSteps.Member("web-cqc-lead", "cqc", "lead-inspector"));

        var page = await fixture.SignedIn("manager", "ofsted", subject: "web-programme-manager", name: "Mo Manager");
        await page.GetByRole(AriaRole.Link, new() { Name = "Programme" }).ClickAsync();
        await page.Reached("**/programme/planner");
        await page.GotoAsync($"/programme/planner?year={year}");
        Assert.Equal($"Year planner {year}", await page.Heading());

        // The chart: one image with a name and a summary a screen reader reads out.
        var chart = page.GetByRole(AriaRole.Img, new() { Name = $"Year planner for {year}" });
        Assert.Equal(1, await chart.CountAsync());
        var summary = await page.Locator("#planner-summary").TextContentAsync();
        Assert.Contains("4 inspections", summary);
        Assert.Contains("1 clash", summary);
        // One capacity line per inspectorate of the registry.
        Assert.Equal(Jtai.ServiceDefaults.Security.Inspectorates.All.Count, await page.Locator(".app-planner__chart text", new() { HasText = "capacity" }).CountAsync());
        Assert.Equal(1, await page.Locator(".app-planner__chart rect[stroke='#d4351c']").CountAsync());

        // The clash named at the top, linking to its week in the table.
        var alert = page.Locator(".govuk-error-summary");
        Assert.Contains("1 clash", await alert.InnerTextAsync());
        Assert.Contains("Cath Lead (CQC)", await alert.InnerTextAsync());
        Assert.Contains("North Lincolnshire", await alert.InnerTextAsync());

        // The same as tables: capacity per inspectorate and every inspection's fieldwork week.
        var table = await page.Locator(".app-planner__table").InnerTextAsync();
        foreach (var (_, name) in areas) Assert.Contains(name, table);
        Assert.Contains("North Lincolnshire", table);
        Assert.Equal(2, await page.Locator(".app-planner__table .govuk-tag--red").CountAsync());
        var capacity = await page.Locator("table").First.InnerTextAsync();
        Assert.Contains("CQC", capacity);
        await page.ShouldBeAccessible("year-planner");

        // Partner agencies never see the programme.
        var partner = await fixture.SignedIn("partner-agency", area: "E06000010", agency: "local-authority", subject: "web-hull-la");
        Assert.Equal(0, await partner.GetByRole(AriaRole.Link, new() { Name = "Programme" }).CountAsync());
        await partner.GotoAsync($"/programme/planner?year={year}");
        Assert.Equal("You cannot see this page", await partner.Heading());
    }
}
