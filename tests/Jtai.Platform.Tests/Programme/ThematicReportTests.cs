using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Jtai.Platform.Tests.Letter;
using Xunit;
using static Jtai.Platform.Tests.Evidence.EvidenceSteps;

namespace Jtai.Platform.Tests.Programme;

/// <summary>The thematic report (programme note ¶4): a theme's agreed findings drawn together, agreed by the inspectorates.</summary>
[Collection(PlatformCollection.Name)]
public sealed class ThematicReportTests(PlatformFixture fixture)
{
    private Testing.Platform Platform => fixture.Platform;
    private const string Theme = "serious-youth-violence";

    [Fact]
    public async Task The_report_draws_together_the_agreed_findings_of_three_inspections_by_criterion_agency_and_kind_and_is_agreed_by_each_inspectorate()
    {
        var gateshead = await Platform.AgreedFindingsOn(Theme, "E08000037", "Gateshead", ["police"]);
        var newcastle = await Platform.AgreedFindingsOn(Theme, "E08000021", "Newcastle upon Tyne", ["health", "police"], ["local-authority"]);
        var southTyneside = await Platform.AgreedFindingsOn(Theme, "E08000023", "South Tyneside");
        var agreed = new[] { gateshead, newcastle, southTyneside };

        // What the three registers hold, counted here from each inspection's own findings.
        var findings = new List<(Guid Inspection, JsonNode Finding)>();
        int year = 0;
        foreach (var inspection in agreed)
        {
            using var lead = await Platform.As(inspection.Lead);
            var register = await (await lead.GetAsync($"/api/orchestrator/inspections/{inspection.InspectionId}/findings")).Expect(HttpStatusCode.OK);
            Assert.True(register["agreed"]!.GetValue<bool>());
            findings.AddRange(register["findings"]!.AsArray().Select(f => (inspection.InspectionId, f!)));
            var held = await (await lead.GetAsync($"/api/orchestrator/inspections/{inspection.InspectionId}")).Expect(HttpStatusCode.OK);
            year = DateOnly.Parse(held["fieldworkStart"]!.GetValue<string>()).Year;
        }
        var expected = findings
            .SelectMany(x => x.Finding["criteria"]!.AsArray().SelectMany(c => x.Finding["agencies"]!.AsArray()
                .Select(a => (Key: $"{c}|{a}|{x.Finding["kind"]}", x.Inspection))))
            .GroupBy(x => x.Key)
            .ToDictionary(g => g.Key, g => (Count: g.Count(), Inspections: g.Select(x => x.Inspection).ToHashSet()));

        var path = $"/api/orchestrator/thematic-reports/{Theme}/{year}";
        using var ofsted = await Platform.Manager("ofsted");
        var report = await (await ofsted.GetAsync(path)).Expect(HttpStatusCode.OK);
        Assert.Equal(agreed.Select(a => a.InspectionId).ToHashSet(), report["letters"]!.AsArray().Select(l => l!["inspectionId"]!.GetValue<Guid>()).ToHashSet());
        var groups = report["groups"]!.AsArray().ToDictionary(
            g => $"{g!["criterion"]}|{g["agency"]}|{g["kind"]}",
            g => (Count: g!["count"]!.GetValue<int>(), Inspections: g["inspections"]!.AsArray().Select(i => i!.GetValue<Guid>()).ToHashSet()));
        Assert.Equal(expected.Keys.Order(), groups.Keys.Order());
        foreach (var (key, value) in expected)
        {
            Assert.Equal(value.Count, groups[key].Count);
            Assert.Equal(value.Inspections, groups[key].Inspections);
        }
        // Three areas for priority action from two letters; every inspection has a strength and an area for improvement.
        var totals = report["totals"]!.AsArray().ToDictionary(t => t!["kind"]!.GetValue<string>(), t => (t!["findings"]!.GetValue<int>(), t["inspections"]!.GetValue<int>()));
        Assert.Equal((3, 3), totals["strength"]);
        Assert.Equal((3, 3), totals["area-for-improvement"]);
        Assert.Equal((3, 2), totals["area-for-priority-action"]);
        Assert.Equal(2, groups["EC6|police|area-for-priority-action"].Count);
        Assert.Equal(new[] { gateshead.InspectionId, newcastle.InspectionId }.ToHashSet(), groups["EC6|police|area-for-priority-action"].Inspections);
        Assert.Equal(9, report["findings"]!.AsArray().Count);

        // The same as CSV: a header and one row per criterion, agency and kind, naming the letters.
        var csv = await ofsted.GetAsync($"{path}/csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var lines = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("theme,year,criterion,criterion_text,agency,kind,findings,inspections,letters", lines[0]);
        Assert.Equal(expected.Count + 1, lines.Length);
        Assert.Contains(lines, l => l.Contains(",police,area-for-priority-action,2,2,") && l.Contains("Gateshead") && l.Contains("Newcastle upon Tyne"));

        // And as a printable document, not yet agreed.
        var html = await (await ofsted.GetAsync($"{path}/html")).Content.ReadAsStringAsync();
        Assert.Contains("Not yet agreed by every inspectorate", html);
        foreach (var area in new[] { "Gateshead", "Newcastle upon Tyne", "South Tyneside" }) Assert.Contains(area, html);

        // Each inspectorate agrees; once is enough; partners and operations never see the report.
        using (var partner = Platform.Client(await Platform.Tokens.Partner("E08000037", "local-authority")))
            (await partner.GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using (var operations = Platform.Client(await Platform.Tokens.Operations()))
            (await operations.GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using (var inspector = Platform.Client(await Platform.Tokens.Staff("inspector", "cqc")))
            (await inspector.PostAsync($"{path}/agreements", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        JsonNode after = report;
        foreach (var inspectorate in new[] { "cqc", "hmicfrs", "ofsted" })
        {
            Assert.False(after["agreed"]!.GetValue<bool>());
            using var manager = await Platform.Manager(inspectorate);
            after = await (await manager.PostAsync($"{path}/agreements", null)).Expect(HttpStatusCode.OK);
            Assert.Contains(after["agreements"]!.AsArray(), a => a!["inspectorate"]!.GetValue<string>() == inspectorate && a["current"]!.GetValue<bool>());
        }
        Assert.True(after["agreed"]!.GetValue<bool>());
        await (await ofsted.PostAsync($"{path}/agreements", null)).ExpectProblem(HttpStatusCode.Conflict);
        Assert.DoesNotContain("Not yet agreed", await (await ofsted.GetAsync($"{path}/html")).Content.ReadAsStringAsync());

        // A fourth inspection's findings agreed later change the report: each inspectorate agrees it again.
        await Platform.AgreedFindingsOn(Theme, "E08000022", "North Tyneside");
        var changed = await (await ofsted.GetAsync(path)).Expect(HttpStatusCode.OK);
        Assert.Equal(4, changed["letters"]!.AsArray().Count);
        Assert.False(changed["agreed"]!.GetValue<bool>());
        Assert.All(changed["agreements"]!.AsArray(), a => Assert.False(a!["current"]!.GetValue<bool>()));
        var again = await (await ofsted.PostAsync($"{path}/agreements", null)).Expect(HttpStatusCode.OK);
        Assert.Contains(again["agreements"]!.AsArray(), a => a!["inspectorate"]!.GetValue<string>() == "ofsted" && a["current"]!.GetValue<bool>());
    }

    [Fact]
    public async Task An_unknown_theme_or_a_year_out_of_range_is_a_problem_naming_the_field()
    {
        using var ofsted = await Platform.Manager("ofsted");
        var theme = await (await ofsted.GetAsync("/api/orchestrator/thematic-reports/front-doors/2026")).ExpectProblem(HttpStatusCode.BadRequest);
        Assert.NotNull(theme["errors"]!["theme"]);
        var year = await (await ofsted.GetAsync("/api/orchestrator/thematic-reports/front-door/1999")).ExpectProblem(HttpStatusCode.BadRequest);
        Assert.NotNull(year["errors"]!["year"]);
        // Nothing agreed on a theme with no agreed findings that year.
        await (await ofsted.PostAsync("/api/orchestrator/thematic-reports/domestic-abuse/2030/agreements", null)).ExpectProblem(HttpStatusCode.Conflict);
    }
}
