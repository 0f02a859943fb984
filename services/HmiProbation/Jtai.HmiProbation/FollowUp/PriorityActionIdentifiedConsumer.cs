using Jtai.Contracts.Events;
using Jtai.HmiProbation.Data;
using Jtai.Inspectorate.FollowUp;

namespace Jtai.HmiProbation.FollowUp;

/// <summary>A priority action concerning a youth justice service or probation opens HMI Probation's improvement monitoring.</summary>
public sealed class PriorityActionIdentifiedConsumer(HmiProbationDbContext db, FollowUps followUps, ILogger<PriorityActionIdentifiedConsumer> logger)
    : PriorityActionConsumerBase(db, followUps, logger)
{
    private readonly HmiProbationDbContext _db = db;

    protected override ILifecycle Lifecycle => ImprovementMonitoring.Lifecycle;

    protected override Task Opened(FollowUpCase followUp, PriorityActionIdentified action, CancellationToken ct)
    {
        _db.Set<ImprovementPlan>().Add(new ImprovementPlan { FollowUpId = followUp.Id });
        return Task.CompletedTask;
    }
}
