namespace Jtai.Web.Pages.Findings;

// The orchestrator's findings register (¶77–81) and Ofsted's shared evidence record as the page reads them.

public sealed record FindingLinkView(Guid SummaryId, string LinkedBy, DateTimeOffset LinkedAt);

public sealed record FindingView(Guid Id, Guid InspectionId, string Kind, string Text, List<string> Agencies, string? Services,
    List<string> Criteria, string CreatedBy, DateTimeOffset CreatedAt, List<FindingLinkView> Links, string? LinksConfirmedBy, DateTimeOffset? LinksConfirmedAt,
    List<string>? FocusAreas = null);

public sealed record FindingsRegisterView(Guid InspectionId, bool Agreed, string? AgreedBy, DateTimeOffset? AgreedAt, List<FindingView> Findings);

/// <summary>An entry of Ofsted's shared evidence record; findings link to its evaluative summaries.</summary>
public sealed record SharedEntryView(Guid Id, Guid InspectionId, string Kind, string AuthorId, string AuthorName, string AuthorInspectorate,
    List<string> OnBehalfOf, List<string> Criteria, List<string> Agencies, string Text, DateTimeOffset? MeetingAt, DateTimeOffset CreatedAt);

public static class FindingPaths
{
    public static string Register(Guid id) => $"/api/orchestrator/inspections/{id}/findings";
    public static string Links(Guid id, Guid findingId) => $"{Register(id)}/{findingId}/links";
    public static string ConfirmLinks(Guid id, Guid findingId) => $"{Register(id)}/{findingId}/confirm-links";
    public static string Agree(Guid id) => $"{Register(id)}/agree";
    public static string SharedRecord(Guid id) => $"/api/ofsted/shared-record/inspections/{id}/entries";
}

public static class FindingWords
{
    public const string EvaluativeSummary = "evaluative-summary";

    public static readonly IReadOnlyList<(string Value, string Label)> Kinds =
        [("strength", "Strength"), ("area-for-improvement", "Area for improvement"), ("area-for-priority-action", "Area for priority action")];

    public static (string Text, string Colour) Kind(string kind) => kind switch
    {
        "strength" => ("Strength", "govuk-tag--green"),
        "area-for-improvement" => ("Area for improvement", "govuk-tag--yellow"),
        "area-for-priority-action" => ("Area for priority action", "govuk-tag--red"),
        _ => (Display.Words(kind), "govuk-tag--grey"),
    };
}
