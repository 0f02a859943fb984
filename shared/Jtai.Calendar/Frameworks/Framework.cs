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
}

/// <summary>An evaluation criterion (EC1–EC22 for the front door, ¶9) that evidence and findings reference.</summary>
public sealed record EvaluationCriterion(string Code, string Text);

/// <summary>
/// A milestone falls <see cref="WorkingDays"/> working days after <see cref="From"/> (the
/// fieldwork start, or an earlier milestone's key), at <see cref="Time"/> London time.
/// </summary>
public sealed record MilestoneRule(string Key, string From, int WorkingDays, TimeOnly Time, string Description);
