namespace Jtai.Inspectorate.Evidence;

public sealed record EvidenceRequest(
    string? Source, string? SourceDetail, DateTimeOffset? GatheredAt, DateTimeOffset? MeetingAt,
    List<string?>? Criteria, List<string?>? Agencies, string? Text, List<PersonInput?>? People, int? Revision = null, List<string?>? FocusAreas = null);

public sealed record EvidenceView(
    Guid Id, Guid InspectionId, string AuthorId, string AuthorName, string Source, string? SourceDetail,
    DateTimeOffset GatheredAt, DateTimeOffset? MeetingAt, IReadOnlyList<string> Criteria, IReadOnlyList<string> Agencies,
    string Text, IReadOnlyList<PersonReference> People, int Revision, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
    DateTimeOffset? NamesRemovedAt, IReadOnlyList<string> FocusAreas)
{
    public static EvidenceView From(EvidenceRecord r) => new(
        r.Id, r.InspectionId, r.AuthorId, r.AuthorName, r.Source, r.SourceDetail, r.GatheredAt, r.MeetingAt,
        r.Criteria, r.Agencies, r.Text, r.People, r.Revision, r.CreatedAt, r.UpdatedAt, r.NamesRemovedAt, r.FocusAreas);
}

/// <summary>
/// The prompts an evidence record of this inspection answers: its theme's focus areas (the five-themes overview) in the
/// framework version in force at its fieldwork, each with its code.
/// </summary>
public sealed record EvidencePromptsView(Guid InspectionId, string Theme, IReadOnlyList<Jtai.Calendar.Frameworks.FocusArea> FocusAreas);

public sealed record RevisionView(int Revision, string EditedBy, DateTimeOffset EditedAt, EvidenceSnapshot Before);

public sealed record NamesRemovedView(Guid InspectionId, int RecordsChanged, int RevisionsChanged, DateTimeOffset At);

public sealed record MemberCompletenessView(string UserId, string Name, string TeamRole, bool Complete, DateTimeOffset? CompletedAt, int Records);

public sealed record CompletenessView(string Inspectorate, Guid InspectionId, bool Complete, IReadOnlyList<MemberCompletenessView> Members)
{
    public IReadOnlyList<string> Outstanding => Members.Where(m => !m.Complete).Select(m => m.Name).ToList();
}
