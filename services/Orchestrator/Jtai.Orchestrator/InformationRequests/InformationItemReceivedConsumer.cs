using Jtai.Contracts.Events;
using Jtai.Contracts.InformationRequests;
using Jtai.Messaging.Inbox;
using Jtai.Orchestrator.Data;
using Jtai.Orchestrator.Timeline;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Jtai.Orchestrator.InformationRequests;

/// <summary>
/// Ticks the checklist when Ofsted's exchange reports an item delivered (deliveries may arrive out of
/// order), and meets the timeline's milestone once every item due by it has arrived: at the time the
/// last of them first arrived, so a late return shows late, never overdue.
/// </summary>
public sealed class InformationItemReceivedConsumer(OrchestratorDbContext db, ILogger<InformationItemReceivedConsumer> logger)
    : InboxConsumer<InformationItemReceived>(db, logger)
{
    protected override async Task Handle(InformationItemReceived message, ConsumeContext<InformationItemReceived> context)
    {
        // An item outside the catalogue is a contract breach: fail it so it lands in the error queue, visible.
        if (AnnexAItems.Find(message.ItemKey) is null || string.IsNullOrWhiteSpace(message.Agency))
            throw new InvalidOperationException($"InformationItemReceived {context.MessageId} names unknown item '{message.ItemKey}' or no agency.");

        var received = await db.Set<InformationReceived>().SingleOrDefaultAsync(r =>
            r.InspectionId == message.InspectionId && r.ItemKey == message.ItemKey && r.Agency == message.Agency, context.CancellationToken);
        if (received is null)
        {
            db.Set<InformationReceived>().Add(new InformationReceived
            {
                InspectionId = message.InspectionId, ItemKey = message.ItemKey, Agency = message.Agency,
                FirstReceivedAt = message.ReceivedAt, LastReceivedAt = message.ReceivedAt, LastReceivedBy = message.ReceivedBy,
                Version = message.Version, Summary = Truncate(message.Summary),
            });
        }
        else
        {
            if (message.ReceivedAt < received.FirstReceivedAt) received.FirstReceivedAt = message.ReceivedAt;
            if (message.ReceivedAt >= received.LastReceivedAt)
            {
                received.LastReceivedAt = message.ReceivedAt;
                received.LastReceivedBy = message.ReceivedBy;
                received.Summary = Truncate(message.Summary);
            }
            received.Version = Math.Max(received.Version, message.Version);
        }
        await MeetMilestoneWhenComplete(message.InspectionId, AnnexAItems.Find(message.ItemKey)!.Due, context.CancellationToken);
    }

    private async Task MeetMilestoneWhenComplete(Guid inspectionId, string milestoneKey, CancellationToken ct)
    {
        // Deliveries are consumed concurrently: the inspection's row lock makes each see the ones before it
        // (otherwise two last items arriving together would each miss the other and meet nothing).
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM inspections WHERE id = {inspectionId} FOR UPDATE", ct);
        await db.SaveChangesAsync(ct);
        var items = AnnexAItems.All.Where(i => i.Due == milestoneKey).Select(i => i.Key).ToList();
        var firsts = await db.Set<InformationReceived>()
            .Where(r => r.InspectionId == inspectionId && items.Contains(r.ItemKey))
            .GroupBy(r => r.ItemKey).Select(g => g.Min(r => r.FirstReceivedAt)).ToListAsync(ct);
        if (firsts.Count < items.Count) return;
        var milestone = await db.Set<InspectionMilestone>().SingleOrDefaultAsync(m => m.InspectionId == inspectionId && m.Key == milestoneKey, ct);
        if (milestone is null || milestone.MetAt is not null) return;
        milestone.MetAt = firsts.Max();
        milestone.MetBy = MetByInformationReceived;
    }

    /// <summary>Who met a milestone that the partnership's deliveries met.</summary>
    public const string MetByInformationReceived = "information-received";

    private static string Truncate(string s) => s.Length <= 500 ? s : s[..500];
}
