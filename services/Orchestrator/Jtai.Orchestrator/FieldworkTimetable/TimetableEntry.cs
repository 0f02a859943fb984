using Jtai.Calendar.WorkingDays;
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

    public const int WithLength = 500;
    public const int LocationLength = 200;
    public const int NotesLength = 2000;

    /// <summary>An arrangement planned (its request checked).</summary>
    public static TimetableEntry Plan(Guid inspectionId, TimetableEntryBody body, string by, DateTimeOffset at)
    {
        var entry = new TimetableEntry { Id = Guid.NewGuid(), InspectionId = inspectionId, Activity = body.Activity!, Mode = body.Mode!, CreatedAt = at, CreatedBy = by };
        entry.Apply(body);
        return entry;
    }

    /// <summary>¶32: the timetable stays flexible; a change is dated so the link person can pass it on.</summary>
    public void Change(TimetableEntryBody body, string by, DateTimeOffset at)
    {
        (Activity, Mode) = (body.Activity!, body.Mode!);
        Apply(body);
        (ChangedAt, ChangedBy) = (at, by);
    }

    private void Apply(TimetableEntryBody body)
    {
        StartsAt = body.StartsAt!.Value;
        EndsAt = body.EndsAt!.Value;
        With = Trimmed(body.With);
        Inspectors = body.Inspectors!.Select(i => i!.Trim()).Distinct().ToList();
        Location = Trimmed(body.Location);
        Notes = Trimmed(body.Notes);
    }

    /// <summary>
    /// Why an activity cannot be on the day it starts, if it cannot: the meetings on their days (¶37: the initial meeting on the
    /// first day of fieldwork), and nothing after fieldwork ends.
    /// </summary>
    public static string? DayProblem(string activity, DateTimeOffset startsAt, FieldworkWindow window)
    {
        var (start, end, day) = (window.Start, window.End, Day(startsAt));
        return activity switch
        {
            MeetingKinds.InitialMeeting when day != start => $"The initial meeting is on the first day of fieldwork, {start:yyyy-MM-dd} (¶37).",
            { } k when MeetingKinds.DuringFieldwork.Contains(k) && (day < start || day > end) =>
                $"A {k} is in the fieldwork week, {start:yyyy-MM-dd} to {end:yyyy-MM-dd}.",
            { } k when MeetingKinds.BeforeFieldwork.Contains(k) && day >= start => $"A {k} is before fieldwork starts on {start:yyyy-MM-dd}.",
            _ when day > end => $"The timetable ends with fieldwork, on {end:yyyy-MM-dd}.",
            _ => null,
        };
    }

    /// <summary>The London day an arrangement or meeting starts on.</summary>
    public static DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(LondonTime.ToLondon(at).DateTime);

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
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
    string? ChangedBy, Guid? HeldAs)
{
    public static TimetableEntryView From(TimetableEntry t, Guid? heldAs = null) => new(t.Id, t.Activity, LondonTime.ToLondon(t.StartsAt),
        LondonTime.ToLondon(t.EndsAt), t.Mode, t.With, t.Inspectors, t.Location, t.Notes, t.CreatedAt, t.CreatedBy, t.ChangedAt, t.ChangedBy, heldAs);
}

internal sealed class TimetableEntryConfiguration : IEntityTypeConfiguration<TimetableEntry>
{
    public void Configure(EntityTypeBuilder<TimetableEntry> e)
    {
        e.ToTable("fieldwork_timetable");
        e.HasKey(t => t.Id);
        e.Property(t => t.Id).ValueGeneratedNever();
        e.Property(t => t.Activity).HasMaxLength(60);
        e.Property(t => t.Mode).HasMaxLength(20);
        e.Property(t => t.With).HasMaxLength(TimetableEntry.WithLength);
        e.Property(t => t.Location).HasMaxLength(TimetableEntry.LocationLength);
        e.Property(t => t.Notes).HasMaxLength(TimetableEntry.NotesLength);
        e.Property(t => t.CreatedBy).HasMaxLength(200);
        e.Property(t => t.ChangedBy).HasMaxLength(200);
        e.Property(t => t.Version).IsRowVersion();
        e.HasIndex(t => new { t.InspectionId, t.StartsAt });
    }
}
