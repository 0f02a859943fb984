namespace Jtai.Calendar.Frameworks;

/// <summary>
/// One version of a JTAI inspection framework (a theme): its focus, its evaluation criteria and
/// the rules that place every milestone. Data, not code: the 2015 framework gave 8 working days'
/// notice, today's give 10; a new version is a new file, and an inspection keeps the version it
/// started with.
/// </summary>
public sealed record Framework(
    string Key,
    int Version,
    string Name,
    DateOnly EffectiveFrom,
    string Source,
    IReadOnlyList<string> FocusAreas,
    IReadOnlyList<EvaluationCriterion> EvaluationCriteria,
    IReadOnlyList<MilestoneRule> Milestones)
{
    /// <summary>Working days between notification and the start of fieldwork (¶13: 10).</summary>
    public int NoticeWorkingDays =>
        -(Milestones.SingleOrDefault(m => m.Key == Timeline.MilestoneKeys.Notification)?.WorkingDays ?? 0);

    /// <summary>
    /// The inspectorates taking part, of the registry's (shared/inspectorates.json): a joint inspection is Ofsted's, CQC's
    /// and HMICFRS's (¶10); a framework used by one inspectorate alone names only it, and one whose theme brings in another
    /// inspectorate (HMI Probation, the programme's ¶1) names it too. A framework file that says nothing is joint.
    /// </summary>
    public IReadOnlyList<string> Inspectorates { get; init; } = JointInspectorates;

    /// <summary>The places each inspectorate fills on the fieldwork team (¶10–12): what planning staffs.</summary>
    public IReadOnlyList<TeamPlaceRule> Team { get; init; } = JointTeam;

    /// <summary>
    /// The letter's form: a joint letter of findings (¶77–79), or the Ofsted-only letter of key strengths and
    /// recommendations (2015 consultation, Part 2 ¶34). A framework file that says nothing writes findings.
    /// </summary>
    public string LetterForm { get; init; } = LetterForms.Findings;

    /// <summary>
    /// What the area writes in answer to the letter: the joint written statement of proposed action (¶85–86),
    /// or the Ofsted-only post-inspection action plan (2015 consultation, Part 2 ¶34).
    /// </summary>
    public string ResponseToLetter { get; init; } = LetterResponses.StatementOfAction;

    public bool TakesPart(string inspectorate) => Inspectorates.Contains(inspectorate);

    /// <summary>
    /// The theme's focus areas (the five-themes overview) with stable codes in the version's order (FA1, FA2, …): the prompts
    /// an evidence record answers and the sections the letter's findings are arranged in. A new wording is a new version.
    /// </summary>
    public IReadOnlyList<FocusArea> FocusAreaPrompts => [.. FocusAreas.Select((text, i) => new FocusArea($"FA{i + 1}", text))];

    /// <summary>
    /// What the inspection looked at, as the letter's opening sentence says it ("the multi-agency response to {this}"):
    /// the framework's name without its own "The multi-agency response to" and without the short name in brackets.
    /// </summary>
    public string LetterSubject
    {
        get
        {
            const string joint = "The multi-agency response to ";
            var subject = Name.StartsWith(joint, StringComparison.Ordinal) ? Name[joint.Length..] : Name;
            var bracket = subject.LastIndexOf(" (", StringComparison.Ordinal);
            if (bracket > 0 && subject.EndsWith(')')) subject = subject[..bracket];
            return subject.Length == 0 ? subject : char.ToLowerInvariant(subject[0]) + subject[1..];
        }
    }

    public static readonly IReadOnlyList<string> JointInspectorates = ["ofsted", "cqc", "hmicfrs"];

    /// <summary>
    /// ¶10–12: two Ofsted social care inspectors (one the lead) and a schools HMI, two CQC and two
    /// HMICFRS inspectors, each inspectorate with its own lead on the team. QA managers are not fieldwork places.
    /// </summary>
    public static readonly IReadOnlyList<TeamPlaceRule> JointTeam =
    [
        new("ofsted", "lead-inspector", 1), new("ofsted", "inspector", 1), new("ofsted", "hmi", 1),
        new("cqc", "lead-inspector", 1), new("cqc", "inspector", 1),
        new("hmicfrs", "lead-inspector", 1), new("hmicfrs", "inspector", 1),
    ];
}

public static class LetterForms
{
    public const string Findings = "findings";
    public const string StrengthsAndRecommendations = "strengths-and-recommendations";
    public static readonly IReadOnlyList<string> All = [Findings, StrengthsAndRecommendations];
}

public static class LetterResponses
{
    public const string StatementOfAction = "statement-of-action";
    public const string ActionPlan = "action-plan";
    public static readonly IReadOnlyList<string> All = [StatementOfAction, ActionPlan];
}

/// <summary><see cref="Count"/> people of <see cref="Inspectorate"/> in team role <see cref="TeamRole"/> on each inspection.</summary>
public sealed record TeamPlaceRule(string Inspectorate, string TeamRole, int Count);

/// <summary>A focus area of the theme (the five-themes overview): its code and words.</summary>
public sealed record FocusArea(string Code, string Text)
{
    /// <summary>The focus area as a heading: its words with a capital.</summary>
    public string Heading => Text.Length == 0 ? Text : char.ToUpperInvariant(Text[0]) + Text[1..];
}

/// <summary>An evaluation criterion (EC1–EC22 for the front door, ¶9) that evidence and findings reference.</summary>
public sealed record EvaluationCriterion(string Code, string Text);

/// <summary>
/// A milestone falls <see cref="WorkingDays"/> working days after <see cref="From"/> (the
/// fieldwork start, or an earlier milestone's key), at <see cref="Time"/> London time.
/// </summary>
public sealed record MilestoneRule(string Key, string From, int WorkingDays, TimeOnly Time, string Description);
