namespace Jtai.Contracts.Events;

/// <summary>
/// The inspection moved from one lifecycle stage to another (scheduled, notified, deferral-requested,
/// deferred, deferral-refused, information-gathering, fieldwork, drafting, factual-accuracy,
/// final-under-embargo, published, action-planning, closed, cancelled). Stages are kebab-case strings
/// so a new stage does not break older consumers. FieldworkStart is the current one (a deferral moves it).
/// Inspectorates names those taking part; the others ignore the message. Null is a joint inspection: all three.
/// </summary>
public sealed record InspectionTransitioned(
    Guid InspectionId,
    string From,
    string To,
    DateOnly FieldworkStart,
    DateTimeOffset At,
    string By,
    IReadOnlyList<string>? Inspectorates = null) : IInspectionMessage;
