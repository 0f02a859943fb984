namespace Jtai.Messaging.Inbox;

/// <summary>
/// A message a consumer has handled, recorded in the same transaction as the consumer's effects:
/// the same message delivered again finds its row and is acknowledged without effect.
/// </summary>
public sealed class InboxMessage
{
    public Guid MessageId { get; set; }
    public required string Consumer { get; set; }
    public required string MessageType { get; set; }
    public Guid? InspectionId { get; set; }
    public string? TraceId { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
}
