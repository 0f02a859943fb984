namespace Jtai.Messaging.Outbox;

/// <summary>
/// A message waiting to be published, written in the same transaction as the change that caused
/// it. Rows are kept after publishing (PublishedAt set) as the service's message log.
/// </summary>
public sealed class OutboxMessage
{
    public long Sequence { get; set; }
    public Guid MessageId { get; set; }
    /// <summary>The contract's full type name in Jtai.Contracts.</summary>
    public required string MessageType { get; set; }
    public required string Body { get; set; }
    public Guid? InspectionId { get; set; }
    /// <summary>W3C traceparent of the request that wrote the row, so the publish joins its trace.</summary>
    public string? TraceParent { get; set; }
    public string? TraceState { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public int Attempts { get; set; }
    /// <summary>
    /// Until then no worker claims the row: the end of the lease of whoever is publishing it (the process that
    /// wrote it, from the insert; a worker, from its claim) or the next try after a failure. Null: claim at once.
    /// Real time, not the business clock.
    /// </summary>
    public DateTimeOffset? NextAttemptAt { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
}
