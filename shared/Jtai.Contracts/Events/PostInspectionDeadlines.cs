namespace Jtai.Contracts.Events;

/// <summary>
/// A deadline after the inspection fell due (published by the orchestrator's deadline rows): the
/// partnership's comments on the draft letter, the statement of action (¶86), a complaint's
/// acknowledgement or response (Annex C). Subject is the letter, statement or complaint it concerns;
/// Deadline names which (factual-accuracy-comments, statement-of-action, complaint-acknowledgement,
/// complaint-response). Whether it was met is read where the work is recorded, not in this message.
/// </summary>
public sealed record PostInspectionDeadlineReached(
    Guid InspectionId,
    string Deadline,
    Guid SubjectId,
    DateOnly DueOn,
    DateTimeOffset At) : IInspectionMessage;
