using Jtai.Calendar.Frameworks;
using Jtai.Orchestrator.Data;
using Jtai.Orchestrator.Findings;
using Jtai.Orchestrator.Letter;
using Jtai.ServiceDefaults.Problems;
using Microsoft.EntityFrameworkCore;

namespace Jtai.Orchestrator.ThematicReport;

/// <summary>Draws the thematic report from the stored inspections, findings, letters and agreements.</summary>
public static class ThematicReports
{
    /// <summary>The theme's inspections with fieldwork in the year whose findings the team agreed, their findings and letters.</summary>
    public static async Task<ThematicReportView> ThematicReportFor(this OrchestratorDbContext db, FrameworkCatalog frameworks, string theme, int year,
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

    /// <summary>Records an agreement; two agreements of one inspectorate at once are one agreement and a 409, not a 500.</summary>
    public static async Task SaveAgreement(this OrchestratorDbContext db, string inspectorate, CancellationToken ct)
    {
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException ex) when (ex.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            throw new DomainRuleException("thematic-report-agreement", $"{inspectorate}'s agreement was recorded by another request at the same time.");
        }
    }
}
