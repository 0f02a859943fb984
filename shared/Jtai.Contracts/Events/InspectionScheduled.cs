namespace Jtai.Contracts.Events;

/// <summary>
/// The orchestrator scheduled a joint targeted area inspection. Each inspectorate service keeps
/// its own copy, because each inspectorate runs its own service and database. Inspectorates names
/// those taking part (its framework's); an inspectorate not named keeps no copy. Null (a sender that
/// does not say) is a joint inspection: all three.
/// </summary>
public sealed record InspectionScheduled(
    Guid InspectionId,
    string LocalAreaCode,
    string LocalAreaName,
    string Theme,
    DateOnly FieldworkStart,
    DateTimeOffset ScheduledAt,
    IReadOnlyList<string>? Inspectorates = null) : IInspectionMessage;
