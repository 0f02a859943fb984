namespace Jtai.Contracts.Events;

/// <summary>
/// Something (for example an open complaint, Annex C) needs an inspection's evidence kept: while a
/// hold is placed, no inspectorate purges that inspection's evidence, whatever its retention policy.
/// HoldId names the hold so several can overlap and each is released on its own.
/// </summary>
public sealed record LegalHoldPlaced(
    Guid InspectionId,
    Guid HoldId,
    string Reason,
    DateTimeOffset At) : IInspectionMessage;

public sealed record LegalHoldReleased(
    Guid InspectionId,
    Guid HoldId,
    DateTimeOffset At) : IInspectionMessage;
