namespace Jtai.Contracts.Events;

/// <summary>
/// The orchestrator scheduled a joint targeted area inspection. Each inspectorate service keeps
/// its own copy, because each inspectorate runs its own service and database.
/// </summary>
public sealed record InspectionScheduled(
    Guid InspectionId,
    string LocalAreaCode,
    string LocalAreaName,
    string Theme,
    DateOnly FieldworkStart,
    DateTimeOffset ScheduledAt) : IInspectionMessage;
