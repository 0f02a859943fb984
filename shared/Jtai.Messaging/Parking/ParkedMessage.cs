namespace Jtai.Messaging.Parking;

/// <summary>
/// A message that arrived before what it depends on, kept in the consumer's database until it can
/// be handled. The row lives until its consumer handles the message (the delete commits with the
/// effect), so a parked message is never lost between a hand-back and its handling.
/// </summary>
public sealed class ParkedMessage
{
    public long Id { get; set; }
    public Guid MessageId { get; set; }
    public required string Consumer { get; set; }
    /// <summary>The consumer's own queue: the message is handed back there, not re-published to all.</summary>
    public required string Queue { get; set; }
    public required string MessageType { get; set; }
    public required string Body { get; set; }
    public Guid? InspectionId { get; set; }
    public required string WaitingFor { get; set; }
    public DateTimeOffset ParkedAt { get; set; }
    public DateTimeOffset DueAt { get; set; }
    public int HandedBack { get; set; }
    public string? TraceParent { get; set; }
}
