using Jtai.ServiceDefaults.Problems;

namespace Jtai.Orchestrator.Meetings;

/// <summary>An attendee: <c>role</c> is one of the known roles (GET …/meetings/attendee-roles) by key or words, or <c>other</c> with <c>roleDescription</c>.</summary>
public sealed record MeetingAttendeeBody(string? Role, string? Organisation, string? Name, string? RoleDescription = null);

public sealed record AttendeeRoleView(string Key, string Name);

public sealed record AttendeeRolesView(IReadOnlyList<AttendeeRoleView> Roles, IReadOnlyDictionary<string, IReadOnlyList<string>> ExpectedAt);

/// <summary>A meeting as it happened: recorded once it has taken place, with the people there.</summary>
public sealed record RecordMeetingBody(string? Kind, DateTimeOffset? StartedAt, DateTimeOffset? EndedAt, string? Mode,
    IReadOnlyList<MeetingAttendeeBody?>? Attendees, string? Notes)
{
    public const int MaxAttendees = 100;

    /// <summary>
    /// The attendees, with the errors of the record's form; <paramref name="takingPart"/>: the inspectorates of whom at least
    /// one inspector attends the initial and feedback meetings (¶37, ¶43).
    /// </summary>
    public List<MeetingAttendee> Check(DateTimeOffset now, IReadOnlyList<string> takingPart, out RequestErrors errors)
    {
        errors = new RequestErrors();
        if (errors.Required(Kind, "kind")) errors.OneOf(Kind, MeetingKinds.All, "kind");
        if (errors.Required(Mode, "mode")) errors.OneOf(Mode, MeetingModes.All, "mode");
        if (errors.Required(StartedAt, "startedAt") && StartedAt > now)
            errors.Add("startedAt", "'startedAt' is in the future: a meeting is recorded once it has taken place.");
        if (EndedAt is { } ended && (ended < StartedAt || ended > now))
            errors.Add("endedAt", "'endedAt' must be after 'startedAt' and not in the future.");
        errors.MaxLength(Notes, InspectionMeeting.NotesLength, "notes");
        var attendees = CheckAttendees(errors);
        if (Kind is { } kind && MeetingKinds.EveryInspectorateAttends.Contains(kind))
            foreach (var missing in takingPart.Where(i => !attendees.Any(a => a.Organisation == i)))
                errors.Add("attendees", $"The {kind} is attended by at least one inspector of each inspectorate (¶37, ¶43): none of {missing} is listed.");
        return attendees;
    }

    private List<MeetingAttendee> CheckAttendees(RequestErrors errors)
    {
        if (Attendees is null || Attendees.Count == 0)
        {
            errors.Add("attendees", "'attendees' lists who was at the meeting (¶72: evidence records the people and times of meetings).");
            return [];
        }
        if (Attendees.Count > MaxAttendees) errors.Add("attendees", $"'attendees' lists at most {MaxAttendees} people.");
        var list = new List<MeetingAttendee>();
        for (var i = 0; i < Attendees.Count && i < MaxAttendees; i++)
        {
            var a = Attendees[i];
            var ok = errors.Required(a?.Role, $"attendees[{i}].role") & errors.Required(a?.Organisation, $"attendees[{i}].organisation");
            ok &= errors.MaxLength(a?.Role, MeetingAttendee.TextLength, $"attendees[{i}].role")
                & errors.MaxLength(a?.Organisation, MeetingAttendee.TextLength, $"attendees[{i}].organisation")
                & errors.MaxLength(a?.Name, MeetingAttendee.TextLength, $"attendees[{i}].name")
                & errors.MaxLength(a?.RoleDescription, MeetingAttendee.TextLength, $"attendees[{i}].roleDescription");
            var role = AttendeeRoles.Find(a?.Role);
            if (ok && role is null)
            {
                errors.Add($"attendees[{i}].role", $"'{a!.Role}' is not a role the guidance names: one of {string.Join(", ", AttendeeRoles.All.Select(r => r.Key))}"
                    + " (or their words, e.g. 'chair of the MASA'); anyone else is 'other' with 'roleDescription'.");
                ok = false;
            }
            if (ok && role!.Key == AttendeeRoles.Other && string.IsNullOrWhiteSpace(a!.RoleDescription))
            {
                errors.Add($"attendees[{i}].roleDescription", "'roleDescription' says what the role of an attendee who is 'other' is.");
                ok = false;
            }
            if (ok)
                list.Add(new MeetingAttendee
                {
                    Role = role!.Key, RoleDescription = string.IsNullOrWhiteSpace(a!.RoleDescription) ? null : a.RoleDescription.Trim(),
                    Organisation = a.Organisation!.Trim().ToLowerInvariant(), Name = a.Name?.Trim(),
                });
        }
        return list;
    }
}
