namespace Jtai.Calendar.Timeline;

/// <summary>
/// The stable keys of the milestones (the API, deadlines and the .ics feed use them). A framework
/// may add milestones of its own; these are the ones the platform relies on.
/// </summary>
public static class MilestoneKeys
{
    public const string Notification = "notification";
    public const string ChildLevelData = "child-level-data";
    public const string ChildrenSelected = "children-selected";
    public const string PartnerInformationOnChildren = "partner-information-on-children";
    public const string ChildrenSelectedForAudit = "children-selected-for-audit";
    public const string CaseRecordsAndPerformanceInformation = "case-records-and-performance-information";
    public const string PartnershipAudits = "partnership-audits";
    public const string FieldworkStart = "fieldwork-start";
    public const string KitMeetingWednesday = "kit-meeting-wednesday";
    public const string KitMeetingThursday = "kit-meeting-thursday";
    public const string FeedbackMeeting = "feedback-meeting";
    public const string FieldworkEnd = "fieldwork-end";
    public const string EvidenceComplete = "evidence-complete";
    public const string DraftLetter = "draft-letter";
    public const string FactualAccuracyComments = "factual-accuracy-comments";
    public const string FinalLetter = "final-letter";
    public const string Publication = "publication";
    public const string ComplaintWindowEnd = "complaint-window-end";
    public const string StatementOfActionDue = "statement-of-action-due";

    /// <summary>Every framework must place these.</summary>
    public static readonly IReadOnlyList<string> Required =
    [
        Notification, FieldworkStart, FieldworkEnd, DraftLetter, FactualAccuracyComments,
        FinalLetter, Publication, StatementOfActionDue, ComplaintWindowEnd,
    ];
}
