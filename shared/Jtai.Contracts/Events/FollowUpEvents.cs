namespace Jtai.Contracts.Events;

/// <summary>
/// An inspectorate opened its follow-up of an area for priority action (Annex B). Process names
/// how it follows up: ilacs-action-plan (Ofsted), management-review (CQC), force-monitoring (HMICFRS).
/// States are kebab-case strings owned by each inspectorate's service.
/// </summary>
public sealed record FollowUpOpened(
    Guid InspectionId,
    Guid FollowUpId,
    Guid PriorityActionId,
    string Inspectorate,
    string Process,
    string State,
    bool Coordinated,
    DateTimeOffset At) : IInspectionMessage;

/// <summary>
/// A step of a follow-up was taken. From and To are equal for a step that records something
/// without changing the state (a monitoring visit scheduled, a revisit planned). Sequence numbers
/// the follow-up's steps 1, 2, 3 … (opening is 0), so a reader orders steps that share a time or
/// arrive out of order.
/// </summary>
public sealed record FollowUpAdvanced(
    Guid InspectionId,
    Guid FollowUpId,
    string Inspectorate,
    string Process,
    int Sequence,
    string Step,
    string From,
    string To,
    string By,
    DateTimeOffset At) : IInspectionMessage;

/// <summary>
/// A follow-up deadline's reminder or overdue point passed while it was still unmet (published by
/// the owner's deadline rows). Kind is reminder or overdue; Deadline names it (e.g. draft-action-plan).
/// </summary>
public sealed record FollowUpDeadlineReached(
    Guid InspectionId,
    Guid FollowUpId,
    string Inspectorate,
    string Deadline,
    string Kind,
    DateOnly DueOn,
    DateTimeOffset DueAt) : IInspectionMessage;
