using Jtai.Calendar.Timeline;
using Jtai.Calendar.WorkingDays;
using Jtai.Orchestrator.Lifecycle;
using Jtai.ServiceDefaults.Problems;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jtai.Orchestrator.Meetings;

/// <summary>
/// A meeting of the inspection as it happened: when it started and ended, how it was held and who was
/// there. Meetings are what meet the timeline's meeting milestones (the initial meeting meets
/// fieldwork-start, KIT meetings the two KIT milestones, the feedback meeting its own, the team's
/// end-of-fieldwork meeting fieldwork-end), never a change of stage.
/// </summary>
public sealed class InspectionMeeting
{
    public Guid Id { get; set; }
    public Guid InspectionId { get; set; }
    public required string Kind { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    /// <summary>in-person, phone or video (¶42: KIT attendance may be any of them).</summary>
    public required string Mode { get; set; }
    public List<MeetingAttendee> Attendees { get; set; } = [];
    public string? Notes { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public required string RecordedBy { get; set; }

    public const int NotesLength = 4000;

    /// <summary>Meetings follow notification (¶16–20): a scheduled or cancelled inspection has none.</summary>
    public static void EnsureHeldFor(Inspections.Inspection inspection)
    {
        if (inspection.Status is Stages.Scheduled or Stages.Cancelled)
            throw new DomainRuleException("meeting-stage", $"An inspection that is '{inspection.Status}' has no meetings: they follow notification (¶16–20).");
    }

    /// <summary>
    /// The meeting recorded, held on its kind's day: the initial meeting on the first day of fieldwork (¶37), the others in
    /// the fieldwork week or before it. A meeting on the wrong day is the request's mistake (its <c>startedAt</c>), named in
    /// <paramref name="errors"/>.
    /// </summary>
    public static InspectionMeeting? Record(Guid inspectionId, FieldworkWindow window, RecordMeetingBody body, List<MeetingAttendee> attendees,
        string by, DateTimeOffset now, RequestErrors errors)
    {
        var day = DateOnly.FromDateTime(LondonTime.ToLondon(body.StartedAt!.Value).DateTime);
        var problem = body.Kind switch
        {
            MeetingKinds.InitialMeeting when day != window.Start =>
                $"The initial meeting is held on the first day of fieldwork, {window.Start:yyyy-MM-dd} (¶37), not {day:yyyy-MM-dd}.",
            { } k when MeetingKinds.DuringFieldwork.Contains(k) && (day < window.Start || day > window.End) =>
                $"A {k} is held in the fieldwork week, {window.Start:yyyy-MM-dd} to {window.End:yyyy-MM-dd}, not on {day:yyyy-MM-dd}.",
            { } k when MeetingKinds.BeforeFieldwork.Contains(k) && day >= window.Start =>
                $"A {k} is held before fieldwork starts on {window.Start:yyyy-MM-dd}, not on {day:yyyy-MM-dd}.",
            _ => null,
        };
        if (problem is not null)
        {
            errors.Add("startedAt", problem);
            return null;
        }
        return new InspectionMeeting
        {
            Id = Guid.NewGuid(), InspectionId = inspectionId, Kind = body.Kind!, StartedAt = body.StartedAt.Value, EndedAt = body.EndedAt,
            Mode = body.Mode!, Attendees = attendees, Notes = body.Notes?.Trim(), RecordedAt = now, RecordedBy = by,
        };
    }

    /// <summary>Whom the guidance expects at this kind of meeting (<see cref="AttendeeRoles.ExpectedAt"/>) and no attendee is recorded as.</summary>
    public IReadOnlyList<ExpectedAttendeeView> ExpectedAbsent()
    {
        // Rows recorded before roles were a known list hold the guidance's words: they are read the same way.
        var present = Attendees.Select(a => AttendeeRoles.Find(a.Role)?.Key ?? a.Role).ToHashSet(StringComparer.Ordinal);
        var guidance = Kind switch
        {
            MeetingKinds.SetUpDiscussion => "¶20",
            MeetingKinds.MasaBeforeFieldwork => "¶65",
            MeetingKinds.MasaDuringFieldwork => "¶66",
            _ => "¶67",
        };
        return [.. AttendeeRoles.ExpectedAt(Kind).Where(r => !present.Contains(r)).Select(r => new ExpectedAttendeeView(r, AttendeeRoles.NameOf(r), guidance))];
    }
}

/// <summary>The fieldwork week on the inspection's timeline.</summary>
public sealed record FieldworkWindow(DateOnly Start, DateOnly End);

/// <summary>
/// One person at a meeting, by role and organisation (¶76: a job title is enough; a name only where it is
/// needed). <c>Role</c> is a key of <see cref="AttendeeRoles"/>; <c>other</c> carries its <c>RoleDescription</c>.
/// <c>Organisation</c> is ofsted, cqc or hmicfrs for inspectors, otherwise the local agency.
/// </summary>
public sealed class MeetingAttendee
{
    public required string Role { get; set; }
    public string? RoleDescription { get; set; }
    public required string Organisation { get; set; }
    public string? Name { get; set; }

    public const int TextLength = 200;
}

/// <summary>An attendee with the role's key, the guidance's words for it and, for <c>other</c>, what the role is.</summary>
public sealed record MeetingAttendeeView(string Role, string RoleName, string? RoleDescription, string Organisation, string? Name)
{
    public static MeetingAttendeeView From(MeetingAttendee a) =>
        new(a.Role, a.Role == AttendeeRoles.Other ? a.RoleDescription ?? a.Role : AttendeeRoles.NameOf(a.Role), a.RoleDescription, a.Organisation, a.Name);
}

/// <summary>Someone the guidance expects at this kind of meeting (the paragraph that says so) whom no attendee is recorded as.</summary>
public sealed record ExpectedAttendeeView(string Role, string RoleName, string Guidance);

/// <summary>The meetings the guidance names, in its words, and the milestone each meets.</summary>
public static class MeetingKinds
{
    /// <summary>¶20: the lead and the partnership's leaders set the inspection up in week 1.</summary>
    public const string SetUpDiscussion = "set-up-discussion";
    /// <summary>¶33: the team meets at the end of week 2 to plan fieldwork.</summary>
    public const string TeamPlanningMeeting = "team-planning-meeting";
    /// <summary>¶65 and ¶67: the MASA representatives and chair, and the independent scrutineer, the week before fieldwork.</summary>
    public const string MasaBeforeFieldwork = "masa-before-fieldwork";
    public const string ScrutineerBeforeFieldwork = "scrutineer-before-fieldwork";
    /// <summary>¶37–38: the lead and one from each inspectorate meet the senior leaders on the first day of fieldwork.</summary>
    public const string InitialMeeting = "initial-meeting";
    /// <summary>¶39–42: chaired by the lead, usually Wednesday and Thursday of fieldwork.</summary>
    public const string KitMeeting = "kit-meeting";
    /// <summary>¶66 and ¶67: the MASA and the scrutineer again during fieldwork.</summary>
    public const string MasaDuringFieldwork = "masa-during-fieldwork";
    public const string ScrutineerDuringFieldwork = "scrutineer-during-fieldwork";
    /// <summary>¶36: the team reviews all its evidence at the end of fieldwork and agrees provisional findings.</summary>
    public const string ProvisionalFindingsMeeting = "provisional-findings-meeting";
    /// <summary>¶43–47: the provisional findings to the senior leaders, MASA chair and scrutineer.</summary>
    public const string FeedbackMeeting = "feedback-meeting";

    public static readonly IReadOnlyList<string> All =
    [
        SetUpDiscussion, TeamPlanningMeeting, MasaBeforeFieldwork, ScrutineerBeforeFieldwork, InitialMeeting, KitMeeting,
        MasaDuringFieldwork, ScrutineerDuringFieldwork, ProvisionalFindingsMeeting, FeedbackMeeting,
    ];

    /// <summary>Held before fieldwork starts (after notification).</summary>
    public static readonly IReadOnlySet<string> BeforeFieldwork = new HashSet<string>(StringComparer.Ordinal)
        { SetUpDiscussion, TeamPlanningMeeting, MasaBeforeFieldwork, ScrutineerBeforeFieldwork };

    /// <summary>Held in the fieldwork week.</summary>
    public static readonly IReadOnlySet<string> DuringFieldwork = new HashSet<string>(StringComparer.Ordinal)
        { InitialMeeting, KitMeeting, MasaDuringFieldwork, ScrutineerDuringFieldwork, ProvisionalFindingsMeeting, FeedbackMeeting };

    /// <summary>
    /// ¶37 and ¶43: the lead and at least one inspector of every inspectorate attend. (KIT meetings: "usually", ¶41, so not enforced.)
    /// </summary>
    public static readonly IReadOnlySet<string> EveryInspectorateAttends = new HashSet<string>(StringComparer.Ordinal) { InitialMeeting, FeedbackMeeting };

    /// <summary>The milestones a kind of meeting meets, in order: the n-th meeting of the kind meets the n-th milestone.</summary>
    public static IReadOnlyList<string> Meets(string kind) => kind switch
    {
        InitialMeeting => [MilestoneKeys.FieldworkStart],
        KitMeeting => [MilestoneKeys.KitMeetingWednesday, MilestoneKeys.KitMeetingThursday],
        FeedbackMeeting => [MilestoneKeys.FeedbackMeeting],
        ProvisionalFindingsMeeting => [MilestoneKeys.FieldworkEnd],
        _ => [],
    };

    /// <summary>Who the timeline says met a milestone a meeting met.</summary>
    public const string MetBy = "meeting-held";
}

public static class MeetingModes
{
    public static readonly IReadOnlyList<string> All = ["in-person", "phone", "video"];
}

/// <summary>A meeting as held; <c>ExpectedAbsent</c> flags whom the guidance expects at its kind and nobody attended as (kept, not refused).</summary>
public sealed record MeetingView(Guid Id, Guid InspectionId, string Kind, DateTimeOffset StartedAt, DateTimeOffset? EndedAt, string Mode,
    IReadOnlyList<MeetingAttendeeView> Attendees, string? Notes, DateTimeOffset RecordedAt, string RecordedBy, IReadOnlyList<ExpectedAttendeeView> ExpectedAbsent)
{
    public static MeetingView From(InspectionMeeting m) => new(m.Id, m.InspectionId, m.Kind, LondonTime.ToLondon(m.StartedAt),
        m.EndedAt is { } ended ? LondonTime.ToLondon(ended) : null, m.Mode,
        m.Attendees.Select(MeetingAttendeeView.From).ToList(), m.Notes, m.RecordedAt, m.RecordedBy, m.ExpectedAbsent());
}

internal sealed class InspectionMeetingConfiguration : IEntityTypeConfiguration<InspectionMeeting>
{
    public void Configure(EntityTypeBuilder<InspectionMeeting> e)
    {
        e.ToTable("inspection_meetings");
        e.HasKey(m => m.Id);
        e.Property(m => m.Id).ValueGeneratedNever();
        e.Property(m => m.Kind).HasMaxLength(60);
        e.Property(m => m.Mode).HasMaxLength(20);
        e.Property(m => m.Notes).HasMaxLength(InspectionMeeting.NotesLength);
        e.Property(m => m.RecordedBy).HasMaxLength(200);
        e.OwnsMany(m => m.Attendees, a => a.ToJson());
        e.HasIndex(m => new { m.InspectionId, m.StartedAt });
    }
}
