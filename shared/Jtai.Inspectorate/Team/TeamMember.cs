namespace Jtai.Inspectorate.Team;

/// <summary>This service's copy of who is on an inspection's team (all inspectorates).</summary>
public sealed class TeamMember
{
    public Guid InspectionId { get; set; }
    public required string UserId { get; set; }
    public required string Name { get; set; }
    public required string Inspectorate { get; set; }
    public required string TeamRole { get; set; }
    public DateTimeOffset AssignedAt { get; set; }
}
