using Jtai.Calendar.Frameworks;

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

/// <summary>
/// An inspection as callers read it. <c>Inspectorates</c> are those its framework version names as taking part,
/// so a caller who may not read frameworks (a partner) still knows whose services to ask about it.
/// </summary>
public sealed record InspectionView(
    Guid Id, string LocalAreaCode, string LocalAreaName, string Theme, DateOnly FieldworkStart,
    string Status, DateTimeOffset ScheduledAt, int FrameworkVersion, IReadOnlyList<string> Inspectorates)
{
    public static InspectionView From(Inspection i, FrameworkCatalog frameworks) =>
        new(i.Id, i.LocalAreaCode, i.LocalAreaName, i.Theme, i.FieldworkStart, i.Status, i.ScheduledAt, i.FrameworkVersion,
            frameworks.TakingPart(i));
}
