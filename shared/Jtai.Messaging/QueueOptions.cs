namespace Jtai.Messaging;

/// <summary>How the service's queues are declared (Messaging:Queues).</summary>
public sealed class QueueOptions
{
    /// <summary>
    /// Quorum queues (replicated by Raft across the cluster's nodes: losing a node loses no acknowledged
    /// message) for every consumer queue and its _error queue. Off by default: a queue's type is fixed
    /// when it is declared, so turning this on for a broker that already holds classic queues of the same
    /// names needs those queues drained and deleted first (or a fresh virtual host).
    /// </summary>
    public bool Quorum { get; set; }
    /// <summary>Copies of each quorum queue; unset, the broker's default (up to 3 nodes).</summary>
    public int? ReplicationFactor { get; set; }
    /// <summary>
    /// Deliveries of one message before the broker stops handing it out (a message that kills its
    /// consumer process each time): it is then dead-lettered into the queue's _error queue, never dropped.
    /// </summary>
    public int DeliveryLimit { get; set; } = 20;
}
