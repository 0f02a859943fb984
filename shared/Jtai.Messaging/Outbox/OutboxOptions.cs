namespace Jtai.Messaging.Outbox;

public sealed class OutboxOptions
{
    /// <summary>How often the relay looks for rows when nothing woke it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
    /// <summary>Rows one worker claims at a time; the batch is published concurrently.</summary>
    public int BatchSize { get; set; } = 50;
    /// <summary>Workers claiming batches side by side (SKIP LOCKED and the claim's lease keep them apart).</summary>
    public int Workers { get; set; } = 2;
    /// <summary>
    /// Publishes awaiting their broker confirm at once, across the workers of this process. RabbitMQ's
    /// client collapses past about 128 unconfirmed publishes on a channel, so keep it at or under that.
    /// </summary>
    public int MaxInFlight { get; set; } = 100;
    /// <summary>A publish that waits longer (broker down: MassTransit's Publish blocks) counts as failed.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromMilliseconds(500);
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(30);
    /// <summary>After this many failed attempts each further failure is logged as an error (the row is never dropped).</summary>
    public int AlertAfterAttempts { get; set; } = 10;

    /// <summary>
    /// How long a claimed row stays invisible to other workers: past every publish timeout, so only a
    /// worker that died with the row claimed lets another publish it again (the inbox drops the duplicate).
    /// </summary>
    public TimeSpan ClaimLease => PublishTimeout * 2 + TimeSpan.FromSeconds(5);
}
