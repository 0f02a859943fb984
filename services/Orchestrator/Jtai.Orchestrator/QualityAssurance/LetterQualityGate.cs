using Jtai.Calendar.Frameworks;
using Jtai.Orchestrator.Data;
using Jtai.Orchestrator.Inspections;
using Jtai.Orchestrator.Findings;
using Jtai.Orchestrator.Letter;
using Jtai.ServiceDefaults.Security;
using Microsoft.EntityFrameworkCore;

namespace Jtai.Orchestrator.QualityAssurance;

/// <summary>
/// ¶80–81: the draft goes to the partnership only once the QA manager has checked, and a senior
/// manager of each inspectorate has agreed, the version being sent. The gate loads what the rules need;
/// the rules are the letter's (<see cref="InspectionLetter.EnsureQaChecked"/>, <see cref="InspectionLetter.EnsureAgreedBy"/>).
/// </summary>
public static class LetterQualityGate
{
    /// <summary>The gate before the draft goes out (¶82) and before the final letter (¶83): 409 naming what is missing.</summary>
    public static async Task EnsureReadyToSend(OrchestratorDbContext db, FrameworkCatalog frameworks, InspectionLetter letter, CancellationToken ct,
        string what = "draft")
    {
        letter.EnsureQaChecked(what);
        var agreed = await db.Set<LetterAgreement>().Where(a => a.InspectionId == letter.InspectionId && a.LetterVersion == letter.CurrentVersion)
            .Select(a => a.Inspectorate).ToListAsync(ct);
        // Only the inspectorates the inspection's framework has taking part agree (an Ofsted-only letter: Ofsted alone).
        var inspection = await db.Inspections.AsNoTracking().SingleAsync(i => i.Id == letter.InspectionId, ct);
        letter.EnsureAgreedBy(frameworks.TakingPart(inspection), agreed);
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
