using Jtai.Orchestrator.Data;
using Microsoft.EntityFrameworkCore;

namespace Jtai.Orchestrator.Operations;

/// <summary>What became of a replayed message, read from its service's message log.</summary>
/// <param name="Status">consumed | failed-again | awaiting | unknown (no inspection to look it up by, or the service did not answer)</param>
public sealed record AfterReplayView(string Status, DateTimeOffset? At, string? Detail);

public sealed record ReplayRecordView(
    Guid Id, DateTimeOffset ReplayedAt, string ReplayedBy, string ReplayedByName, string ErrorQueue, string SourceQueue,
    Guid? MessageId, string? MessageType, Guid? InspectionId, string? TraceId, string? FaultReason,
    DateTimeOffset? FirstFailedAt, DateTimeOffset? LastFailedAt, string Outcome, AfterReplayView? AfterReplay)
{
    public static ReplayRecordView From(DeadLetterReplay r, AfterReplayView? after) => new(
        r.Id, r.ReplayedAt, r.ReplayedBy, r.ReplayedByName, r.ErrorQueue, r.SourceQueue, r.MessageId, r.MessageType,
        r.InspectionId, r.TraceId, r.FaultReason, r.FirstFailedAt, r.LastFailedAt, r.Outcome, after);
}

/// <summary>
/// Every replay on record, newest first, each with what its message's service did with it since:
/// consumed (the inbox took it), failed again, or still awaiting.
/// </summary>
public sealed class ReplayHistory(OrchestratorDbContext db, ServiceMessageLogs logs)
{
    public async Task<IReadOnlyList<ReplayRecordView>> Recent(int take, Guid? inspectionId, CancellationToken ct)
    {
        var query = db.Set<DeadLetterReplay>().AsNoTracking();
        if (inspectionId is not null) query = query.Where(r => r.InspectionId == inspectionId);
        var records = await query.OrderByDescending(r => r.ReplayedAt).Take(take).ToListAsync(ct);

        // One call per (service, inspection) the records touch.
        var lookups = records.Where(r => r.Outcome == "replayed" && r.InspectionId is not null)
            .Select(r => (Service: DeadLetterMessage.ServiceOf(r.SourceQueue), Inspection: r.InspectionId!.Value)).Distinct().ToList();
        var answers = new Dictionary<(string, Guid), ServiceMessageLogs.Answer<Jtai.Contracts.Flow.ListMessagesReply>>();
        foreach (var (service, inspection) in lookups)
            answers[(service, inspection)] = (await logs.Flow(service, inspection, ct)).Single();

        // What a replay led to is what happened before the same message's next replay.
        var next = records.Where(r => r.MessageId is not null).GroupBy(r => (r.MessageId, r.ErrorQueue))
            .SelectMany(g => g.OrderBy(r => r.ReplayedAt).Zip(g.OrderBy(r => r.ReplayedAt).Skip(1).Select(r => (DateTimeOffset?)r.ReplayedAt).Append(null)))
            .ToDictionary(p => p.First.Id, p => p.Second);
        return records.Select(r => ReplayRecordView.From(r, After(r, next.GetValueOrDefault(r.Id), answers))).ToList();
    }

    private static AfterReplayView? After(DeadLetterReplay record, DateTimeOffset? nextReplay,
        Dictionary<(string, Guid), ServiceMessageLogs.Answer<Jtai.Contracts.Flow.ListMessagesReply>> answers)
    {
        if (record.Outcome != "replayed") return null;
        if (record.InspectionId is not { } inspection || record.MessageId is not { } messageId
            || !answers.TryGetValue((DeadLetterMessage.ServiceOf(record.SourceQueue), inspection), out var answer))
            return new AfterReplayView("unknown", null, "The message names no inspection to look it up by.");
        if (answer.Reply is null) return new AfterReplayView("unknown", null, answer.Error);

        var entries = answer.Reply.Entries
            .Where(e => e.Direction == "consumed" && e.MessageId == messageId.ToString()
                && e.At.ToDateTimeOffset() >= record.ReplayedAt && (nextReplay is null || e.At.ToDateTimeOffset() < nextReplay))
            .ToList();
        if (entries.FirstOrDefault(e => e.Outcome == "consumed") is { } consumed)
            return new AfterReplayView("consumed", consumed.At.ToDateTimeOffset(), consumed.Consumer);
        if (entries.Where(e => e.Outcome == "failed").MaxBy(e => e.At) is { } failed)
            return new AfterReplayView("failed-again", failed.At.ToDateTimeOffset(), failed.LastError);
        return nextReplay is null
            ? new AfterReplayView("awaiting", null, null)
            : new AfterReplayView("unknown", null, "Replayed again before this replay's outcome was recorded.");
    }
}
