using Jtai.Cqc.Data;
using Jtai.Inspectorate.FollowUp;
using Jtai.Notices;
using Jtai.Notices.Delivery;
using Microsoft.EntityFrameworkCore;

namespace Jtai.Cqc.FollowUp;

/// <summary>The CQC inspection team's immediate notice to its manager of a priority action for health (¶112).</summary>
public static class ManagerNotice
{
    public const string Kind = "priority-action-manager";

    public static Notice For(FollowUpCase followUp, ManagerOptions manager) => new(
        Kind, followUp.InspectionId, $"follow-up/{followUp.Id}/manager",
        new NoticeRecipient("cqc-manager", manager.Name, manager.Contact),
        $"Area for priority action (health): joint targeted area inspection of {followUp.LocalAreaName}",
        string.Join('\n',
            $"Dear {manager.Name},",
            "",
            $"The CQC inspection team on the joint targeted area inspection of {followUp.LocalAreaName} ({followUp.LocalAreaCode}) " +
            "has identified an area for priority action relevant to health services:",
            "",
            followUp.Text,
            "",
            "As set out in Annex B (paragraphs 112 and 113) of the guidance, a management review meeting is to be called to decide " +
            "whether regulatory action is required. The follow-up is recorded on the platform:",
            $"/api/cqc/follow-ups/{followUp.Id}"),
        new Dictionary<string, string>
        {
            ["local_area"] = followUp.LocalAreaName, ["priority_action"] = followUp.Text, ["follow_up_id"] = followUp.Id.ToString(),
        });
}

/// <summary>Delivered: the manager is notified, and the follow-up takes its notify-manager step (by the system).</summary>
internal sealed class ManagerNotified(CqcDbContext db, FollowUps followUps) : INoticeOutcome
{
    public async Task Changed(NoticeDelivery delivery, CancellationToken ct)
    {
        if (delivery.Notice != ManagerNotice.Kind || delivery.State != DeliveryStates.Sent) return;
        var notification = await db.Set<ManagerNotification>().SingleOrDefaultAsync(n => n.DeliveryId == delivery.Id, ct);
        if (notification is null || notification.NotifiedAt is not null) return;
        notification.NotifiedAt = delivery.SentAt;
        var followUp = await followUps.Find(notification.FollowUpId, ct)
            ?? throw new InvalidOperationException($"Follow-up {notification.FollowUpId} of delivery {delivery.Id} is missing.");
        followUps.Move(followUp, ManagementReview.Lifecycle, ManagementReview.NotifyManager, FollowUps.System,
            $"{notification.Manager} ({notification.Contact}), delivered {delivery.SentAt:O}");
    }
}
