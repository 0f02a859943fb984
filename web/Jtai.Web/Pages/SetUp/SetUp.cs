namespace Jtai.Web.Pages.SetUp;

// The set-up (¶20–24) and the fieldwork timetable (¶30–33) as the orchestrator shows them.

/// <summary>An attendee: the role's key, the guidance's words for it (or what an "other" role is), their organisation.</summary>
public sealed record AttendeeView(string Role, string Organisation, string? Name, string? RoleName = null, string? RoleDescription = null);

/// <summary>Someone the guidance expects at this kind of meeting whom nobody attended as (¶20: the MASA chair and the scrutineer).</summary>
public sealed record ExpectedAttendeeView(string Role, string RoleName, string Guidance);

public sealed record MeetingView(Guid Id, string Kind, DateTimeOffset StartedAt, DateTimeOffset? EndedAt, string Mode, List<AttendeeView> Attendees, string? Notes,
    List<ExpectedAttendeeView>? ExpectedAbsent = null);

public sealed record ContactView(string Name, string Role, string Organisation, string Email, string? Phone);

public sealed record LinkPersonView(string Name, string Role, string Organisation, string Email, string? Phone, DateTimeOffset RecordedAt);

public sealed record AgreementView(MeetingView SetUpDiscussion, string? WellbeingSteps, List<ContactView> WellbeingContacts,
    string EqualitiesAndAdjustments, string RaisingConcerns, string? IssuesRaised, DateTimeOffset RecordedAt);

public sealed record IncidentView(Guid Id, string Kind, string Summary, List<string> Agencies, DateTimeOffset RecordedAt);

public sealed record AdditionalInformationView(Guid Id, string Description, string ProposedBy, string ProvidedBy, string NecessaryBecause,
    string NotInAnnexABecause, DateTimeOffset AgreedAt);

public sealed record SetUpView(Guid InspectionId, AgreementView? Agreement, LinkPersonView? LinkPerson, List<IncidentView> SafeguardingIncidents,
    List<AdditionalInformationView> AdditionalInformation);

public sealed record TimetableEntryView(Guid Id, string Activity, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string Mode, string? With,
    List<string> Inspectors, string? Location, string? Notes, DateTimeOffset? ChangedAt, Guid? HeldAs);

public static class SetUpPaths
{
    public static string SetUp(Guid id) => $"/api/orchestrator/inspections/{id}/set-up";
    public static string Meetings(Guid id) => $"/api/orchestrator/inspections/{id}/meetings";
    public static string Timetable(Guid id) => $"/api/orchestrator/inspections/{id}/fieldwork-timetable";
}

/// <summary>The guidance's words for what the set-up and the timetable record.</summary>
public static class SetUpWords
{
    public static readonly (string Value, string Label)[] IncidentKinds =
    [
        ("significant-investigation", "Significant and current investigation"), ("serious-case-review", "Serious case review"),
        ("rapid-review", "Rapid review"), ("child-safeguarding-practice-review", "Child safeguarding practice review"),
        ("high-media-interest", "Local issue of high media interest"),
    ];

    public static readonly (string Value, string Label)[] Activities =
    [
        ("set-up-discussion", "Set-up discussion"), ("team-planning-meeting", "Team planning meeting"),
        ("masa-before-fieldwork", "MASA representatives, before fieldwork"), ("scrutineer-before-fieldwork", "Independent scrutineer, before fieldwork"),
        ("initial-meeting", "Initial meeting with senior leaders"), ("kit-meeting", "Keep-in-touch (KIT) meeting"),
        ("masa-during-fieldwork", "MASA representatives, during fieldwork"), ("scrutineer-during-fieldwork", "Independent scrutineer, during fieldwork"),
        ("provisional-findings-meeting", "Team meeting on provisional findings"), ("feedback-meeting", "Feedback meeting"),
        ("practitioners-meeting", "Meeting with practitioners"), ("managers-and-leaders-meeting", "Meeting with managers and leaders"),
        ("masa-sub-group-meeting", "MASA sub-group"), ("stakeholder-meeting", "Stakeholder"), ("case-sampling", "Case sampling"),
        ("schools-case-sampling", "Schools HMI: case sampling"), ("school-contact", "Schools HMI: school contact"), ("observation", "Observation"),
        ("evidence-review", "Reviewing evidence"), ("travel", "Travel"),
    ];

    public static readonly (string Value, string Label)[] Modes = [("in-person", "In person"), ("phone", "Phone"), ("video", "Video call")];

    public static string Label((string Value, string Label)[] list, string value) =>
        list.FirstOrDefault(x => x.Value == value).Label ?? Display.Words(value);
}
