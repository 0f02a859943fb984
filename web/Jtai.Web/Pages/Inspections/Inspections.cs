namespace Jtai.Web.Pages.Inspections;

/// <summary>An inspection as the orchestrator shows it (GET /api/orchestrator/inspections).</summary>
public sealed record InspectionView(
    Guid Id, string LocalAreaCode, string LocalAreaName, string Theme, DateOnly FieldworkStart,
    string Status, DateTimeOffset ScheduledAt, int FrameworkVersion);
