using Jtai.Calendar.Frameworks;
using Jtai.Contracts.Events;
using Jtai.Messaging.Outbox;
using Jtai.Orchestrator.Data;
using Jtai.Orchestrator.Inspections;
using Jtai.Orchestrator.Timeline;
using Jtai.ServiceDefaults.Problems;
using Microsoft.EntityFrameworkCore;

namespace Jtai.Orchestrator.Lifecycle;

/// <summary>
/// Moves an inspection from one stage to the next: checks the move against <see cref="Stages"/>,
/// records the history row, meets milestones and publishes InspectionTransitioned, all in one
/// SaveChanges. Two concurrent moves cannot both win: the row's xmin is the concurrency token, and
/// the loser re-reads and re-checks, so it either succeeds on the new state or gets a 409.
/// </summary>
public sealed class Transitions(OrchestratorDbContext db, IOutbox outbox, InspectionTimelines timelines, FrameworkCatalog frameworks,
    TimeProvider clock, ILogger<Transitions> logger)
{
    private const int Attempts = 4;

    /// <summary>
    /// Moves the inspection to <paramref name="to"/>; <paramref name="effects"/> runs inside the
    /// attempt (after the guard) for changes that go with the move (a deferral's new dates).
    /// Returns null when there is no such inspection.
    /// </summary>
    public async Task<Inspection?> Move(Guid inspectionId, string to, string by, string? reason,
        Func<Inspection, Task>? effects, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            // Each attempt starts clean: staged outbox and deadline rows of a lost attempt are dropped.
            db.ChangeTracker.Clear();
            var inspection = await db.Inspections.SingleOrDefaultAsync(i => i.Id == inspectionId, ct);
            if (inspection is null) return null;

            var from = inspection.Status;
            if (!Stages.CanMove(from, to))
            {
                var allowed = Stages.AllowedAfter(from);
                throw new DomainRuleException("lifecycle-transition",
                    $"An inspection that is '{from}' cannot become '{to}'. " +
                    (allowed.Count == 0 ? "It has ended." : $"It can become: {string.Join(", ", allowed)}."));
            }

            var at = clock.GetUtcNow();
            inspection.Status = to;
            if (effects is not null) await effects(inspection);
            db.Add(new InspectionTransition
            {
                InspectionId = inspection.Id, From = from, To = to, At = at, By = by, Reason = reason,
                FieldworkStart = inspection.FieldworkStart,
            });
            await timelines.Arrived(inspection, to, by, at, ct);
            outbox.Publish(new InspectionTransitioned(inspection.Id, from, to, inspection.FieldworkStart, at, by, frameworks.TakingPart(inspection)));
            try
            {
                await db.SaveChangesAsync(ct);
                return inspection;
            }
            catch (DbUpdateConcurrencyException) when (attempt < Attempts)
            {
                logger.LogInformation("Inspection {InspectionId} changed under a move to {To}; retrying (attempt {Attempt})", inspectionId, to, attempt);
            }
        }
    }
}
