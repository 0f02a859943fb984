using Jtai.Contracts.Flow;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jtai.Orchestrator.Operations;

public sealed record FlowEntryView(
    string Service, string Direction, string MessageType, Guid MessageId, string? Consumer,
    string TraceId, DateTimeOffset At, string Outcome, int Attempts, string? LastError);

/// <param name="RetentionPeriod">How long the service keeps its message log: older messages are no longer shown.</param>
public sealed record ServiceFlowStatus(string Service, string Status, string? Detail, TimeSpan? RetentionPeriod = null);

public sealed record FlowView(Guid InspectionId, IReadOnlyList<ServiceFlowStatus> Services, IReadOnlyList<FlowEntryView> Messages);

/// <summary>
/// The operators' flow view of one inspection: every message each service published, consumed or
/// failed to consume, in time order with trace id and outcome, gathered over gRPC from each
/// service's own log (a service that does not answer is shown as unavailable, not as empty).
/// </summary>
public static class FlowViewEndpoint
{
    public static async Task<Ok<FlowView>> Handle(Guid inspectionId, ServiceMessageLogs logs, CancellationToken ct) =>
        TypedResults.Ok(Build(inspectionId, await logs.Flow(inspectionId, ct)));

    public static FlowView Build(Guid inspectionId, IEnumerable<ServiceMessageLogs.Answer<ListMessagesReply>> answers)
    {
        var results = answers.ToList();
        var entries = results.Where(r => r.Reply is not null).SelectMany(r => r.Reply!.Entries.Select(e => ToView(r.Service, e))).ToList();
        // The relay stamps a row published when the broker's confirm comes back, which can be after a
        // fast consumer has already committed: a message is shown published no later than it was first received.
        var firstReceived = entries.Where(e => e.Direction == "consumed").GroupBy(e => e.MessageId).ToDictionary(g => g.Key, g => g.Min(e => e.At));
        entries = entries.Select(e => e.Direction == "published" && firstReceived.TryGetValue(e.MessageId, out var received) && received < e.At
            ? e with { At = received } : e).ToList();
        return new FlowView(inspectionId,
            results.Select(r => r.Reply is { } reply
                ? new ServiceFlowStatus(r.Service, "answered", null, TimeSpan.FromSeconds(reply.RetentionSeconds))
                : new ServiceFlowStatus(r.Service, "unavailable", r.Error)).ToList(),
            entries.OrderBy(e => e.At).ThenBy(e => e.Direction == "published" ? 0 : 1).ThenBy(e => e.Attempts).ToList());
    }

    private static FlowEntryView ToView(string service, FlowEntry e) => new(
        service, e.Direction, e.MessageType, Guid.Parse(e.MessageId), string.IsNullOrEmpty(e.Consumer) ? null : e.Consumer,
        e.TraceId, e.At.ToDateTimeOffset(), e.Outcome, e.Attempts, string.IsNullOrEmpty(e.LastError) ? null : e.LastError);
}
