using System.Security.Cryptography;
using System.Text;
using Jtai.Orchestrator.Findings;

namespace Jtai.Orchestrator.ThematicReport;

/// <summary>One inspection's letter of findings that the thematic report draws from.</summary>
public sealed record ThematicLetter(Guid InspectionId, string LocalAreaCode, string LocalAreaName, DateOnly FieldworkStart,
    DateTimeOffset FindingsAgreedAt, string? LetterStage, DateOnly? LetterDate, bool Published);

public sealed record ThematicFinding(Guid FindingId, Guid InspectionId, string LocalAreaName, string Kind, string Text,
    IReadOnlyList<string> Agencies, string? Services, IReadOnlyList<string> Criteria);

/// <summary>The findings of one kind, about one agency, against one evaluation criterion, and the inspections they come from.</summary>
public sealed record ThematicGroup(string Criterion, string CriterionText, string Agency, string Kind, int Count,
    IReadOnlyList<Guid> Inspections, IReadOnlyList<Guid> Findings);

/// <summary>How many findings of a kind, from how many inspections.</summary>
public sealed record ThematicTotal(string Kind, int Findings, int Inspections);

public sealed record ThematicAgreementView(string Inspectorate, string AgreedBy, string AgreedByName, DateTimeOffset AgreedAt,
    int Inspections, int Findings, bool Current);

public sealed record ThematicReportView(string Theme, string ThemeName, int Year, IReadOnlyList<string> Inspectorates,
    IReadOnlyList<ThematicLetter> Letters, IReadOnlyList<ThematicTotal> Totals, IReadOnlyList<ThematicGroup> Groups,
    IReadOnlyList<ThematicFinding> Findings, IReadOnlyList<ThematicAgreementView> Agreements, bool Agreed, string Fingerprint);

/// <summary>
/// Draws a theme's agreed findings together (programme note ¶4): by evaluation criterion, agency and kind,
/// each group counted and traced to the letters it comes from. A finding naming two criteria or two agencies
/// counts once in each group it belongs to; the totals count each finding once.
/// </summary>
public static class ThematicSummary
{
    public static (IReadOnlyList<ThematicTotal> Totals, IReadOnlyList<ThematicGroup> Groups) Summarise(
        IReadOnlyList<ThematicFinding> findings, IReadOnlyDictionary<string, string> criteria)
    {
        var totals = FindingKinds.All
            .Select(kind => findings.Where(f => f.Kind == kind).ToList())
            .Select((ofKind, i) => new ThematicTotal(FindingKinds.All[i], ofKind.Count, ofKind.Select(f => f.InspectionId).Distinct().Count()))
            .ToList();
        var groups = findings
            .SelectMany(f => f.Criteria.SelectMany(c => f.Agencies.Select(a => (Criterion: c, Agency: a, Finding: f))))
            .GroupBy(x => (x.Criterion, x.Agency, x.Finding.Kind))
            .OrderBy(g => CriterionOrder(g.Key.Criterion)).ThenBy(g => g.Key.Criterion, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Agency, StringComparer.Ordinal).ThenBy(g => KindOrder(g.Key.Kind))
            .Select(g => new ThematicGroup(g.Key.Criterion, criteria.GetValueOrDefault(g.Key.Criterion, ""), g.Key.Agency, g.Key.Kind,
                g.Count(), g.Select(x => x.Finding.InspectionId).Distinct().ToList(), g.Select(x => x.Finding.FindingId).ToList()))
            .ToList();
        return (totals, groups);
    }

    /// <summary>What an inspectorate agrees to: the inspections and findings drawn together, as a short hash.</summary>
    public static string Fingerprint(IEnumerable<ThematicLetter> letters, IEnumerable<ThematicFinding> findings)
    {
        var text = string.Join(",", letters.Select(l => l.InspectionId.ToString("N")).Order(StringComparer.Ordinal))
            + "|" + string.Join(",", findings.Select(f => f.FindingId.ToString("N")).Order(StringComparer.Ordinal));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>EC2 before EC10.</summary>
    private static int CriterionOrder(string code) =>
        code.StartsWith("EC", StringComparison.OrdinalIgnoreCase) && int.TryParse(code.AsSpan(2), out var n) ? n : int.MaxValue;

    private static int KindOrder(string kind) => FindingKinds.All.ToList().IndexOf(kind) is var i and >= 0 ? i : int.MaxValue;
}
