namespace Jtai.Messaging.Inbox;

/// <summary>
/// Thrown by a handler when its message came before what it depends on (a transition before the
/// inspection's copy: they travel on different queues). Not a fault: the inbox parks the message
/// and hands it back when the inspection's next message has been handled, or after a backoff.
/// </summary>
public sealed class MessageArrivedEarlyException(string waitingFor) : Exception($"Waiting for {waitingFor}.")
{
    public string WaitingFor { get; } = waitingFor;
}
