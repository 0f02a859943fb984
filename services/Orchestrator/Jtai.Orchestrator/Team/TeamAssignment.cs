using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jtai.Orchestrator.Team;

/// <summary>
/// A person on an inspection's team (¶10–12): the Ofsted lead inspector, each inspectorate's
/// inspectors, the quality assurance manager(s). The role decides what they may do; the
/// inspectorate services keep their own copy from TeamMemberAssigned/TeamMemberRemoved.
/// </summary>
public sealed class TeamAssignment
{
    public Guid InspectionId { get; set; }
    public required string UserId { get; set; }
    public required string Name { get; set; }
    public required string Inspectorate { get; set; }
    public required string TeamRole { get; set; }
    public DateTimeOffset AssignedAt { get; set; }
    public required string AssignedBy { get; set; }
}

public sealed record TeamMemberView(string UserId, string Name, string Inspectorate, string TeamRole, DateTimeOffset AssignedAt, string AssignedBy)
{
    public static TeamMemberView From(TeamAssignment a) => new(a.UserId, a.Name, a.Inspectorate, a.TeamRole, a.AssignedAt, a.AssignedBy);
}

internal sealed class TeamAssignmentConfiguration : IEntityTypeConfiguration<TeamAssignment>
{
    public void Configure(EntityTypeBuilder<TeamAssignment> e)
    {
        e.ToTable("team_assignments");
        e.HasKey(a => new { a.InspectionId, a.UserId });
        e.Property(a => a.UserId).HasMaxLength(200);
        e.Property(a => a.Name).HasMaxLength(200);
        e.Property(a => a.Inspectorate).HasMaxLength(20);
        e.Property(a => a.TeamRole).HasMaxLength(40);
        e.Property(a => a.AssignedBy).HasMaxLength(200);
        // One lead inspector per inspectorate on an inspection (Ofsted's leads it), whoever writes concurrently.
        e.HasIndex(a => new { a.InspectionId, a.Inspectorate }).IsUnique().HasFilter("team_role = 'lead-inspector'").HasDatabaseName("ix_team_assignments_one_lead_per_inspectorate");
    }
}
