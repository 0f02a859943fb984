namespace Jtai.Web.Pages.Inspections;

/// <summary>An inspection as the orchestrator shows it (an item of GET /api/orchestrator/inspections, a paged list).</summary>
public sealed record InspectionView(
    Guid Id, string LocalAreaCode, string LocalAreaName, string Theme, DateOnly FieldworkStart,
    string Status, DateTimeOffset ScheduledAt, int FrameworkVersion);
