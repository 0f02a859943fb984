using System.Text.Json;
using Jtai.Calendar.Frameworks;

namespace Jtai.Orchestrator.Programme;

/// <summary>The ranking for one theme and year, with the points each source is worth.</summary>
public sealed record CandidatesView(string Theme, int Year, RankingOptions Points, IReadOnlyList<Candidate> Candidates);

public sealed record ProgrammeAreaView(int Rank, string LocalAreaCode, string LocalAreaName, int Score, IReadOnlyList<RankingReason> Reasons,
    Guid? InspectionId, DateOnly? FieldworkStart);

public sealed record ProgrammeAgreementView(string Inspectorate, string AgreedBy, string AgreedByName, DateTimeOffset AgreedAt);

public sealed record ProgrammeInspectorView(string Inspectorate, string UserId, string Name, string TeamRole);

public sealed record ProgrammeView(
    Guid Id, string Theme, int FrameworkVersion, int Year, string Status, string ProposedBy, string ProposedByName, DateTimeOffset ProposedAt,
    IReadOnlyList<string> TakingPart, IReadOnlyList<TeamPlaceRule> TeamPlaces, IReadOnlyList<ProgrammeAreaView> Areas,
    IReadOnlyList<ProgrammeAgreementView> Agreements, IReadOnlyList<string> AwaitingAgreement, IReadOnlyList<ProgrammeInspectorView> Inspectors,
    DateTimeOffset? AgreedAt, string? PlannedBy, DateTimeOffset? PlannedAt)
{
    public static ProgrammeView From(InspectionProgramme p, Framework framework) => new(
        p.Id, p.Theme, p.FrameworkVersion, p.Year, p.Status, p.ProposedBy, p.ProposedByName, p.ProposedAt,
        framework.Inspectorates, framework.Team,
        p.Areas.OrderBy(a => a.Rank).Select(a => new ProgrammeAreaView(a.Rank, a.LocalAreaCode, a.LocalAreaName, a.Score,
            JsonSerializer.Deserialize<List<RankingReason>>(a.Reasons, InspectionProgramme.Json) ?? [], a.InspectionId, a.FieldworkStart)).ToList(),
        p.Agreements.OrderBy(a => a.AgreedAt).Select(a => new ProgrammeAgreementView(a.Inspectorate, a.AgreedBy, a.AgreedByName, a.AgreedAt)).ToList(),
        framework.Inspectorates.Where(i => p.Agreements.All(a => a.Inspectorate != i)).ToList(),
        p.Inspectors.OrderBy(i => i.Inspectorate).ThenBy(i => i.TeamRole).ThenBy(i => i.Name)
            .Select(i => new ProgrammeInspectorView(i.Inspectorate, i.UserId, i.Name, i.TeamRole)).ToList(),
        p.AgreedAt, p.PlannedBy, p.PlannedAt);
}

public sealed record ProgrammeSummary(Guid Id, string Theme, int Year, string Status, int Areas, DateTimeOffset ProposedAt);
