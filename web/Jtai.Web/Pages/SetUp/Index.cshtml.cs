using Jtai.ServiceDefaults.Security;
using Jtai.Web.Gateway;
using Jtai.Web.Pages.Forms;
using Jtai.Web.Pages.Inspections;
using Microsoft.AspNetCore.Mvc;

namespace Jtai.Web.Pages.SetUp;

/// <summary>
/// Weeks 1 and 2 (¶20–24, ¶30–33): what the set-up discussion agreed and who was there, the link person, the safeguarding
/// incidents, the information agreed beyond Annex A and the fieldwork timetable. The area's partners read it; the lead
/// inspectors record it (the platform decides who may: the forms are a way in).
/// </summary>
public sealed class IndexModel(GatewayClient gateway, TimeProvider clock) : FormPageModel
{
    public InspectionView Inspection { get; private set; } = null!;
    public SetUpView SetUp { get; private set; } = null!;
    public IReadOnlyList<TimetableEntryView> Timetable { get; private set; } = [];
    public IReadOnlyList<MeetingView> SetUpDiscussions { get; private set; } = [];
    public IReadOnlyList<TeamMemberView> Team { get; private set; } = [];

    [BindProperty] public MeetingForm Meeting { get; set; } = new();
    [BindProperty] public AgreementForm Agreement { get; set; } = new();
    [BindProperty] public ContactForm Link { get; set; } = new();
    [BindProperty] public IncidentForm Incident { get; set; } = new();
    [BindProperty] public AdditionalForm Additional { get; set; } = new();
    [BindProperty] public EntryForm Entry { get; set; } = new();

    /// <summary>Each inspectorate's lead records the set-up and plans the timetable (¶20, ¶31).</summary>
    public bool Records => User.HasRole(JtaiRoles.LeadInspector);

    public string MemberName(string userId) => Team.FirstOrDefault(m => m.UserId == userId)?.Name ?? userId;

    public async Task OnGet(Guid id, CancellationToken ct) => await Load(id, ct);

    public async Task<IActionResult> OnPostMeeting(Guid id, CancellationToken ct)
    {
        var startedAt = Meeting.Date.ToInstant("meeting-date-day", "date of the set-up discussion", Meeting.Time, Errors, clock.GetUtcNow());
        var attendees = Attendees(Meeting.Attendees);
        if (Errors.Count == 0)
        {
            var result = await gateway.Send<MeetingView>(HttpMethod.Post, SetUpPaths.Meetings(id),
                new { kind = "set-up-discussion", startedAt, mode = Meeting.Mode, attendees }, ct);
            if (result.Value is { } meeting)
                return Changed(meeting.ExpectedAbsent is { Count: > 0 } absent
                    ? $"Set-up discussion recorded, without the {string.Join(" and the ", absent.Select(a => a.RoleName))} the guidance expects there ({absent[0].Guidance}). Record what it agreed."
                    : "Set-up discussion recorded. Record what it agreed.", new { id });
            Refused(result.Problem!, field => field.Split('[', '.')[0] switch
            {
                "startedAt" => new FormField("meeting-date-day"),
                "mode" => new FormField("meeting-mode-0", "Select how the discussion was held"),
                // A role the platform does not know (or an "other" without its role) is named in the platform's words.
                "attendees" => field == "attendees" ? new FormField("meeting-attendees", "Enter who attended, one person a line") : new FormField("meeting-attendees"),
                _ => null,
            }, "meeting-date-day");
        }
        await Load(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAgreement(Guid id, CancellationToken ct)
    {
        var contacts = string.IsNullOrWhiteSpace(Agreement.ContactName) && string.IsNullOrWhiteSpace(Agreement.ContactEmail)
            ? Array.Empty<object>()
            : [new { name = Agreement.ContactName, role = Agreement.ContactRole, organisation = Agreement.ContactOrganisation, email = Agreement.ContactEmail }];
        var problem = await gateway.Send(HttpMethod.Put, $"{SetUpPaths.SetUp(id)}/agreement", new
        {
            setUpDiscussionId = Agreement.SetUpDiscussionId, wellbeingSteps = Agreement.WellbeingSteps, wellbeingContacts = contacts,
            equalitiesAndAdjustments = Agreement.EqualitiesAndAdjustments, raisingConcerns = Agreement.RaisingConcerns, issuesRaised = Agreement.IssuesRaised,
        }, ct);
        if (problem is null) return Changed("What the set-up discussion agreed is recorded.", new { id });
        Refused(problem, field => field switch
        {
            "setUpDiscussionId" => new FormField("agreement-meeting", "Select the set-up discussion"),
            "wellbeingContacts" or "wellbeingContacts[0].name" => new FormField("agreement-contact-name", "Enter the name of the person to contact about someone's well-being"),
            "wellbeingContacts[0].role" => new FormField("agreement-contact-role", "Enter the contact's role"),
            "wellbeingContacts[0].organisation" => new FormField("agreement-contact-organisation", "Enter the contact's organisation"),
            "wellbeingContacts[0].email" => new FormField("agreement-contact-email", "Enter the contact's email address"),
            "equalitiesAndAdjustments" => new FormField("agreement-equalities", "Enter the equalities duties and reasonable adjustments discussed, or that none were raised"),
            "raisingConcerns" => new FormField("agreement-concerns", "Enter how the partners raise matters during the inspection"),
            "wellbeingSteps" => new FormField("agreement-wellbeing"),
            "issuesRaised" => new FormField("agreement-issues"),
            _ => null,
        }, "agreement-meeting");
        await Load(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostLinkPerson(Guid id, CancellationToken ct)
    {
        var problem = await gateway.Send(HttpMethod.Put, $"{SetUpPaths.SetUp(id)}/link-person",
            new { name = Link.Name, role = Link.Role, organisation = Link.Organisation, email = Link.Email, phone = Link.Phone }, ct);
        if (problem is null) return Changed("Link person recorded.", new { id });
        Refused(problem, field => field switch
        {
            "name" => new FormField("link-name", "Enter the link person's name"),
            "role" => new FormField("link-role", "Enter the link person's role"),
            "organisation" => new FormField("link-organisation", "Enter the link person's organisation"),
            "email" => new FormField("link-email", "Enter the link person's email address"),
            "phone" => new FormField("link-phone"),
            _ => null,
        }, "link-name");
        await Load(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostIncident(Guid id, CancellationToken ct)
    {
        var problem = await gateway.Send(HttpMethod.Post, $"{SetUpPaths.SetUp(id)}/safeguarding-incidents",
            new { kind = Incident.Kind, summary = Incident.Summary, agencies = Incident.Agencies }, ct);
        if (problem is null) return Changed("Safeguarding incident recorded.", new { id });
        Refused(problem, field => field.Split('[')[0] switch
        {
            "kind" => new FormField("incident-kind", "Select the kind of incident"),
            "summary" => new FormField("incident-summary", "Enter what the incident is, naming no one"),
            "agencies" => new FormField("incident-agencies-0", "Select the agencies concerned"),
            _ => null,
        }, "incident-kind");
        await Load(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAdditional(Guid id, CancellationToken ct)
    {
        var problem = await gateway.Send(HttpMethod.Post, $"{SetUpPaths.SetUp(id)}/additional-information", new
        {
            description = Additional.Description, proposedBy = Additional.ProposedBy, providedBy = Additional.ProvidedBy,
            necessaryBecause = Additional.NecessaryBecause, notInAnnexABecause = Additional.NotInAnnexABecause,
        }, ct);
        if (problem is null) return Changed("Additional information agreed.", new { id });
        Refused(problem, field => field switch
        {
            "description" => new FormField("additional-description", "Enter the information"),
            "proposedBy" => new FormField("additional-proposedBy-0", "Select who asked for it or offered it"),
            "providedBy" => new FormField("additional-providedBy", "Select the agency that provides it"),
            "necessaryBecause" => new FormField("additional-necessary", "Enter why it is necessary for an accurate understanding"),
            "notInAnnexABecause" => new FormField("additional-not-in-annex-a", "Enter why Annex A does not already bring it"),
            _ => null,
        }, "additional-description");
        await Load(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostEntry(Guid id, CancellationToken ct)
    {
        var date = Entry.Date.ToDate("entry-date-day", "date", Errors);
        var starts = Time(Entry.Starts, "entry-starts", "start");
        var ends = Time(Entry.Ends, "entry-ends", "end");
        if (Errors.Count == 0)
        {
            var problem = await gateway.Send(HttpMethod.Post, SetUpPaths.Timetable(id), new
            {
                activity = Entry.Activity, startsAt = At(date!.Value, starts!.Value), endsAt = At(date.Value, ends!.Value), mode = Entry.Mode,
                with = Entry.With, inspectors = Entry.Inspectors, location = Entry.Location, notes = Entry.Notes,
            }, ct);
            if (problem is null) return Changed("Added to the fieldwork timetable.", new { id });
            Refused(problem, field => field.Split('[')[0] switch
            {
                "activity" => new FormField("entry-activity", "Select what is arranged"),
                "startsAt" => new FormField("entry-date-day"),
                "endsAt" => new FormField("entry-ends"),
                "mode" => new FormField("entry-mode-0", "Select how it is held"),
                "inspectors" => new FormField("entry-inspectors-0", "Select the inspectors taking part"),
                "with" => new FormField("entry-with"),
                "location" => new FormField("entry-location"),
                "notes" => new FormField("entry-notes"),
                _ => null,
            }, "entry-activity");
        }
        await Load(id, ct);
        return Page();
    }

    private TimeOnly? Time(string? value, string anchor, string what)
    {
        if (!string.IsNullOrWhiteSpace(value)
            && TimeOnly.TryParseExact(value.Trim(), ["H:mm", "HH:mm"], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var time))
            return time;
        Errors.Add(new PageError(anchor, $"Enter the {what} time as hours and minutes, like 14:30"));
        return null;
    }

    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    private static DateTimeOffset At(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time);
        return new DateTimeOffset(local, London.GetUtcOffset(local));
    }

    /// <summary>
    /// One attendee a line: "role, organisation" or "role, organisation, name" (¶76: a name only where needed). The role is in the
    /// guidance's words (the platform knows them), or "other: what the role is".
    /// </summary>
    private static List<object> Attendees(string? lines) =>
        (lines ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(line => line.Split(',', 3, StringSplitOptions.TrimEntries))
        .Select(parts =>
        {
            var other = parts[0].StartsWith("other:", StringComparison.OrdinalIgnoreCase);
            return (object)new
            {
                role = other ? "other" : parts[0], roleDescription = other ? parts[0]["other:".Length..].Trim() : null,
                organisation = parts.Length > 1 ? parts[1] : null, name = parts.Length > 2 ? parts[2] : null,
            };
        })
        .ToList();

    private async Task Load(Guid id, CancellationToken ct)
    {
        var inspection = gateway.Get<InspectionView>(InspectionPaths.Inspection(id), ct);
        var setUp = gateway.Get<SetUpView>(SetUpPaths.SetUp(id), ct);
        var timetable = gateway.Get<List<TimetableEntryView>>(SetUpPaths.Timetable(id), ct);
        Inspection = await inspection;
        SetUp = await setUp;
        Timetable = await timetable;
        if (User.Inspectorate() is not null)
        {
            // The meetings and the team are the team's (partners read the set-up and timetable only).
            SetUpDiscussions = (await gateway.Get<List<MeetingView>>(SetUpPaths.Meetings(id), ct)).Where(m => m.Kind == "set-up-discussion").ToList();
            Team = await gateway.Get<List<TeamMemberView>>(InspectionPaths.Team(id), ct);
        }
    }

    public sealed class MeetingForm
    {
        public DateParts Date { get; set; } = new();
        public string? Time { get; set; }
        public string? Mode { get; set; }
        public string? Attendees { get; set; }
    }

    public sealed class AgreementForm
    {
        public Guid? SetUpDiscussionId { get; set; }
        public string? WellbeingSteps { get; set; }
        public string? ContactName { get; set; }
        public string? ContactRole { get; set; }
        public string? ContactOrganisation { get; set; }
        public string? ContactEmail { get; set; }
        public string? EqualitiesAndAdjustments { get; set; }
        public string? RaisingConcerns { get; set; }
        public string? IssuesRaised { get; set; }
    }

    public sealed class ContactForm
    {
        public string? Name { get; set; }
        public string? Role { get; set; }
        public string? Organisation { get; set; }
        public string? Email { get; set; }
        public string? Phone { get; set; }
    }

    public sealed class IncidentForm
    {
        public string? Kind { get; set; }
        public string? Summary { get; set; }
        public List<string> Agencies { get; set; } = [];
    }

    public sealed class AdditionalForm
    {
        public string? Description { get; set; }
        public string? ProposedBy { get; set; }
        public string? ProvidedBy { get; set; }
        public string? NecessaryBecause { get; set; }
        public string? NotInAnnexABecause { get; set; }
    }

    public sealed class EntryForm
    {
        public string? Activity { get; set; }
        public DateParts Date { get; set; } = new();
        public string? Starts { get; set; }
        public string? Ends { get; set; }
        public string? Mode { get; set; }
        public string? With { get; set; }
        public List<string> Inspectors { get; set; } = [];
        public string? Location { get; set; }
        public string? Notes { get; set; }
    }
}
