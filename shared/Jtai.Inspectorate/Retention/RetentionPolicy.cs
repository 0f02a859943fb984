namespace Jtai.Inspectorate.Retention;

/// <summary>
/// One inspectorate's retention policy (section "Retention" of its service's configuration): its
/// evidence is kept <see cref="PeriodMonths"/> months after the inspection reaches a trigger stage,
/// names are stripped automatically at <see cref="RemoveNamesAt"/>, and the purge runs daily.
/// </summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    public int PeriodMonths { get; set; } = 72;
    /// <summary>Lifecycle stages (comma-separated, kebab-case) from which the period runs; the first reached counts.</summary>
    public string Trigger { get; set; } = "published,cancelled";
    /// <summary>The stage at which names are removed from every record; empty for never automatically.</summary>
    public string? RemoveNamesAt { get; set; } = "published";
    /// <summary>How often the purger wakes to see whether today's purge has run.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromHours(1);

    public IReadOnlySet<string> TriggerStages =>
        Trigger.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
}

/// <summary>Retention maths, pure.</summary>
public static class RetentionPolicy
{
    /// <summary>
    /// When records whose retention started at <paramref name="triggeredAt"/> expire: the same
    /// time of day, <paramref name="months"/> calendar months later (31 January + 1 month = 28/29 February).
    /// </summary>
    public static DateTimeOffset ExpiresAt(DateTimeOffset triggeredAt, int months) => triggeredAt.AddMonths(months);

    /// <summary>Expired and not held: only then may an inspection's evidence be purged.</summary>
    public static bool MayPurge(DateTimeOffset? triggeredAt, int months, bool held, DateTimeOffset now) =>
        triggeredAt is { } at && !held && ExpiresAt(at, months) <= now;
}
