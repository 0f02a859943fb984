namespace Jtai.Messaging.Parking;

public sealed class ParkingOptions
{
    /// <summary>First wait before a parked message is handed back if nothing releases it sooner; doubles each time.</summary>
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromSeconds(10);
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(5);
    /// <summary>How long a message may wait for what it depends on before it is a fault (its _error queue).</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromDays(1);
    /// <summary>Real time between looks for parked messages that are due.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);
    public int BatchSize { get; set; } = 50;

}
