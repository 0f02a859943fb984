using Jtai.Calendar.Frameworks;
using Jtai.Orchestrator.Data;
using Jtai.Orchestrator.Inspections;
using Jtai.Orchestrator.Findings;
using Jtai.Orchestrator.Letter;
using Jtai.ServiceDefaults.Problems;
using Jtai.ServiceDefaults.Security;
using Microsoft.EntityFrameworkCore;

namespace Jtai.Orchestrator.QualityAssurance;

/// <summary>
/// ¶80–81: the draft goes to the partnership only once the QA manager has checked, and a senior
/// manager of each inspectorate has agreed, the version being sent.
/// </summary>
public static class LetterQualityGate
{
    /// <summary>The gate before the draft goes out (¶82) and before the final letter (¶83): 409 naming what is missing.</summary>
    public static async Task EnsureReadyToSend(OrchestratorDbContext db, FrameworkCatalog frameworks, InspectionLetter letter, CancellationToken ct,
        string what = "draft")
    {
        if (letter.QaCheckedVersion != letter.CurrentVersion)
            throw new DomainRuleException($"qa-before-{what}",
                $"The QA manager has not checked version {letter.CurrentVersion} of the letter against the evidence (¶80).");
        var agreed = await db.Set<LetterAgreement>().Where(a => a.InspectionId == letter.InspectionId && a.LetterVersion == letter.CurrentVersion)
            .Select(a => a.Inspectorate).ToListAsync(ct);
        // Only the inspectorates the inspection's framework has taking part agree (an Ofsted-only letter: Ofsted alone).
        var inspection = await db.Inspections.AsNoTracking().SingleAsync(i => i.Id == letter.InspectionId, ct);
        var missing = frameworks.TakingPart(inspection).Except(agreed).ToList();
        if (missing.Count > 0)
            throw new DomainRuleException("senior-managers-agree",
                $"Senior managers of {string.Join(", ", missing)} have not agreed version {letter.CurrentVersion} of the letter (¶81).");
    }

    /// <summary>The current version is checked by the QA manager and agreed by every inspectorate taking part: frozen.</summary>
    public static bool IsAgreed(InspectionLetter letter, IEnumerable<LetterAgreement> agreements, IReadOnlyList<string> takingPart) =>
        letter.QaCheckedVersion == letter.CurrentVersion
        && takingPart.All(i => agreements.Any(a => a.Inspectorate == i && a.LetterVersion == letter.CurrentVersion));

    public static async Task<bool> IsAgreed(OrchestratorDbContext db, LetterDrafting drafting, InspectionLetter letter, CancellationToken ct)
    {
        var inspection = await db.Inspections.AsNoTracking().SingleAsync(i => i.Id == letter.InspectionId, ct);
        var agreements = await db.Set<LetterAgreement>().AsNoTracking()
            .Where(a => a.InspectionId == letter.InspectionId && a.LetterVersion == letter.CurrentVersion).ToListAsync(ct);
        return IsAgreed(letter, agreements, drafting.TakingPart(inspection));
    }
}
