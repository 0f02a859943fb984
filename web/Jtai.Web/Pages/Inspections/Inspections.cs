namespace Jtai.Web.Pages.Inspections;

// The orchestrator's answers as the pages read them (the platform's JSON; only what is shown).
// GET /api/orchestrator/inspections is a paged list of these.

/// <summary>An inspection; <c>Inspectorates</c> are those taking part, as its framework version names them.</summary>
public sealed record InspectionView(
    Guid Id, string LocalAreaCode, string LocalAreaName, string Theme, DateOnly FieldworkStart,
    string Status, DateTimeOffset ScheduledAt, int FrameworkVersion, List<string> Inspectorates);

public sealed record MilestoneView(string Key, DateOnly Date, DateTimeOffset DueAt, string Description,
    DateTimeOffset? ReachedAt, DateTimeOffset? MetAt, string? MetBy);

public sealed record TimelineView(Guid InspectionId, string Framework, int FrameworkVersion, DateOnly FieldworkStart, string Status,
    List<MilestoneView> Milestones);

public sealed record OverdueMilestone(string Key, DateTimeOffset DueAt, string Description);

public sealed record DeliveryView(string Agency, DateTimeOffset FirstReceivedAt, DateTimeOffset LastReceivedAt, string LastReceivedBy,
    int Version, bool OnTime);

public sealed record ChecklistItemView(string Key, string Title, string Paragraph, List<string> ProvidedBy, string Milestone,
    DateTimeOffset DueAt, string Status, List<DeliveryView> Deliveries, PeriodView? Period = null);

/// <summary>The period an item covers for this inspection (Annex A, ¶8): words, and the dates counted back from notification.</summary>
public sealed record PeriodView(string Kind, string Text, int? Months, int? Count, DateOnly? From, DateOnly To, string Guidance)
{
    /// <summary>"The 12 months before the inspection (1 December 2025 to 1 December 2026)"; "The most recent (as at 1 December 2026)".</summary>
    public string Describe() => From is { } from
        ? $"{Text} ({Display.Date(from)} to {Display.Date(To)})"
        : $"{Text} (as at {Display.Date(To)})";
}

public sealed record ChecklistView(Guid InspectionId, DateOnly FieldworkStart, DateTimeOffset At, List<ChecklistItemView> Items);

public sealed record TeamMemberView(string UserId, string Name, string Inspectorate, string TeamRole, DateTimeOffset AssignedAt);

/// <summary>The platform's paths for one inspection, in one place.</summary>
public static class InspectionPaths
{
    public static string Inspection(Guid id) => $"/api/orchestrator/inspections/{id}";
    public static string Timeline(Guid id) => $"/api/orchestrator/inspections/{id}/timeline";
    public static string Overdue(Guid id) => $"/api/orchestrator/inspections/{id}/overdue";
    public static string Checklist(Guid id) => $"/api/orchestrator/inspections/{id}/information-requests";
    public static string Team(Guid id) => $"/api/orchestrator/inspections/{id}/team";
}
