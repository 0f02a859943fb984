using Jtai.Orchestrator.Data;
using Jtai.ServiceDefaults.Paging;
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
/// Every replay on record, newest first, a page at a time (keyset on the moment and the record), each with
/// what its message's service did with it since: consumed (the inbox took it), failed again, or still awaiting.
/// </summary>
public sealed class ReplayHistory(OrchestratorDbContext db, ServiceMessageLogs logs)
{
    /// <summary>One page (call after the query's problems are checked).</summary>
    public async Task<Page<ReplayRecordView>> Recent(PageQuery page, Guid? inspectionId, CancellationToken ct)
    {
        var query = db.Set<DeadLetterReplay>().AsNoTracking();
        if (inspectionId is not null) query = query.Where(r => r.InspectionId == inspectionId);
        if (page.AfterAs<InstantCursor>() is { } after)
            query = query.Where(r => EF.Functions.LessThan(ValueTuple.Create(r.ReplayedAt, r.Id), ValueTuple.Create(after.At, after.Id)));
        var paged = page.PageOf(await query.OrderByDescending(r => r.ReplayedAt).ThenByDescending(r => r.Id).Take(page.Size + 1).ToListAsync(ct),
            r => new InstantCursor(r.ReplayedAt, r.Id));
        var records = paged.Items;

        // One call per (service, inspection) the records touch.
        var lookups = records.Where(r => r.Outcome == "replayed" && r.InspectionId is not null)
            .Select(r => (Service: DeadLetterMessage.ServiceOf(r.SourceQueue), Inspection: r.InspectionId!.Value)).Distinct().ToList();
        var answers = new Dictionary<(string, Guid), ServiceMessageLogs.Answer<Jtai.Contracts.Flow.ListMessagesReply>>();
        foreach (var (service, inspection) in lookups)
            answers[(service, inspection)] = (await logs.Flow(service, inspection, ct)).Single();

        var next = await NextReplays(records, ct);
        return new Page<ReplayRecordView>(records.Select(r => ReplayRecordView.From(r, After(r, next.GetValueOrDefault(r.Id), answers))).ToList(), paged.Next);
    }

    /// <summary>
    /// What a replay led to is what happened before the same message's next replay, which may be on a newer
    /// page: the later replays of the page's messages are read (a message is replayed a handful of times).
    /// </summary>
    private async Task<Dictionary<Guid, DateTimeOffset?>> NextReplays(IReadOnlyList<DeadLetterReplay> records, CancellationToken ct)
    {
        var replayed = records.Where(r => r.MessageId is not null).ToList();
        if (replayed.Count == 0) return new();
        var messages = replayed.Select(r => r.MessageId).Distinct().ToList();
        var oldest = replayed.Min(r => r.ReplayedAt);
        var later = await db.Set<DeadLetterReplay>().AsNoTracking()
            .Where(r => messages.Contains(r.MessageId) && r.ReplayedAt > oldest)
            .Select(r => new { r.MessageId, r.ErrorQueue, r.ReplayedAt }).ToListAsync(ct);
        return replayed.ToDictionary(r => r.Id, r => later
            .Where(l => l.MessageId == r.MessageId && l.ErrorQueue == r.ErrorQueue && l.ReplayedAt > r.ReplayedAt)
            .Select(l => (DateTimeOffset?)l.ReplayedAt).Min());
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
