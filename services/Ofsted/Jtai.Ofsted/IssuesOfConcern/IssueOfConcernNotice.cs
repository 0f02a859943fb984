using Jtai.Inspectorate.Inspections;
using Jtai.Notices;
using Jtai.Notices.Delivery;
using Jtai.Ofsted.Data;
using Microsoft.EntityFrameworkCore;

namespace Jtai.Ofsted.IssuesOfConcern;

/// <summary>
/// The notice that tells the senior officer of a serious issue of concern (¶70–71). It carries the
/// category and the child's case reference only (¶76): the senior officer reads the concern and
/// responds on the platform with their own sign-in.
/// </summary>
public static class IssueOfConcernNotice
{
    public const string Kind = "issue-of-concern";

    public static Notice For(IssueOfConcern issue, InspectionCopy inspection)
    {
        var category = issue.Category.Replace('-', ' ');
        var body = string.Join('\n',
            $"Dear {issue.SeniorOfficerName},",
            "",
            $"During the joint targeted area inspection of {inspection.LocalAreaName}, an inspector has identified a serious issue of concern " +
            $"({category}){(issue.ChildReference is { Length: > 0 } child ? $" about the child with case reference {child}" : "")}, " +
            $"concerning the {issue.Agency.Replace('-', ' ')} agency.",
            "",
            "As set out in paragraphs 70 and 71 of the inspection guidance, we are notifying you as the senior officer and ask you " +
            "to provide a written response. Please read the concern and record your response on the inspection platform:",
            $"/api/ofsted/issues-of-concern/inspections/{issue.InspectionId}/{issue.Id}",
            "",
            "The lead inspector will follow up your response at the keep-in-touch meetings.",
            "",
            $"Raised by {issue.RaisedByName} ({issue.RaisedByInspectorate}) at {issue.RaisedAt:yyyy-MM-dd HH:mm} UTC.");
        return new Notice(Kind, issue.InspectionId, $"issue-of-concern/{issue.Id}",
            new NoticeRecipient("senior-officer", issue.SeniorOfficerName, issue.SeniorOfficerEmail),
            $"Issue of concern: joint targeted area inspection of {inspection.LocalAreaName}", body,
            new Dictionary<string, string>
            {
                ["local_area"] = inspection.LocalAreaName, ["category"] = category, ["child_reference"] = issue.ChildReference ?? "",
                ["agency"] = issue.Agency, ["issue_id"] = issue.Id.ToString(),
            });
    }
}

/// <summary>The senior officer is notified when the notice is delivered, not when it was written.</summary>
internal sealed class SeniorOfficerNotified(OfstedDbContext db) : INoticeOutcome
{
    public async Task Changed(NoticeDelivery delivery, CancellationToken ct)
    {
        if (delivery.Notice != IssueOfConcernNotice.Kind || delivery.State != DeliveryStates.Sent) return;
        await db.Set<IssueOfConcern>().Where(i => i.NoticeDeliveryId == delivery.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(i => i.SeniorOfficerNotifiedAt, delivery.SentAt), ct);
    }
}
