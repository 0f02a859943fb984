using Jtai.Calendar.Frameworks;
using Jtai.Orchestrator.Inspections;
using Jtai.Calendar.Timeline;
using Jtai.Contracts.Events;
using Jtai.Messaging.Inbox;
using Jtai.Orchestrator.Data;
using Jtai.Orchestrator.Timeline;
using Jtai.ServiceDefaults.Security;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jtai.Orchestrator.Evidence;

/// <summary>Whether one inspectorate's evidence records for an inspection are all complete, as it last said.</summary>
public sealed class InspectorateEvidenceCompleteness
{
    public Guid InspectionId { get; set; }
    public required string Inspectorate { get; set; }
    public bool Complete { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public DateTimeOffset At { get; set; }
}

internal sealed class InspectorateEvidenceCompletenessConfiguration : IEntityTypeConfiguration<InspectorateEvidenceCompleteness>
{
    public void Configure(EntityTypeBuilder<InspectorateEvidenceCompleteness> e)
    {
        e.ToTable("inspectorate_evidence_completeness");
        e.HasKey(c => new { c.InspectionId, c.Inspectorate });
        e.Property(c => c.Inspectorate).HasMaxLength(20);
    }
}

/// <summary>
/// ¶74: the evidence-complete milestone is met when the records of every inspectorate taking part are complete, at the
/// time the last of them was; an inspectorate reopening a record (¶75) unmeets it until complete again.
/// </summary>
public sealed class EvidenceCompletenessChangedConsumer(OrchestratorDbContext db, FrameworkCatalog frameworks, ILogger<EvidenceCompletenessChangedConsumer> logger)
    : InboxConsumer<EvidenceCompletenessChanged>(db, logger)
{
    public const string MetBy = "evidence-records-complete";

    protected override async Task Handle(EvidenceCompletenessChanged message, ConsumeContext<EvidenceCompletenessChanged> context)
    {
        var ct = context.CancellationToken;
        // The three inspectorates' changes are consumed concurrently: the inspection's row lets each see the others.
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM inspections WHERE id = {message.InspectionId} FOR UPDATE", ct);
        var row = await db.Set<InspectorateEvidenceCompleteness>().FindAsync([message.InspectionId, message.Inspectorate], ct);
        if (row is null) db.Add(row = new InspectorateEvidenceCompleteness { InspectionId = message.InspectionId, Inspectorate = message.Inspectorate });
        else if (row.At > message.At) return;
        row.Complete = message.Complete;
        row.CompletedAt = message.CompletedAt;
        row.At = message.At;
        await db.SaveChangesAsync(ct);

        var states = await db.Set<InspectorateEvidenceCompleteness>().Where(c => c.InspectionId == message.InspectionId).ToListAsync(ct);
        var inspection = await db.Inspections.AsNoTracking().SingleAsync(i => i.Id == message.InspectionId, ct);
        var allComplete = frameworks.TakingPart(inspection).All(i => states.Any(s => s.Inspectorate == i && s.Complete));
        var milestone = await db.Set<InspectionMilestone>()
            .SingleOrDefaultAsync(m => m.InspectionId == message.InspectionId && m.Key == MilestoneKeys.EvidenceComplete, ct);
        if (milestone is null) return;
        if (allComplete && milestone.MetAt is null)
        {
            milestone.MetAt = states.Max(s => s.CompletedAt);
            milestone.MetBy = MetBy;
        }
        else if (!allComplete && milestone.MetBy == MetBy)
        {
            milestone.MetAt = null;
            milestone.MetBy = null;
        }
    }
}
