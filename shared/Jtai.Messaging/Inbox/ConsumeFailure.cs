namespace Jtai.Messaging.Inbox;

/// <summary>
/// One failed attempt to consume a message, written after the attempt rolled back, so the
/// operators' flow view shows retries and the move to the _error queue, not only successes.
/// Best effort: when the failure is the database itself, nothing can be written here (the
/// message is still retried and then kept in the _error queue).
/// </summary>
public sealed class ConsumeFailure
{
    public long Id { get; set; }
    public Guid MessageId { get; set; }
    public required string Consumer { get; set; }
    public required string MessageType { get; set; }
    public Guid? InspectionId { get; set; }
    public string? TraceId { get; set; }
    /// <summary>1 for the first delivery, 2 for the first retry, and so on.</summary>
    public int Attempt { get; set; }
    /// <summary>False on the last attempt: the message goes to the endpoint's _error queue.</summary>
    public bool WillRetry { get; set; }
    public required string Error { get; set; }
    public DateTimeOffset FailedAt { get; set; }
}
