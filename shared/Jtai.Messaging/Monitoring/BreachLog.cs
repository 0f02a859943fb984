using Microsoft.Extensions.Logging;

namespace Jtai.Messaging.Monitoring;

/// <summary>
/// Logs a threshold as a warning when it is first breached, again every <c>repeatEvery</c> while it
/// stays breached (so a long outage is not one line lost in hours of logs), and once when it clears.
/// </summary>
public sealed class BreachLog(ILogger logger, TimeSpan repeatEvery)
{
    private readonly Dictionary<(string Rule, string Subject), DateTimeOffset> _lastWarned = new();
    private readonly Lock _gate = new();

    public void Observe(string rule, string subject, bool breached, string detail, DateTimeOffset now)
    {
        lock (_gate)
        {
            var key = (rule, subject);
            if (!breached)
            {
                if (_lastWarned.Remove(key))
                    logger.LogInformation("Threshold cleared: {Rule} for {Subject}: {Detail}", rule, subject, detail);
                return;
            }
            if (_lastWarned.TryGetValue(key, out var last) && now - last < repeatEvery) return;
            _lastWarned[key] = now;
            logger.LogWarning("Threshold breached: {Rule} for {Subject}: {Detail}", rule, subject, detail);
        }
    }
}
