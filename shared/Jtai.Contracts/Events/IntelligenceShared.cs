namespace Jtai.Contracts.Events;

/// <summary>
/// An inspectorate shares what its own routine programme saw of a local area's safeguarding
/// arrangements — a concern, exceptional practice, or a routine inspection and its outcome — with the
/// other inspectorates, to inform their own programmes and the JTAI programme (programme note ¶7–8).
/// Kind: concern | exceptional-practice | routine-inspection. Programme: the sharing inspectorate's
/// own programme (ilacs-focused-visit, peel, clas ...). It names no child or person (¶76): people by role.
/// </summary>
public sealed record IntelligenceShared(
    Guid IntelligenceId,
    string Inspectorate,
    string LocalAreaCode,
    string LocalAreaName,
    string Kind,
    string Programme,
    string What,
    DateOnly ObservedOn,
    string RecordedBy,
    string RecordedByName,
    IReadOnlyList<string> Agencies,
    DateTimeOffset SharedAt);

/// <summary>The kinds of <see cref="IntelligenceShared"/>.</summary>
public static class IntelligenceKinds
{
    /// <summary>A concern about local safeguarding arrangements (¶8; consultation ¶29: known concerns inform selection).</summary>
    public const string Concern = "concern";
    /// <summary>Exceptional practice (¶8; consultation ¶29–30: areas where good practice can be highlighted).</summary>
    public const string ExceptionalPractice = "exceptional-practice";
    /// <summary>A routine single-agency inspection of the area and its outcome (consultation ¶30: the most reliable source).</summary>
    public const string RoutineInspection = "routine-inspection";
    public static readonly IReadOnlyList<string> All = [Concern, ExceptionalPractice, RoutineInspection];
}
