namespace Jtai.Orchestrator.Programme;

/// <summary>
/// The points each thing the platform holds adds to (or takes from) an area's score, configuration
/// section "Programme:Ranking". They are shown beside every ranking, so the score is never a black box.
/// </summary>
public sealed class RankingOptions
{
    public const string Section = "Programme:Ranking";

    /// <summary>Each concern shared within <see cref="IntelligenceMonths"/> (¶8; consultation ¶29: known concerns).</summary>
    public int Concern { get; set; } = 3;
    /// <summary>Each report of exceptional practice (consultation ¶29: areas where good practice can be highlighted).</summary>
    public int ExceptionalPractice { get; set; } = 2;
    /// <summary>How far back shared intelligence counts (consultation ¶30: the most recent inspection is the most reliable source).</summary>
    public int IntelligenceMonths { get; set; } = 24;
    /// <summary>Each area for priority action found by the area's last JTAI (has it improved?).</summary>
    public int PriorityAction { get; set; } = 2;
    /// <summary>An area with no JTAI on record.</summary>
    public int NeverInspected { get; set; } = 4;
    /// <summary>Each full year since the area's last JTAI, up to <see cref="MaxYearsSinceLastJtai"/>.</summary>
    public int PerYearSinceLastJtai { get; set; } = 1;
    public int MaxYearsSinceLastJtai { get; set; } = 4;
    /// <summary>The area already had a JTAI on this theme.</summary>
    public int SameTheme { get; set; } = -5;
    /// <summary>An inspection of the area with fieldwork within <see cref="RecentInspectionMonths"/> of the year, or already planned in it.</summary>
    public int RecentInspection { get; set; } = -10;
    public int RecentInspectionMonths { get; set; } = 12;
    /// <summary>Each routine single-agency inspection of the area shared within <see cref="RecentRoutineInspectionMonths"/>.</summary>
    public int RecentRoutineInspection { get; set; } = -1;
    public int RecentRoutineInspectionMonths { get; set; } = 6;
}
