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
        Validate(theme, year, frameworks) is { } problem ? problem : TypedResults.Ok(await Build(db, frameworks, theme, year, clock.GetUtcNow(), ct));

    private static async Task<Results<FileContentHttpResult, ValidationProblem>> Csv(string theme, int year, OrchestratorDbContext db,
        FrameworkCatalog frameworks, TimeProvider clock, CancellationToken ct)
    {
        if (Validate(theme, year, frameworks) is { } problem) return problem;
        var report = await Build(db, frameworks, theme, year, clock.GetUtcNow(), ct);
        return TypedResults.File(ThematicReportRendering.Csv(report), "text/csv; charset=utf-8", $"jtai-thematic-{theme}-{year}.csv");
    }

    private static async Task<Results<ContentHttpResult, ValidationProblem>> Html(string theme, int year, OrchestratorDbContext db,
        FrameworkCatalog frameworks, TimeProvider clock, CancellationToken ct)
    {
        if (Validate(theme, year, frameworks) is { } problem) return problem;
        var report = await Build(db, frameworks, theme, year, clock.GetUtcNow(), ct);
        return TypedResults.Content(ThematicReportRendering.Html(report), "text/html; charset=utf-8");
    }

    /// <summary>A manager records their inspectorate's agreement to the report as it stands now (the fingerprint of what it draws together).</summary>
    private static async Task<Results<Ok<ThematicReportView>, ValidationProblem>> Agree(string theme, int year, Standing standing, HttpContext http,
        OrchestratorDbContext db, FrameworkCatalog frameworks, TimeProvider clock, CancellationToken ct)
    {
        if (Validate(theme, year, frameworks) is { } problem) return problem;
        var now = clock.GetUtcNow();
        var report = await Build(db, frameworks, theme, year, now, ct);
        var inspectorate = standing.Inspectorate!;
        if (!report.Inspectorates.Contains(inspectorate))
            throw new DomainRuleException("inspectorate-takes-part", $"{inspectorate} does not take part in {theme} inspections.");
        if (report.Findings.Count == 0)
            throw new DomainRuleException("thematic-report-has-findings", $"No {theme} inspection in {year} has agreed findings yet: there is nothing to agree.");
        var existing = await db.Set<ThematicReportAgreement>().SingleOrDefaultAsync(a => a.Theme == theme && a.Year == year && a.Inspectorate == inspectorate, ct);
        if (existing?.Fingerprint == report.Fingerprint)
            throw new DomainRuleException("thematic-report-agreement", $"{inspectorate} has already agreed the report as it stands.");
        if (existing is null)
        {
            existing = new ThematicReportAgreement
            {
                Theme = theme, Year = year, Inspectorate = inspectorate, AgreedBy = standing.Subject!, AgreedByName = http.User.DisplayName(),
                Fingerprint = report.Fingerprint,
            };
            db.Add(existing);
        }
        // An inspection agreed since the last agreement changed the report: the inspectorate agrees it again.
        existing.AgreedBy = standing.Subject!;
        existing.AgreedByName = http.User.DisplayName();
        existing.AgreedAt = now;
        existing.Fingerprint = report.Fingerprint;
        existing.Inspections = report.Letters.Count;
        existing.Findings = report.Findings.Count;
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException ex) when (ex.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            throw new DomainRuleException("thematic-report-agreement", $"{inspectorate}'s agreement was recorded by another request at the same time.");
        }
        return TypedResults.Ok(await Build(db, frameworks, theme, year, now, ct));
    }

    private static ValidationProblem? Validate(string theme, int year, FrameworkCatalog frameworks)
    {
        var errors = new RequestErrors();
        errors.OneOf(theme, frameworks.Keys, "theme");
        if (year is < 2000 or > 2100) errors.Add("year", "'year' is the calendar year of the inspections' fieldwork.");
        return errors.Any ? TypedResults.ValidationProblem(errors.ToDictionary()) : null;
    }

    /// <summary>The theme's inspections with fieldwork in the year whose findings the team agreed, their findings and letters.</summary>
    public static async Task<ThematicReportView> Build(OrchestratorDbContext db, FrameworkCatalog frameworks, string theme, int year,
        DateTimeOffset now, CancellationToken ct)
    {
        var framework = frameworks.Latest(theme);
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var inspections = await db.Inspections.AsNoTracking()
            .Where(i => i.Theme == theme && i.FieldworkStart >= from && i.FieldworkStart <= to && i.Status != "cancelled")
            .Join(db.Set<FindingsAgreement>().AsNoTracking(), i => i.Id, a => a.InspectionId, (i, a) => new { Inspection = i, a.AgreedAt })
            .OrderBy(x => x.Inspection.FieldworkStart).ThenBy(x => x.Inspection.LocalAreaName)
            .ToListAsync(ct);
        var ids = inspections.Select(x => x.Inspection.Id).ToList();
        var letters = await db.Set<InspectionLetter>().AsNoTracking().Where(l => ids.Contains(l.InspectionId)).ToDictionaryAsync(l => l.InspectionId, ct);
        var findings = await db.Set<Finding>().AsNoTracking().Where(f => ids.Contains(f.InspectionId)).OrderBy(f => f.CreatedAt).ToListAsync(ct);
        var names = inspections.ToDictionary(x => x.Inspection.Id, x => x.Inspection.LocalAreaName);

        var shownLetters = inspections.Select(x =>
        {
            var letter = letters.GetValueOrDefault(x.Inspection.Id);
            return new ThematicLetter(x.Inspection.Id, x.Inspection.LocalAreaCode, x.Inspection.LocalAreaName, x.Inspection.FieldworkStart, x.AgreedAt,
                letter is null ? null : LetterStages.Of(letter, now), letter?.LetterDate, letter?.IsPublished(now) ?? false);
        }).ToList();
        var shownFindings = findings
            .OrderBy(f => shownLetters.FindIndex(l => l.InspectionId == f.InspectionId)).ThenBy(f => f.CreatedAt)
            .Select(f => new ThematicFinding(f.Id, f.InspectionId, names[f.InspectionId], f.Kind, f.Text, f.Agencies, f.Services, f.Criteria))
            .ToList();
        var (totals, groups) = ThematicSummary.Summarise(shownFindings, CriteriaTexts(frameworks, framework));
        var fingerprint = ThematicSummary.Fingerprint(shownLetters, shownFindings);
        var agreements = (await db.Set<ThematicReportAgreement>().AsNoTracking().Where(a => a.Theme == theme && a.Year == year).ToListAsync(ct))
            .OrderBy(a => framework.Inspectorates.ToList().IndexOf(a.Inspectorate))
            .Select(a => new ThematicAgreementView(a.Inspectorate, a.AgreedBy, a.AgreedByName, a.AgreedAt, a.Inspections, a.Findings, a.Fingerprint == fingerprint))
            .ToList();
        var agreed = shownFindings.Count > 0 && framework.Inspectorates.All(i => agreements.Any(a => a.Inspectorate == i && a.Current));
        return new ThematicReportView(framework.Key, framework.Name, year, framework.Inspectorates, shownLetters, totals, groups, shownFindings,
            agreements, agreed, fingerprint);
    }

    /// <summary>
    /// The criteria's words: the theme's own, or the front door's EC1–EC22 where the theme's data carries none
    /// (as findings are checked against them, see FrameworkCriteria).
    /// </summary>
    private static Dictionary<string, string> CriteriaTexts(FrameworkCatalog frameworks, Framework framework)
    {
        var criteria = framework.EvaluationCriteria.Count > 0 || !frameworks.TryGetLatest("front-door", out var frontDoor)
            ? framework.EvaluationCriteria
            : frontDoor.EvaluationCriteria;
        return criteria.ToDictionary(c => c.Code, c => c.Text, StringComparer.OrdinalIgnoreCase);
    }
}
