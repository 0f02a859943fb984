namespace Jtai.Contracts.Events;

/// <summary>
/// An area for priority action in a letter of findings (¶79): a serious weakness placing children
/// at risk. Each inspectorate follows up the ones relevant to its agency (Annex B ¶110–117):
/// local-authority → Ofsted, health → CQC, police → HMICFRS, each agency named by its own
/// inspectorate only; the MASA → all three. Agencies are the platform's agency names (local-authority, health, police,
/// education, masa). Coordinated is true when the action concerns several agencies or the MASA.
/// LetterDate (the final letter) and PublishedDate are null until known: LetterOfFindingsDated brings them.
/// Inspectorates names those taking part in the inspection: only they follow up (an Ofsted-only
/// inspection's actions are all Ofsted's). Null is a joint inspection: all three.
/// </summary>
public sealed record PriorityActionIdentified(
    Guid InspectionId,
    Guid PriorityActionId,
    string LocalAreaCode,
    string LocalAreaName,
    IReadOnlyList<string> Agencies,
    bool Coordinated,
    string Text,
    DateOnly? LetterDate,
    DateOnly? PublishedDate,
    DateTimeOffset At,
    IReadOnlyList<string>? Inspectorates = null) : IInspectionMessage;
