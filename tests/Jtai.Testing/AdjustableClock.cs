namespace Jtai.Testing;

/// <summary>
/// Real time plus an offset the test moves forward: time still flows (timeouts, polling), and a
/// test can jump to "after the deadline" without waiting. Shared by every process of a platform.
/// </summary>
public sealed class AdjustableClock : TimeProvider
{
    private long _offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public void Advance(TimeSpan by)
    {
        if (by < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(by), "Time only moves forward.");
        Interlocked.Add(ref _offsetTicks, by.Ticks);
    }

    /// <summary>Moves the clock so that now is at least <paramref name="instant"/>.</summary>
    public void AdvanceTo(DateTimeOffset instant)
    {
        var gap = instant - GetUtcNow();
        if (gap > TimeSpan.Zero) Advance(gap);
    }
}
