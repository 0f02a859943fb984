using Jtai.Calendar.Timeline;

namespace Jtai.Orchestrator.Lifecycle;

/// <summary>
/// The inspection's lifecycle as an explicit table (guidance ¶13–47, ¶83–87, ¶19): which stage may
/// follow which, and which milestones a stage meets. Stage names are the kebab-case strings of
/// InspectionTransitioned.
/// </summary>
public static class Stages
{
    public const string Scheduled = "scheduled";
    public const string Notified = "notified";
    public const string DeferralRequested = "deferral-requested";
    public const string Deferred = "deferred";
    public const string DeferralRefused = "deferral-refused";
    public const string InformationGathering = "information-gathering";
    public const string Fieldwork = "fieldwork";
    public const string Drafting = "drafting";
    public const string FactualAccuracy = "factual-accuracy";
    public const string FinalUnderEmbargo = "final-under-embargo";
    public const string Published = "published";
    public const string ActionPlanning = "action-planning";
    public const string Closed = "closed";
    public const string Cancelled = "cancelled";

    public static readonly IReadOnlyList<string> All =
    [
        Scheduled, Notified, DeferralRequested, Deferred, DeferralRefused, InformationGathering, Fieldwork,
        Drafting, FactualAccuracy, FinalUnderEmbargo, Published, ActionPlanning, Closed, Cancelled,
    ];

    private static readonly Dictionary<string, string[]> Next = new(StringComparer.Ordinal)
    {
        [Scheduled] = [Notified, Cancelled],
        [Notified] = [DeferralRequested, InformationGathering, Cancelled],
        [DeferralRequested] = [Deferred, DeferralRefused, Cancelled],
        // A deferred inspection is notified again on its new dates (¶19).
        [Deferred] = [Notified, Cancelled],
        [DeferralRefused] = [InformationGathering, Cancelled],
        // ¶19: a deferral may be requested until fieldwork starts, so also while information is gathered.
        [InformationGathering] = [DeferralRequested, Fieldwork, Cancelled],
        // An inspection can be stopped during fieldwork (pausing, ¶62); after it, the letter is owed.
        [Fieldwork] = [Drafting, Cancelled],
        [Drafting] = [FactualAccuracy],
        [FactualAccuracy] = [FinalUnderEmbargo],
        [FinalUnderEmbargo] = [Published],
        // A statement of action is written only if required (¶85): otherwise straight to closed.
        [Published] = [ActionPlanning, Closed],
        [ActionPlanning] = [Closed],
        [Closed] = [],
        [Cancelled] = [],
    };

    /// <summary>Stages entered only through the deferral endpoints, which carry the request and decision.</summary>
    public static readonly IReadOnlySet<string> DeferralOnly = new HashSet<string>(StringComparer.Ordinal) { DeferralRequested, Deferred, DeferralRefused };

    public static readonly IReadOnlySet<string> Ended = new HashSet<string>(StringComparer.Ordinal) { Closed, Cancelled };

    public static IReadOnlyList<string> AllowedAfter(string stage) => Next.TryGetValue(stage, out var next) ? next : [];

    public static bool CanMove(string from, string to) => AllowedAfter(from).Contains(to, StringComparer.Ordinal);

    /// <summary>
    /// Milestones a stage's arrival meets. Not notification, the Annex A returns, the fieldwork week's
    /// meetings or the letter's deliveries: those are met by what happened (Timeline/MetByRecords), never by
    /// a change of stage. The comments close when the final letter is issued (the lead settled them, ¶82),
    /// and publication is the embargo lifting, which alone moves the inspection to published.
    /// </summary>
    public static IReadOnlyList<string> Meets(string stage) => stage switch
    {
        FinalUnderEmbargo => [MilestoneKeys.FactualAccuracyComments],
        Published => [MilestoneKeys.Publication],
        _ => [],
    };

    /// <summary>Milestones that mark the end of a window rather than something owed: they cannot be overdue.</summary>
    public static readonly IReadOnlySet<string> WindowEnds = new HashSet<string>(StringComparer.Ordinal) { MilestoneKeys.ComplaintWindowEnd };
}
