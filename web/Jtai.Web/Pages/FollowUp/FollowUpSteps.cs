using Jtai.ServiceDefaults.Security;
using Jtai.Web.Pages.Forms;

namespace Jtai.Web.Pages.FollowUp;

/// <summary>How a step's form asks for one value of the service's request.</summary>
public enum StepInput
{
    Text,
    LongText,
    Date,
    /// <summary>Radios: one of the choices.</summary>
    OneOf,
    /// <summary>Checkboxes: any of the choices (a list in the request).</summary>
    AnyOf,
    /// <summary>A textarea, one entry a line (a list in the request).</summary>
    Lines,
    /// <summary>Yes or no (a boolean in the request).</summary>
    YesNo,
}

/// <summary>
/// One value of a step's request: <paramref name="Name"/> is the request's JSON property (the form
/// field's name and id too, so the service's problem about it lands beside it); <paramref name="What"/>
/// names it in GOV.UK's error words ("Enter the …", "Select the …").
/// </summary>
public sealed record StepField(string Name, string Label, StepInput Input, string What, string? Hint = null, IReadOnlyList<Choice>? Choices = null,
    bool Optional = false)
{
    public string Anchor => Input switch
    {
        StepInput.Date => $"{Name}-day",
        StepInput.OneOf or StepInput.AnyOf or StepInput.YesNo => $"{Name}-0",
        _ => Name,
    };

    /// <summary>GOV.UK's words for a missing value.</summary>
    public string Missing => Input switch
    {
        StepInput.OneOf or StepInput.AnyOf or StepInput.YesNo => $"Select {What}",
        _ => $"Enter {What}",
    };
}

/// <summary>
/// A step of an inspectorate's follow-up the web offers as a form: its address in the page
/// (<paramref name="Slug"/>), the service's endpoint under the follow-up (<paramref name="Path"/>,
/// where <c>{action}</c> is a regulatory action's id), the lifecycle steps that offer it (none: a
/// record that may be added while the follow-up is open) and its fields.
/// </summary>
public sealed record FollowUpStep(string Slug, string Path, string Title, string Button, string Done, IReadOnlyList<StepField> Fields,
    IReadOnlyList<string> OfferedBy, string? Lead = null, bool CoordinatedOnly = false)
{
    public bool IsRecord => OfferedBy.Count == 0;
}

/// <summary>
/// Each inspectorate's follow-up steps (Annex B ¶110–117) as forms. The web only offers them: the
/// service's lifecycle says which are next and its access rules who may take them, and refuses
/// the rest with a problem the form shows.
/// </summary>
public static class FollowUpSteps
{
    private static readonly Choice[] Stages = [new("draft", "Draft action plan"), new("final", "Final action plan")];

    /// <summary>Ofsted's ILACS follow-up of a priority action for the local authority (¶110–111).</summary>
    private static readonly FollowUpStep[] Ofsted =
    [
        new("dfe-informed", "dfe-informed", "Record that the DfE was informed", "Record", "The DfE is recorded as informed.",
            [new("contact", "Who at the Department for Education was told", StepInput.Text, "who at the DfE was told")],
            ["inform-dfe"], "The notice to the DfE is sent when the follow-up opens; record it here when the DfE was told another way."),
        new("action-plan-request", "action-plan/request", "Ask the local authority for its action plan", "Ask for the action plan",
            "The action plan is asked for: the draft is due 20 working days after the letter, the final 70.",
            [new("letterDate", "Date of the letter", StepInput.Date, "the date of the letter", "Leave blank to use the letter's date the platform knows. For example, 27 3 2027", Optional: true)],
            ["request-action-plan"]),
        new("action-plan-received", "action-plan/received", "Record an action plan received", "Record the plan", "The action plan is recorded as received.",
            [
                new("stage", "Which plan was received", StepInput.OneOf, "which plan was received", Choices: Stages),
                new("receivedOn", "Date received", StepInput.Date, "the date the plan was received"),
            ],
            ["receive-action-plan"]),
        new("action-plan-reviewed", "action-plan/reviewed", "Record the review of the action plan", "Record the review", "The review of the action plan is recorded.",
            [new("notes", "Review notes", StepInput.LongText, "the review notes")],
            ["review-action-plan"]),
        new("action-plan-accepted", "action-plan/accepted", "Accept the action plan", "Accept the plan", "The action plan is accepted.",
            [new("reason", "Reason (optional)", StepInput.LongText, "the reason", Optional: true)],
            ["accept-draft-action-plan", "accept-final-action-plan"], "Accepting the draft plan awaits the final; accepting the final plan starts monitoring."),
        new("action-plan-returned", "action-plan/returned", "Return the action plan", "Return the plan", "The action plan is returned to the local authority.",
            [new("reason", "Why the plan is returned", StepInput.LongText, "why the plan is returned")],
            ["return-action-plan"]),
        new("monitoring-visit", "monitoring-visits", "Schedule a monitoring visit", "Schedule the visit", "The monitoring visit is scheduled.",
            [
                new("on", "Date of the visit", StepInput.Date, "the date of the visit"),
                new("focus", "Focus of the visit", StepInput.LongText, "the focus of the visit"),
            ],
            [], "Monitoring visits follow the accepted action plan."),
        new("close", "close", "Close the follow-up", "Close the follow-up", "The follow-up is closed.",
            [new("decision", "Decision", StepInput.LongText, "the decision")],
            ["close"]),
        new("coordination", "coordination", "Record how the inspectorates coordinate", "Record the coordination", "The coordination is recorded.",
            [
                new("sharedWith", "Shared with", StepInput.AnyOf, "the inspectorates the record is shared with",
                    Choices: [.. Inspectorates.All.Where(i => i != Inspectorates.Ofsted).Select(i => new Choice(i, Display.Inspectorate(i)))]),
                new("note", "How the follow-up is coordinated", StepInput.LongText, "how the follow-up is coordinated"),
            ],
            [], "A priority action for several agencies or the MASA is followed up together (¶110).", CoordinatedOnly: true),
        new("letter-shared", "letter-shared-with-departments", "Record the letter shared with government departments", "Record the sharing",
            "The letter is recorded as shared with the government departments.",
            [
                new("departments", "Government departments", StepInput.Lines, "the government departments", "One department a line"),
                new("sharedOn", "Date shared", StepInput.Date, "the date the letter was shared"),
            ],
            [], "The final letter goes to the government departments before it is published (¶110).", CoordinatedOnly: true),
        new("repeat-jtai", "repeat-jtai-decision", "Decide whether to repeat the JTAI", "Record the decision", "The decision on a repeat JTAI is recorded.",
            [
                new("repeat", "Will a JTAI of the same scope be carried out?", StepInput.YesNo, "whether a JTAI of the same scope will be carried out"),
                new("reason", "Reason", StepInput.LongText, "the reason"),
            ],
            [], "Once the partnership has had time to respond (¶110).", CoordinatedOnly: true),
    ];

    private static readonly Choice[] Responses =
    [
        new("no-further-action", "No further action"),
        new("meeting-with-providers", "Meeting with providers"),
        new("follow-up-visit", "Follow-up visit"),
        new("enforcement", "Enforcement"),
    ];

    private static readonly Choice[] EnforcementActions =
        new[] { "requirement-notice", "warning-notice", "imposing-or-varying-conditions", "suspension", "cancellation", "urgent-procedure", "special-measures" }
            .Select(a => new Choice(a, Display.Words(a))).ToArray();

    /// <summary>CQC's management review of a priority action for health (¶112–113).</summary>
    private static readonly FollowUpStep[] Cqc =
    [
        new("management-review-meeting", "management-review-meeting", "Schedule the management review meeting", "Schedule the meeting",
            "The management review meeting is scheduled.",
            [
                new("on", "Date of the meeting", StepInput.Date, "the date of the meeting"),
                new("attendees", "Who attends", StepInput.Lines, "who attends the meeting", "One person a line, with their role"),
            ],
            ["schedule-management-review"], "The regulation team and others as needed attend (¶112); scheduling again replaces the meeting."),
        new("decision", "decision", "Record the management review's decision", "Record the decision", "The management review's decision is recorded.",
            [
                new("responses", "Regulatory response", StepInput.AnyOf, "the regulatory response", "Select all that apply", Responses),
                new("enforcement", "Enforcement actions (optional)", StepInput.AnyOf, "the enforcement actions", "Only when the response includes enforcement",
                    EnforcementActions, Optional: true),
                new("reasons", "Reasons", StepInput.LongText, "the reasons"),
                new("criminalRoutesNoted", "Criminal routes noted (optional)", StepInput.LongText, "the criminal routes noted", Optional: true),
                new("actionsDueOn", "Date the actions are due (optional)", StepInput.Date, "the date the actions are due", Optional: true),
            ],
            ["record-decision"], "Whether regulatory action is required, with reasons (¶113)."),
        new("close-action", "actions/{action}/close", "Close a regulatory action", "Close the action", "The action is closed.",
            [new("outcome", "Outcome", StepInput.LongText, "the outcome")],
            [], "The last action closed closes the follow-up."),
    ];

    private static readonly Choice[] RevisitKinds = [new("revisit", "Revisit"), new("re-inspection", "Re-inspection")];

    /// <summary>HMICFRS's force monitoring of a cause of concern (¶114–117).</summary>
    private static readonly FollowUpStep[] Hmicfrs =
    [
        new("cause-of-concern", "cause-of-concern", "Report the cause of concern", "Report the cause of concern", "The cause of concern is reported: the force is in scan.",
            [
                new("concern", "Cause of concern", StepInput.LongText, "the cause of concern"),
                new("recommendations", "Recommendations", StepInput.Lines, "at least one recommendation", "One recommendation a line"),
                new("reportPublishedOn", "Date the report was published", StepInput.Date, "the date the report was published",
                    "Leave blank to use the publication date the platform knows. For example, 27 3 2027", Optional: true),
            ],
            ["report-cause-of-concern"], "A cause of concern is always accompanied by one or more recommendations (¶114)."),
        new("escalate-to-engage", "escalate-to-engage", "Escalate to engage", "Escalate", "The force is in engage.",
            [
                new("reason", "Why", StepInput.OneOf, "why the force moves to engage", Choices: [new("not-responding", "Not responding"), new("not-succeeding", "Not succeeding")]),
                new("detail", "Detail", StepInput.LongText, "the detail"),
            ],
            ["escalate-to-engage"], "When the force is not responding, or not succeeding (¶115)."),
        new("hmi-meeting", "hmi-meeting", "Record the HMI's meeting", "Record the meeting", "The HMI's meeting is recorded.",
            [
                new("heldOn", "Date held", StepInput.Date, "the date the meeting was held"),
                new("chiefConstable", "Chief constable", StepInput.Text, "the chief constable"),
                new("policeAndCrimeCommissioner", "Police and crime commissioner", StepInput.Text, "the police and crime commissioner"),
                new("actionsIdentified", "Actions identified", StepInput.LongText, "the actions identified"),
            ],
            [], "In engage the HMI meets the chief constable and the police and crime commissioner (¶116)."),
        new("root-cause-analysis", "root-cause-analysis", "Record the root cause analysis", "Record it", "The root cause analysis is recorded.",
            [
                new("receivedOn", "Date received", StepInput.Date, "the date it was received"),
                new("summary", "Summary", StepInput.LongText, "a summary"),
            ],
            [], "The chief constable's root cause analysis follows the HMI's meeting (¶116)."),
        new("improvement-plan", "improvement-plan", "Record the improvement plan", "Record it", "The improvement plan is recorded.",
            [
                new("receivedOn", "Date received", StepInput.Date, "the date it was received"),
                new("summary", "Summary", StepInput.LongText, "a summary"),
            ],
            [], "Formulated from the root cause analysis (¶116)."),
        new("improvement-required", "improvement-required", "Set the improvement required", "Set it", "The improvement required is set.",
            [new("improvement", "Improvement required to be disengaged", StepInput.LongText, "the improvement required")],
            [], "The HMI sets the level of improvement required to be disengaged (¶116)."),
        new("disengage", "disengage", "Disengage", "Disengage", "The force is disengaged.",
            [
                new("on", "Date of the decision", StepInput.Date, "the date of the decision"),
                new("decision", "Decision", StepInput.LongText, "the decision"),
                new("evidence", "Evidence", StepInput.LongText, "the evidence"),
            ],
            ["disengage"], "The HMI's decision with its evidence, against the improvement they set."),
        new("revisit", "revisits", "Schedule a revisit", "Schedule it", "The revisit is scheduled.",
            [
                new("on", "Date", StepInput.Date, "the date"),
                new("kind", "Kind", StepInput.OneOf, "the kind of visit", Choices: RevisitKinds),
                new("focus", "Focus", StepInput.LongText, "the focus"),
            ],
            [], "Focused on the cause of concern (¶117)."),
        new("policing-body-comments", "policing-body-comments", "Record the local policing body's comments", "Record them",
            "The local policing body's comments are recorded.",
            [new("publishedOn", "Date published", StepInput.Date, "the date the comments were published")],
            [], "Published within 56 days of the report (Police Act 1996 s55)."),
        new("close", "close", "Close the monitoring", "Close", "The monitoring is closed.",
            [
                new("on", "Date of the decision", StepInput.Date, "the date of the decision"),
                new("decision", "Decision", StepInput.LongText, "the decision"),
                new("evidence", "Evidence", StepInput.LongText, "the evidence"),
            ],
            ["close"]),
    ];

    private static readonly Choice[] ProgressKinds =
    [
        new("progress-review", "Progress review"), new("youth-justice-inspection", "Youth justice inspection brought forward"),
        new("probation-inspection", "Probation inspection brought forward"),
    ];

    /// <summary>
    /// HMI Probation's improvement monitoring of a priority action for a youth justice or probation service: the programme
    /// note has each inspectorate follow up through its own routine programme (¶7–8).
    /// </summary>
    private static readonly FollowUpStep[] HmiProbation =
    [
        new("improvement-plan-request", "improvement-plan-request", "Ask for an improvement plan", "Ask for the plan", "The improvement plan is asked for.",
            [
                new("requestedOf", "Who is asked", StepInput.Text, "who is asked for the plan",
                    "For example, the chair of the youth justice management board or the head of the probation delivery unit"),
                new("dueOn", "Date the plan is due", StepInput.Date, "the date the plan is due"),
            ],
            ["request-improvement-plan"], "Asked of the service's leaders by a date to come; the platform reminds them and marks it overdue."),
        new("improvement-plan-received", "improvement-plan-received", "Record the improvement plan received", "Record the plan",
            "The improvement plan is recorded as received.",
            [
                new("receivedOn", "Date received", StepInput.Date, "the date the plan was received"),
                new("summary", "Summary", StepInput.LongText, "a summary of the plan"),
            ],
            ["receive-improvement-plan"]),
        new("improvement-plan-returned", "improvement-plan-returned", "Return the improvement plan", "Return the plan", "The improvement plan is returned.",
            [
                new("because", "Why it is returned", StepInput.LongText, "why the plan is returned"),
                new("dueOn", "Date the plan is due again", StepInput.Date, "the date the plan is due again"),
            ],
            ["return-improvement-plan"], "A plan that does not answer the priority action goes back with the reason and a new date."),
        new("improvement-plan-accepted", "improvement-plan-accepted", "Accept the improvement plan", "Accept the plan", "The improvement plan is accepted.",
            [
                new("on", "Date of the decision", StepInput.Date, "the date of the decision"),
                new("decision", "Decision", StepInput.LongText, "the decision"),
            ],
            ["accept-improvement-plan"], "Progress is then monitored."),
        new("progress", "progress", "Record progress", "Record it", "The progress is recorded.",
            [
                new("on", "Date", StepInput.Date, "the date"),
                new("kind", "What it is", StepInput.OneOf, "what it is", Choices: ProgressKinds),
                new("note", "Note", StepInput.LongText, "a note"),
            ],
            [], "While monitoring: a progress review, or one of HMI Probation's own inspections brought forward (¶7–8)."),
        new("close", "close", "Close the monitoring", "Close", "The monitoring is closed.",
            [
                new("on", "Date of the decision", StepInput.Date, "the date of the decision"),
                new("decision", "Decision", StepInput.LongText, "the decision"),
            ],
            ["close"]),
    ];

    public static IReadOnlyList<FollowUpStep> Of(string? inspectorate) => inspectorate switch
    {
        Inspectorates.Ofsted => Ofsted,
        Inspectorates.Cqc => Cqc,
        Inspectorates.Hmicfrs => Hmicfrs,
        Inspectorates.HmiProbation => HmiProbation,
        _ => [],
    };

    public static FollowUpStep? Find(string? inspectorate, string slug) => Of(inspectorate).FirstOrDefault(s => s.Slug == slug);

    /// <summary>The forms for the lifecycle's next steps, in its order (a next step with no form, like CQC's automatic notice, has none).</summary>
    public static IEnumerable<FollowUpStep> Next(string? inspectorate, IEnumerable<string> nextSteps) =>
        nextSteps.SelectMany(n => Of(inspectorate).Where(s => s.OfferedBy.Contains(n))).Distinct();

    /// <summary>Records that may be added while the follow-up is open (the regulatory action's closure is offered per action).</summary>
    public static IEnumerable<FollowUpStep> Records(string? inspectorate, bool coordinated) =>
        Of(inspectorate).Where(s => s.IsRecord && !s.Path.Contains("{action}", StringComparison.Ordinal) && (coordinated || !s.CoordinatedOnly));
}
