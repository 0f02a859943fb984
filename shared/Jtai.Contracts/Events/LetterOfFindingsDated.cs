namespace Jtai.Contracts.Events;

/// <summary>
/// The letter of findings' dates, for every follow-up of the inspection's priority actions (Annex B): sent
/// when the final letter is issued (its date; PublishedDate null) and again when it is published (the day
/// the embargo lifted). The ILACS action plan and HMICFRS's cause of concern count from these dates.
/// </summary>
public sealed record LetterOfFindingsDated(
    Guid InspectionId,
    DateOnly LetterDate,
    DateOnly? PublishedDate,
    DateTimeOffset At) : IInspectionMessage;
