namespace Jtai.Benchmarks.Load;

/// <summary>
/// One request's answer: its status (0 when no answer came), latency, what a shed answer carried, and when it was
/// due (seconds from the start of the load).
/// </summary>
public sealed record Outcome(int Status, double Milliseconds, bool TimedOut, bool HasRetryAfter, bool IsProblem, string? Body, double DueSeconds);

/// <summary>Latency percentiles of a set of outcomes, in milliseconds (nearest rank on the sorted values).</summary>
public static class Percentiles
{
    public static double Of(IReadOnlyList<double> values, double percentile)
    {
        if (values.Count == 0) return double.NaN;
        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(percentile / 100.0 * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Where(v => !double.IsNaN(v)).Order().ToArray();
        if (sorted.Length == 0) return double.NaN;
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
