using System.Security.Claims;
using Jtai.ServiceDefaults.Security;

namespace Jtai.Web.Pages.Evidence;

/// <summary>An inspectorate's evidence record as its service shows it.</summary>
public sealed record EvidenceView(Guid Id, Guid InspectionId, string AuthorId, string AuthorName, string Source, string? SourceDetail,
    DateTimeOffset GatheredAt, DateTimeOffset? MeetingAt, List<string> Criteria, List<string> Agencies, string Text, List<PersonReference> People,
    int Revision, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? NamesRemovedAt, List<string>? FocusAreas = null);

/// <summary>Someone a record refers to (¶76): by case reference, initials, date of birth and role; a name only with its reason.</summary>
public sealed record PersonReference(string? CaseReference, string? Initials, DateOnly? DateOfBirth, string? Role, string? Name, string? NameReason);

/// <summary>How a record read before an edit.</summary>
public sealed record EvidenceSnapshot(string Source, string? SourceDetail, DateTimeOffset GatheredAt, DateTimeOffset? MeetingAt,
    List<string> Criteria, List<string> Agencies, string Text, List<PersonReference> People, int Revision, DateTimeOffset WrittenAt,
    List<string>? FocusAreas = null);

public sealed record RevisionView(int Revision, string EditedBy, DateTimeOffset EditedAt, EvidenceSnapshot Before);

/// <summary>One version of a record, as the summary partial shows it.</summary>
public sealed record EvidenceSummary(string Source, string? SourceDetail, DateTimeOffset GatheredAt, DateTimeOffset? MeetingAt,
    List<string> Criteria, List<string> Agencies, string Text, List<PersonReference> People, List<string>? FocusAreas = null,
    IReadOnlyList<FocusArea>? Prompts = null);

public sealed record EvaluationCriterion(string Code, string Text);

/// <summary>The prompts of the inspection's evidence records (GET …/evidence/prompts).</summary>
public sealed record EvidencePromptsView(Guid InspectionId, string Theme, List<FocusArea> FocusAreas);

/// <summary>A focus area of the theme (FA1…): a prompt the evidence record answers (five-themes overview).</summary>
public sealed record FocusArea(string Code, string Text, string Heading);

/// <summary>
/// The inspection's framework (GET /api/orchestrator/frameworks/{theme}?version=N): the criteria evidence is recorded against,
/// and the inspectorates taking part (each signs the letter; Ofsted alone in an Ofsted-only inspection).
/// </summary>
public sealed record FrameworkView(string Key, int Version, string Name, List<EvaluationCriterion> EvaluationCriteria, List<string>? Inspectorates = null,
    List<FocusArea>? FocusAreaPrompts = null);

public static class EvidencePaths
{
    /// <summary>
    /// Each inspectorate keeps its own records in its own service: a person's records are in their
    /// inspectorate's. Someone with no inspectorate has none (the page is not found).
    /// </summary>
    public static string? Records(ClaimsPrincipal user, Guid inspectionId) =>
        user.Inspectorate() is { } inspectorate ? $"/api/{inspectorate}/inspections/{inspectionId}/evidence" : null;

    public static string Framework(string theme, int version) => $"/api/orchestrator/frameworks/{theme}?version={version}";
}

/// <summary>The guidance's sources of evidence and their details (¶70–72), in words.</summary>
public static class EvidenceSources
{
    public static readonly (string Value, string Label)[] Sources =
    [
        ("case-audit", "Case audit"), ("case-sampling", "Case sampling"), ("observation", "Observation"),
        ("interview", "Interview"), ("meeting", "Meeting"), ("document-review", "Document review"),
    ];

    public static readonly (string Value, string Label)[] Details =
    [
        ("multi-agency", "Multi-agency case sampling"), ("single-agency", "Single-agency case sampling"),
        ("icpc", "Initial child protection conference"), ("strategy-meeting", "Strategy meeting"),
        ("multi-agency-panel", "Multi-agency panel"), ("other-meeting", "Other meeting"),
    ];

    public static string Label(string source) => Sources.FirstOrDefault(s => s.Value == source).Label ?? Display.Words(source);

    public static string DetailLabel(string detail) => Details.FirstOrDefault(d => d.Value == detail).Label ?? Display.Words(detail);
}
