namespace Jtai.Web.Pages.Programme;

/// <summary>The year planner as the orchestrator shows it (GET /api/orchestrator/planner?year=).</summary>
public sealed record YearPlannerView(int Year, IReadOnlyList<PlannerWeek> Weeks, IReadOnlyList<PlannerRow> Inspectorates,
    IReadOnlyList<PlannerInspection> Inspections, IReadOnlyList<PlannerClash> Clashes, IReadOnlyList<ProgrammeSummary> Programmes);

public sealed record PlannerWeek(DateOnly WeekStart, int IsoWeek, IReadOnlyList<string> BankHolidays, bool ChristmasPeriod);

public sealed record PlannerMember(string UserId, string Name, string Inspectorate, string TeamRole);

public sealed record PlannerInspection(Guid InspectionId, string LocalAreaCode, string LocalAreaName, string Theme, string Status,
    DateOnly FieldworkStart, DateOnly FieldworkEnd, IReadOnlyList<string> Inspectorates, Guid? ProgrammeId, IReadOnlyList<PlannerMember> Team,
    IReadOnlyList<string> BankHolidaysInFieldwork, bool InChristmasPeriod);

public sealed record PlannerCell(DateOnly WeekStart, IReadOnlyList<Guid> Inspections, int InspectorsInFieldwork, IReadOnlyList<string> Clashes);

public sealed record PlannerRow(string Inspectorate, int Capacity, IReadOnlyList<PlannerCell> Weeks);

public sealed record PlannerClash(string UserId, string Name, string Inspectorate, DateOnly WeekStart, IReadOnlyList<Guid> Inspections);

public sealed record ProgrammeSummary(Guid Id, string Theme, int Year, string Status, int Areas, DateTimeOffset ProposedAt);
