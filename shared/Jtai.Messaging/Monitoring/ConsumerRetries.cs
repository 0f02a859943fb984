namespace Jtai.Messaging.Monitoring;

/// <summary>The redelivery intervals in force: after this many retries a message goes to its _error queue.</summary>
public sealed record ConsumerRetries(IReadOnlyList<TimeSpan> Intervals);
