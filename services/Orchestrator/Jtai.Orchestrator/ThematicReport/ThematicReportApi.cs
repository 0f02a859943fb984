using Jtai.Calendar.Frameworks;
using Jtai.Orchestrator.Data;
using Jtai.Orchestrator.Findings;
using Jtai.Orchestrator.Letter;
using Jtai.Orchestrator.Programme;
using Jtai.ServiceDefaults.Access;
using Jtai.ServiceDefaults.Problems;
using Jtai.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Jtai.Orchestrator.ThematicReport;

/// <summary>
/// The thematic report (programme note ¶4): a theme's agreed findings for a year drawn together by
/// evaluation criterion, agency and kind, with counts and the letters they come from; as JSON, CSV and a
/// printable document; agreed by each inspectorate taking part. Staff only: partners and operations never see it.
/// </summary>
public static class ThematicReportApi
{
    public const string Path = "/api/orchestrator/thematic-reports/{theme}/{year:int}";

    public static IEndpointRouteBuilder MapThematicReport(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Path).WithTags("Thematic report").RequireStanding(Rules.Staff);
        group.MapGet("/", Get);
        group.MapGet("/csv", Csv);
        group.MapGet("/html", Html);
        group.MapPost("/agreements", Agree).RequireStanding(ProgrammeRules.Managers);
        return app;
    }

    private static async Task<Results<Ok<ThematicReportView>, ValidationProblem>> Get(string theme, int year, OrchestratorDbContext db,
        FrameworkCatalog frameworks, TimeProvider clock, CancellationToken ct) =>
        Validate(theme, year, frameworks) is { } problem ? problem : TypedResults.Ok(await db.ThematicReportFor(frameworks, theme, year, clock.GetUtcNow(), ct));

    private static async Task<Results<FileContentHttpResult, ValidationProblem>> Csv(string theme, int year, OrchestratorDbContext db,
        FrameworkCatalog frameworks, TimeProvider clock, CancellationToken ct)
    {
        if (Validate(theme, year, frameworks) is { } problem) return problem;
        var report = await db.ThematicReportFor(frameworks, theme, year, clock.GetUtcNow(), ct);
        return TypedResults.File(ThematicReportRendering.Csv(report), "text/csv; charset=utf-8", $"jtai-thematic-{theme}-{year}.csv");
    }

    private static async Task<Results<ContentHttpResult, ValidationProblem>> Html(string theme, int year, OrchestratorDbContext db,
        FrameworkCatalog frameworks, TimeProvider clock, CancellationToken ct)
    {
        if (Validate(theme, year, frameworks) is { } problem) return problem;
        var report = await db.ThematicReportFor(frameworks, theme, year, clock.GetUtcNow(), ct);
        return TypedResults.Content(ThematicReportRendering.Html(report), "text/html; charset=utf-8");
    }

    /// <summary>A manager records their inspectorate's agreement to the report as it stands now (the fingerprint of what it draws together).</summary>
    private static async Task<Results<Ok<ThematicReportView>, ValidationProblem>> Agree(string theme, int year, Standing standing, HttpContext http,
        OrchestratorDbContext db, FrameworkCatalog frameworks, TimeProvider clock, CancellationToken ct)
    {
        if (Validate(theme, year, frameworks) is { } problem) return problem;
        var now = clock.GetUtcNow();
        var report = await db.ThematicReportFor(frameworks, theme, year, now, ct);
        var inspectorate = standing.Inspectorate!;
        var existing = await db.Set<ThematicReportAgreement>().SingleOrDefaultAsync(a => a.Theme == theme && a.Year == year && a.Inspectorate == inspectorate, ct);
        var agreement = ThematicReportAgreement.Agree(existing, report, inspectorate, standing.Subject!, http.User.DisplayName(), now);
        if (existing is null) db.Add(agreement);
        await db.SaveAgreement(inspectorate, ct);
        return TypedResults.Ok(await db.ThematicReportFor(frameworks, theme, year, now, ct));
    }

    private static ValidationProblem? Validate(string theme, int year, FrameworkCatalog frameworks)
    {
        var errors = new RequestErrors();
        errors.OneOf(theme, frameworks.Keys, "theme");
        if (year is < 2000 or > 2100) errors.Add("year", "'year' is the calendar year of the inspections' fieldwork.");
        return errors.Any ? TypedResults.ValidationProblem(errors.ToDictionary()) : null;
    }
}
