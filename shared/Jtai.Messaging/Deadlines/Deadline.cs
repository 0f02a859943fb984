namespace Jtai.Messaging.Deadlines;

/// <summary>
/// A statutory deadline as a row: when it falls due the poller publishes its message through the
/// outbox. Rows, not timers: a restart or a second replica loses nothing and fires nothing twice.
/// </summary>
public sealed class Deadline
{
    public long Id { get; set; }
    /// <summary>Unique per owner, e.g. "inspection/{id}/draft-letter": rescheduling replaces the due time.</summary>
    public required string Key { get; set; }
    public DateTimeOffset DueAt { get; set; }
    public required string MessageType { get; set; }
    public required string Body { get; set; }
    public Guid? InspectionId { get; set; }
    public DateTimeOffset? FiredAt { get; set; }
    public DateTimeOffset? CancelledAt { get; set; }
}
