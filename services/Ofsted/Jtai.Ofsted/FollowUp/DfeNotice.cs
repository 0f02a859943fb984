using Jtai.Inspectorate.FollowUp;
using Jtai.Notices;
using Jtai.Notices.Delivery;
using Jtai.Ofsted.Data;
using Microsoft.EntityFrameworkCore;

namespace Jtai.Ofsted.FollowUp;

/// <summary>The Department for Education's contact for JTAI priority actions (section FollowUp:Dfe).</summary>
public sealed class DfeOptions
{
    public string Name { get; set; } = "";
    public string Email { get; set; } = "";
}

/// <summary>Ofsted informs the DfE of an area for priority action relevant to the local authority (¶111).</summary>
public static class DfeNotice
{
    public const string Kind = "priority-action-dfe";

    public static Notice For(FollowUpCase followUp, DfeOptions dfe) => new(
        Kind, followUp.InspectionId, $"follow-up/{followUp.Id}/dfe",
        new NoticeRecipient("dfe", dfe.Name, dfe.Email),
        $"Area for priority action: joint targeted area inspection of {followUp.LocalAreaName}",
        string.Join('\n',
            $"Dear {dfe.Name},",
            "",
            $"The joint targeted area inspection of {followUp.LocalAreaName} ({followUp.LocalAreaCode}) has identified an area for priority action" +
            $"{(followUp.Coordinated ? " relevant to more than one agency or the multi-agency safeguarding arrangements" : " relevant to the local authority")}:",
            "",
            followUp.Text,
            "",
            "As set out in Annex B (paragraph 111) of the guidance, Ofsted is informing the Department for Education. Ofsted will follow the " +
            "process of the inspection of local authority children's services framework, including asking for an action plan." +
            (followUp.LetterDate is { } letter ? $" The letter of findings is dated {letter:d MMMM yyyy}." : "") +
            (followUp.PublishedDate is { } published ? $" It is published on {published:d MMMM yyyy}." : ""),
            "",
            $"Ofsted follow-up reference: {followUp.Id}"),
        new Dictionary<string, string>
        {
            ["local_area"] = followUp.LocalAreaName, ["priority_action"] = followUp.Text, ["follow_up_id"] = followUp.Id.ToString(),
        });
}

/// <summary>Delivered: the DfE is informed, and the follow-up takes its inform-dfe step (by the system).</summary>
internal sealed class DfeInformed(OfstedDbContext db, FollowUps followUps) : INoticeOutcome
{
    public async Task Changed(NoticeDelivery delivery, CancellationToken ct)
    {
        if (delivery.Notice != DfeNotice.Kind || delivery.State != DeliveryStates.Sent) return;
        var details = await db.Set<IlacsFollowUp>().SingleOrDefaultAsync(x => x.DfeNoticeDeliveryId == delivery.Id, ct);
        // Already recorded by hand (the DfE was told another way): the delivery changes nothing.
        if (details is null || details.DfeInformedAt is not null) return;
        var followUp = await followUps.Find(details.FollowUpId, ct)
            ?? throw new InvalidOperationException($"Follow-up {details.FollowUpId} of delivery {delivery.Id} is missing.");
        if (followUp.State != "dfe-to-be-informed") return;
        followUps.Move(followUp, IlacsActionPlan.Lifecycle, IlacsActionPlan.InformDfe, FollowUps.System, $"{delivery.RecipientName} ({delivery.RecipientAddress})");
        details.DfeInformedAt = delivery.SentAt;
        details.DfeInformedBy = FollowUps.System;
        details.DfeContact = $"{delivery.RecipientName} ({delivery.RecipientAddress})";
    }
}
