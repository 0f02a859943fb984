using System.Security.Claims;
using Jtai.ServiceDefaults.Security;

namespace Jtai.Web.Pages.Evidence;

/// <summary>An inspectorate's evidence record as its service shows it.</summary>
public sealed record EvidenceView(Guid Id, Guid InspectionId, string AuthorId, string AuthorName, string Source, string? SourceDetail,
    DateTimeOffset GatheredAt, DateTimeOffset? MeetingAt, List<string> Criteria, List<string> Agencies, string Text, int Revision,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? NamesRemovedAt);

public sealed record EvaluationCriterion(string Code, string Text);

/// <summary>The inspection's framework (GET /api/orchestrator/frameworks/{theme}?version=N): the criteria evidence is recorded against.</summary>
public sealed record FrameworkView(string Key, int Version, string Name, List<EvaluationCriterion> EvaluationCriteria);

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
}
