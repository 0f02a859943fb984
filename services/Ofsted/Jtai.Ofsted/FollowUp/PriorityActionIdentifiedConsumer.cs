using Jtai.Contracts.Events;
using Jtai.Inspectorate.FollowUp;
using Jtai.Notices;
using Jtai.Ofsted.Data;
using Microsoft.Extensions.Options;

namespace Jtai.Ofsted.FollowUp;

/// <summary>
/// A priority action for the local authority (or several agencies, or the MASA) opens Ofsted's ILACS
/// follow-up, and the notice informing the DfE (¶111) is queued in the same transaction.
/// </summary>
public sealed class PriorityActionIdentifiedConsumer(
    OfstedDbContext db, FollowUps followUps, INotices notices, IOptions<DfeOptions> dfe, ILogger<PriorityActionIdentifiedConsumer> logger)
    : PriorityActionConsumerBase(db, followUps, logger)
{
    private readonly OfstedDbContext _db = db;

    protected override ILifecycle Lifecycle => IlacsActionPlan.Lifecycle;

    protected override Task Opened(FollowUpCase followUp, PriorityActionIdentified action, CancellationToken ct)
    {
        var delivery = notices.Queue(DfeNotice.For(followUp, dfe.Value));
        _db.Set<IlacsFollowUp>().Add(new IlacsFollowUp { FollowUpId = followUp.Id, DfeNoticeDeliveryId = delivery.Id });
        return Task.CompletedTask;
    }
}
