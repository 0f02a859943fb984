using Jtai.Calendar.Timeline;
using Jtai.Messaging.Deadlines;
using Jtai.Notices.Delivery;
using Jtai.Orchestrator.Data;
using Jtai.Orchestrator.Publication;
using Jtai.Orchestrator.Timeline;
using Microsoft.EntityFrameworkCore;

namespace Jtai.Orchestrator.Letter;

/// <summary>
/// "Sent" means delivered: the letter records each step out of the building when its notices arrive, and
/// the milestones are met then, never by the stage. The draft-letter milestone when the DCS has the draft
/// (¶82); the final-letter milestone when every addressee has the final letter (¶83); the questionnaire
/// counts as sent when its request reached the DCS (¶84); the departments have seen the letter when it
/// reached them all, and only then may the embargo lift (¶110).
/// </summary>
internal sealed class LetterDeliveries(OrchestratorDbContext db, IDeadlines deadlines) : INoticeOutcome
{
    public const string DraftDelivered = "draft-delivered";
    public const string FinalDelivered = "final-letter-delivered";

    public async Task Changed(NoticeDelivery delivery, CancellationToken ct)
    {
        if (delivery.State != DeliveryStates.Sent || !LetterNotices.Kinds.Contains(delivery.Notice)) return;
        var id = delivery.InspectionId;
        // The five final-letter deliveries (and the departments') are consumed at once: the letter's row lock
        // makes each see the others (READ COMMITTED alone would let every one see only itself as sent).
        // (A lock statement of its own: the letter's xmin concurrency token is not in SELECT *.)
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM letters WHERE inspection_id = {id} FOR UPDATE", ct);
        var letter = await db.Set<InspectionLetter>().SingleOrDefaultAsync(l => l.InspectionId == id, ct);
        if (letter is null) return;
        await db.SaveChangesAsync(ct);
        var sentAt = delivery.SentAt!.Value;
        switch (delivery.Notice)
        {
            case LetterNotices.Draft:
                letter.DraftDeliveredAt ??= sentAt;
                await Meet(id, MilestoneKeys.DraftLetter, letter.DraftDeliveredAt.Value, DraftDelivered, ct);
                break;
            case LetterNotices.SurveyRequest:
                letter.SurveySentAt ??= sentAt;
                break;
            case LetterNotices.Final when await AllSent(id, LetterNotices.Final, ct) is { } last:
                letter.FinalDeliveredAt ??= last;
                await Meet(id, MilestoneKeys.FinalLetter, letter.FinalDeliveredAt.Value, FinalDelivered, ct);
                break;
            case LetterNotices.Departments when letter.DepartmentsSharedAt is null && await AllSent(id, LetterNotices.Departments, ct) is { } last:
                letter.DepartmentsSharedAt = last;
                if (letter.DepartmentsRequired && letter.WithdrawnAt is null && letter.PublicationAt is null)
                    await LetterPublication.Schedule(letter, letter.PlannedPublicationAt!.Value > last ? letter.PlannedPublicationAt.Value : last, deadlines, ct);
                break;
        }
    }

    /// <summary>The time of the last delivery when every notice of this kind for the letter is sent, else null.</summary>
    private async Task<DateTimeOffset?> AllSent(Guid inspectionId, string kind, CancellationToken ct)
    {
        var prefix = LetterNotices.RegardingPrefix(inspectionId);
        var states = await db.Set<NoticeDelivery>().Where(d => d.InspectionId == inspectionId && d.Notice == kind && d.Regarding.StartsWith(prefix))
            .Select(d => new { d.State, d.SentAt }).ToListAsync(ct);
        return states.Count > 0 && states.All(s => s.State == DeliveryStates.Sent) ? states.Max(s => s.SentAt) : null;
    }

    private async Task Meet(Guid inspectionId, string key, DateTimeOffset at, string metBy, CancellationToken ct)
    {
        var milestone = await db.Set<InspectionMilestone>().SingleOrDefaultAsync(m => m.InspectionId == inspectionId && m.Key == key, ct);
        if (milestone is null || milestone.MetAt is not null) return;
        milestone.MetAt = at;
        milestone.MetBy = metBy;
    }
}
