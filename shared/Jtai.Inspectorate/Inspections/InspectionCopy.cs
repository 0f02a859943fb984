namespace Jtai.Inspectorate.Inspections;

/// <summary>This inspectorate's own record of a joint inspection it takes part in.</summary>
public sealed class InspectionCopy
{
    /// <summary>The stage a copy starts in, until the first InspectionTransitioned.</summary>
    public const string ScheduledStage = "scheduled";


    public Guid InspectionId { get; set; }
    public required string LocalAreaCode { get; set; }
    public required string LocalAreaName { get; set; }
    public required string Theme { get; set; }
    public DateOnly FieldworkStart { get; set; }
    public DateTimeOffset ScheduledAt { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    /// <summary>The lifecycle stage as last heard (InspectionTransitioned), and when it changed.</summary>
    public string Stage { get; set; } = ScheduledStage;
    public DateTimeOffset? StageChangedAt { get; set; }
}

public sealed record InspectionCopyView(
    Guid InspectionId, string LocalAreaCode, string LocalAreaName, string Theme,
    DateOnly FieldworkStart, DateTimeOffset ScheduledAt, DateTimeOffset ReceivedAt)
{
    public static InspectionCopyView From(InspectionCopy c) =>
        new(c.InspectionId, c.LocalAreaCode, c.LocalAreaName, c.Theme, c.FieldworkStart, c.ScheduledAt, c.ReceivedAt);
}
