using Jtai.Orchestrator.Meetings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jtai.Orchestrator.FieldworkTimetable;

/// <summary>
/// One arrangement of the fieldwork timetable (¶30–33), planned before it happens: what, when, how (in person, phone or video,
/// ¶32), with whom (by role, ¶76) and which inspectors. A meeting planned here is recorded as held in the meetings, which meet
/// the milestones; the timetable shows which planned meetings have been held. Changed as findings emerge (¶32), each change dated
/// so the link person can keep local leaders and practitioners informed.
/// </summary>
public sealed class TimetableEntry
{
    public Guid Id { get; set; }
    public Guid InspectionId { get; set; }
    public required string Activity { get; set; }
    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset EndsAt { get; set; }
    public required string Mode { get; set; }
    /// <summary>Who the inspectors meet or visit, by role and organisation.</summary>
    public string? With { get; set; }
    /// <summary>The team members (subjects) taking part.</summary>
    public List<string> Inspectors { get; set; } = [];
    public string? Location { get; set; }
    public string? Notes { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public DateTimeOffset? ChangedAt { get; set; }
    public string? ChangedBy { get; set; }
    public uint Version { get; set; }
}

/// <summary>What the timetable arranges (¶30–33, ¶64–69), in the guidance's words: the meetings it names and the rest of the week's work.</summary>
public static class TimetableActivities
{
    public const string PractitionersMeeting = "practitioners-meeting";
    public const string ManagersAndLeadersMeeting = "managers-and-leaders-meeting";
    /// <summary>¶68.</summary>
    public const string MasaSubGroupMeeting = "masa-sub-group-meeting";
    /// <summary>¶64.</summary>
    public const string StakeholderMeeting = "stakeholder-meeting";
    public const string CaseSampling = "case-sampling";
    /// <summary>¶69: the schools HMI's case sampling and contacts with schools that made referrals.</summary>
    public const string SchoolsCaseSampling = "schools-case-sampling";
    public const string SchoolContact = "school-contact";
    public const string Observation = "observation";
    /// <summary>¶32: time to review and analyse evidence, alone and together, and to travel between appointments.</summary>
    public const string EvidenceReview = "evidence-review";
    public const string Travel = "travel";

    private static readonly IReadOnlyList<string> Work =
    [
        PractitionersMeeting, ManagersAndLeadersMeeting, MasaSubGroupMeeting, StakeholderMeeting, CaseSampling, SchoolsCaseSampling,
        SchoolContact, Observation, EvidenceReview, Travel,
    ];

    public static readonly IReadOnlyList<string> All = [.. MeetingKinds.All, .. Work];
}

public sealed record TimetableEntryView(Guid Id, string Activity, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string Mode, string? With,
    IReadOnlyList<string> Inspectors, string? Location, string? Notes, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? ChangedAt,
    string? ChangedBy, Guid? HeldAs);

internal sealed class TimetableEntryConfiguration : IEntityTypeConfiguration<TimetableEntry>
{
    public void Configure(EntityTypeBuilder<TimetableEntry> e)
    {
        e.ToTable("fieldwork_timetable");
        e.HasKey(t => t.Id);
        e.Property(t => t.Id).ValueGeneratedNever();
        e.Property(t => t.Activity).HasMaxLength(60);
        e.Property(t => t.Mode).HasMaxLength(20);
        e.Property(t => t.With).HasMaxLength(500);
        e.Property(t => t.Location).HasMaxLength(200);
        e.Property(t => t.Notes).HasMaxLength(2000);
        e.Property(t => t.CreatedBy).HasMaxLength(200);
        e.Property(t => t.ChangedBy).HasMaxLength(200);
        e.Property(t => t.Version).IsRowVersion();
        e.HasIndex(t => new { t.InspectionId, t.StartsAt });
    }
}
