using Jtai.Messaging.Deadlines;
using Jtai.Orchestrator.Letter;

namespace Jtai.Orchestrator.Publication;

/// <summary>
/// The letter's publication as a deadline row (the embargo lifts at its instant) and its withdrawal
/// (¶121), shared by the publication and complaints endpoints.
/// </summary>
public static class LetterPublication
{
    public const string Deadline = "letter-publication";

    public static string Key(Guid inspectionId) => $"letter/{inspectionId}/publication";

    /// <summary>Withdraws the final letter: an embargoed one is never published, a published one stops being served.</summary>
    public static async Task Withdraw(IDeadlines deadlines, InspectionLetter letter, string decidedBy, string reason,
        string by, DateTimeOffset now, CancellationToken ct)
    {
        if (letter.Withdraw(decidedBy, reason, by, now)) await deadlines.Cancel(Key(letter.InspectionId), now, ct);
    }
}
