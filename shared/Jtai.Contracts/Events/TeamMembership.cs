namespace Jtai.Contracts.Events;

/// <summary>
/// A person joined the inspection team (¶10–12). Each inspectorate service keeps the team so it
/// can check, itself, that a caller is on the inspection before showing its records.
/// UserId is the person's token subject; TeamRole is lead-inspector, inspector, qa-manager, hmi or manager.
/// Inspectorates names those taking part: only they keep the team (null is a joint inspection: all three).
/// </summary>
public sealed record TeamMemberAssigned(
    Guid InspectionId,
    string UserId,
    string Name,
    string Inspectorate,
    string TeamRole,
    DateTimeOffset At,
    IReadOnlyList<string>? Inspectorates = null) : IInspectionMessage;

public sealed record TeamMemberRemoved(
    Guid InspectionId,
    string UserId,
    DateTimeOffset At) : IInspectionMessage;
