using Jtai.Calendar.WorkingDays;
using Jtai.Contracts.Events;
using Jtai.Messaging.Deadlines;
using Jtai.Orchestrator.Letter;

namespace Jtai.Orchestrator.Publication;

/// <summary>
/// The letter's publication as a deadline row (the embargo lifts at its instant) and its withdrawal
/// (¶121), shared by the publication and complaints endpoints and the letter's deliveries.
/// </summary>
public static class LetterPublication
{
    public const string Deadline = "letter-publication";

    public static string Key(Guid inspectionId) => $"letter/{inspectionId}/publication";

    /// <summary>
    /// The embargo lifts at this instant (the public endpoint reads it); a deadline row then moves
    /// the lifecycle to published (LetterPublicationConsumer), which tells every service.
    /// </summary>
    public static Task Schedule(InspectionLetter letter, DateTimeOffset at, IDeadlines deadlines, CancellationToken ct)
    {
        letter.PublicationAt = at;
        return deadlines.Schedule(Key(letter.InspectionId), at,
            new PostInspectionDeadlineReached(letter.InspectionId, Deadline, letter.InspectionId, DateOnly.FromDateTime(LondonTime.ToLondon(at).DateTime), at), ct);
    }

    /// <summary>The publication deadline of a withdrawn letter that was still to be published.</summary>
    public static Task CancelPublication(IDeadlines deadlines, Guid inspectionId, DateTimeOffset now, CancellationToken ct) =>
        deadlines.Cancel(Key(inspectionId), now, ct);

    /// <summary>Withdraws the final letter: an embargoed one is never published, a published one stops being served.</summary>
    public static async Task Withdraw(IDeadlines deadlines, InspectionLetter letter, string decidedBy, string reason,
        string by, DateTimeOffset now, CancellationToken ct)
    {
        if (letter.Withdraw(decidedBy, reason, by, now)) await deadlines.Cancel(Key(letter.InspectionId), now, ct);
    }
}
