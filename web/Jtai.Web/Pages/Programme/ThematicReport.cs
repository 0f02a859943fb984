namespace Jtai.Web.Pages.Programme;

/// <summary>The thematic report as the orchestrator shows it (GET /api/orchestrator/thematic-reports/{theme}/{year}).</summary>
public sealed record ThematicReportView(string Theme, string ThemeName, int Year, IReadOnlyList<string> Inspectorates,
    IReadOnlyList<ThematicLetter> Letters, IReadOnlyList<ThematicTotal> Totals, IReadOnlyList<ThematicGroup> Groups,
    IReadOnlyList<ThematicFinding> Findings, IReadOnlyList<ThematicAgreement> Agreements, bool Agreed);

public sealed record ThematicLetter(Guid InspectionId, string LocalAreaCode, string LocalAreaName, DateOnly FieldworkStart,
    DateTimeOffset FindingsAgreedAt, string? LetterStage, DateOnly? LetterDate, bool Published);

public sealed record ThematicFinding(Guid FindingId, Guid InspectionId, string LocalAreaName, string Kind, string Text,
    IReadOnlyList<string> Agencies, string? Services, IReadOnlyList<string> Criteria);

public sealed record ThematicGroup(string Criterion, string CriterionText, string Agency, string Kind, int Count,
    IReadOnlyList<Guid> Inspections, IReadOnlyList<Guid> Findings);

public sealed record ThematicTotal(string Kind, int Findings, int Inspections);

public sealed record ThematicAgreement(string Inspectorate, string AgreedBy, string AgreedByName, DateTimeOffset AgreedAt,
    int Inspections, int Findings, bool Current);

public sealed record FrameworkSummary(string Key, int Version, string Name);

public static class ProgrammePaths
{
    public static string ThematicReport(string theme, int year) => $"/api/orchestrator/thematic-reports/{Uri.EscapeDataString(theme)}/{year}";
    public const string Frameworks = "/api/orchestrator/frameworks";
}
