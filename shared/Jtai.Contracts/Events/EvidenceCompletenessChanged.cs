namespace Jtai.Contracts.Events;

/// <summary>
/// One inspectorate's evidence records for an inspection became complete (every inspector of its team who
/// keeps a record has marked it complete, ¶74) or stopped being complete (one was reopened to gather more, ¶75).
/// CompletedAt is when the last of them was completed; At orders the changes (the latest wins).
/// </summary>
public sealed record EvidenceCompletenessChanged(
    Guid InspectionId,
    string Inspectorate,
    bool Complete,
    DateTimeOffset? CompletedAt,
    DateTimeOffset At) : IInspectionMessage;
