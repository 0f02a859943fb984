namespace Jtai.Orchestrator.Inspections;

/// <summary>A joint targeted area inspection of one local area under one theme.</summary>
public sealed class Inspection
{
    public Guid Id { get; set; }
    public required string LocalAreaCode { get; set; }
    public required string LocalAreaName { get; set; }
    public required string Theme { get; set; }
    /// <summary>The version of the theme's framework the inspection started with: a later version does not rewrite it.</summary>
    public int FrameworkVersion { get; set; }
    /// <summary>Monday of week 3, when inspectors go on site.</summary>
    public DateOnly FieldworkStart { get; set; }
    public required string Status { get; set; }
    public DateTimeOffset ScheduledAt { get; set; }
    public required string ScheduledBy { get; set; }
    public uint Version { get; set; }
}

public sealed record InspectionView(
    Guid Id, string LocalAreaCode, string LocalAreaName, string Theme, DateOnly FieldworkStart,
    string Status, DateTimeOffset ScheduledAt, int FrameworkVersion)
{
    public static InspectionView From(Inspection i) =>
        new(i.Id, i.LocalAreaCode, i.LocalAreaName, i.Theme, i.FieldworkStart, i.Status, i.ScheduledAt, i.FrameworkVersion);
}
