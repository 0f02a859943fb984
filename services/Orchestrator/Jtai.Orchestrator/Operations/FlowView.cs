using Jtai.Contracts.Flow;
using Jtai.ServiceDefaults.Paging;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jtai.Orchestrator.Operations;

public sealed record FlowEntryView(
    string Service, string Direction, string MessageType, Guid MessageId, string? Consumer,
    string TraceId, DateTimeOffset At, string Outcome, int Attempts, string? LastError);

/// <param name="RetentionPeriod">How long the service keeps its message log: older messages are no longer shown.</param>
public sealed record ServiceFlowStatus(string Service, string Status, string? Detail, TimeSpan? RetentionPeriod = null);

/// <param name="Next">The cursor of the next page of messages (<c>?after=</c>), null on the last.</param>
public sealed record FlowView(Guid InspectionId, IReadOnlyList<ServiceFlowStatus> Services, IReadOnlyList<FlowEntryView> Messages, string? Next);

/// <summary>
/// The operators' flow view of one inspection: every message each service published, consumed or
/// failed to consume, in time order with trace id and outcome, gathered over gRPC from each
/// service's own log (a service that does not answer is shown as unavailable, not as empty), a page
/// at a time (<c>?limit=&amp;after=</c>): an inspection's log grows for as long as the inspection runs.
/// </summary>
public static class FlowViewEndpoint
{
    public static async Task<Results<Ok<FlowView>, ValidationProblem>> Handle(
        Guid inspectionId, [AsParameters] PageQuery page, ServiceMessageLogs logs, CancellationToken ct) =>
        page.Problems<ServicesCursor>() is { } problems
            ? TypedResults.ValidationProblem(problems)
            : TypedResults.Ok(Build(inspectionId, page, await logs.Flow(inspectionId, page.Size + 1, page.AfterAs<ServicesCursor>(), ct)));

    public static FlowView Build(Guid inspectionId, PageQuery page, IEnumerable<ServiceMessageLogs.Answer<ListMessagesReply>> answers)
    {
        var results = answers.ToList();
        var paged = GatheredLists.Merge(page, results.Where(r => r.Reply is not null).SelectMany(r => r.Reply!.Entries.Select(e => (r.Service, Entry: e))),
            r => r.Entry.At.ToDateTimeOffset(), r => r.Entry.Key, r => r.Service);
        var entries = paged.Items.Select(r => ToView(r.Service, r.Entry)).ToList();
        // The relay stamps a row published when the broker's confirm comes back, which can be after a
        // fast consumer has already committed: a message is shown published no later than it was first
        // received on the same page (the cursor keeps the stamps as logged, so no entry is shown twice or skipped).
        var firstReceived = entries.Where(e => e.Direction == "consumed").GroupBy(e => e.MessageId).ToDictionary(g => g.Key, g => g.Min(e => e.At));
        entries = entries.Select(e => e.Direction == "published" && firstReceived.TryGetValue(e.MessageId, out var received) && received < e.At
            ? e with { At = received } : e).ToList();
        return new FlowView(inspectionId,
            results.Select(r => r.Reply is { } reply
                ? new ServiceFlowStatus(r.Service, "answered", null, TimeSpan.FromSeconds(reply.RetentionSeconds))
                : new ServiceFlowStatus(r.Service, "unavailable", r.Error)).ToList(),
            entries.OrderBy(e => e.At).ThenBy(e => e.Direction == "published" ? 0 : 1).ThenBy(e => e.Attempts).ToList(),
            paged.Next);
    }

    private static FlowEntryView ToView(string service, FlowEntry e) => new(
        service, e.Direction, e.MessageType, Guid.Parse(e.MessageId), string.IsNullOrEmpty(e.Consumer) ? null : e.Consumer,
        e.TraceId, e.At.ToDateTimeOffset(), e.Outcome, e.Attempts, string.IsNullOrEmpty(e.LastError) ? null : e.LastError);
}
