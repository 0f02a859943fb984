using Jtai.Orchestrator.Inspections;
using Jtai.Orchestrator.Lifecycle;
using Jtai.ServiceDefaults.Problems;
using Jtai.ServiceDefaults.Security;
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

    public const int UserIdLength = 200;
    public const int NameLength = 200;

    /// <summary>Team roles (TeamMemberAssigned.TeamRole).</summary>
    public static readonly IReadOnlyList<string> TeamRoles =
        [JtaiRoles.LeadInspector, JtaiRoles.Inspector, JtaiRoles.QaManager, JtaiRoles.Hmi, JtaiRoles.Manager];

    /// <summary>
    /// Places a person on the team, or changes their role (¶10–12): not once the inspection has ended, and
    /// one lead inspector per inspectorate (<paramref name="otherLead"/>: another person already leads for it).
    /// Returns the assignment, new when <paramref name="current"/> is null.
    /// </summary>
    public static TeamAssignment Place(TeamAssignment? current, Inspection inspection, string userId, string name, string inspectorate, string teamRole,
        bool otherLead, string by, DateTimeOffset at)
    {
        if (Stages.Ended.Contains(inspection.Status))
            throw new DomainRuleException("inspection-ended", $"The inspection is {inspection.Status}: its team no longer changes.");
        if (teamRole == JtaiRoles.LeadInspector && otherLead) throw OneLead(inspectorate);
        var assignment = current ?? new TeamAssignment { InspectionId = inspection.Id, UserId = userId, Name = "", Inspectorate = "", TeamRole = "", AssignedBy = "" };
        assignment.Name = name.Trim();
        assignment.Inspectorate = inspectorate;
        assignment.TeamRole = teamRole;
        assignment.AssignedAt = at;
        assignment.AssignedBy = by;
        return assignment;
    }

    /// <summary>One lead inspector per inspectorate on an inspection (also when two are placed at once: the unique index).</summary>
    public static DomainRuleException OneLead(string inspectorate) =>
        new("one-lead-inspector", $"The inspection already has {inspectorate}'s lead inspector; remove them first.");
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
        e.Property(a => a.UserId).HasMaxLength(TeamAssignment.UserIdLength);
        e.Property(a => a.Name).HasMaxLength(TeamAssignment.NameLength);
        e.Property(a => a.Inspectorate).HasMaxLength(20);
        e.Property(a => a.TeamRole).HasMaxLength(40);
        e.Property(a => a.AssignedBy).HasMaxLength(200);
        // One lead inspector per inspectorate on an inspection (Ofsted's leads it), whoever writes concurrently.
        e.HasIndex(a => new { a.InspectionId, a.Inspectorate }).IsUnique().HasFilter("team_role = 'lead-inspector'").HasDatabaseName("ix_team_assignments_one_lead_per_inspectorate");
    }
}
