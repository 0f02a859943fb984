namespace Jtai.Messaging.Idempotency;

/// <summary>
/// The first answer to a write sent with an Idempotency-Key, kept by (caller, key) in the service's
/// own database and committed in the same transaction as the write's effect: either both are there
/// or neither, so a repeat finds the answer exactly when the effect happened.
/// </summary>
public sealed class IdempotentRequest
{
    public required string Caller { get; set; }
    public required string Key { get; set; }
    /// <summary>SHA-256 of method, path, query and body: the same key for another request is refused.</summary>
    public required string Fingerprint { get; set; }
    public int Status { get; set; }
    public string? ContentType { get; set; }
    public string? Location { get; set; }
    public byte[]? Body { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

public sealed class IdempotencyOptions
{
    /// <summary>How long a key's first answer is kept and returned to repeats.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromHours(24);
    /// <summary>How often answers past the window are deleted.</summary>
    public TimeSpan PurgeInterval { get; set; } = TimeSpan.FromHours(1);
}
