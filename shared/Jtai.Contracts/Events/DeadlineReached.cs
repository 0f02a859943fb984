namespace Jtai.Contracts.Events;

/// <summary>
/// A milestone of an inspection's timeline fell due (published by the deadline poller through the
/// outbox). MilestoneKey is the timeline's stable kebab-case key (draft-letter, final-letter, ...);
/// FieldworkStart is the one the due time was computed from, so a consumer can ignore a stale one
/// after a deferral.
/// </summary>
public sealed record DeadlineReached(
    Guid InspectionId,
    string MilestoneKey,
    string Description,
    DateTimeOffset DueAt,
    DateOnly FieldworkStart) : IInspectionMessage;
