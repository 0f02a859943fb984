namespace Jtai.Calendar.Timeline;

/// <summary>A milestone of one inspection: its key, the London date, the instant it falls due and what it is.</summary>
public sealed record Milestone(string Key, DateOnly Date, DateTimeOffset DueAt, string Description);

/// <summary>Every milestone of an inspection whose fieldwork starts on <see cref="FieldworkStart"/>, in date order.</summary>
public sealed record InspectionTimeline(
    string Framework,
    int FrameworkVersion,
    DateOnly FieldworkStart,
    IReadOnlyList<Milestone> Milestones)
{
    public Milestone this[string key] =>
        Milestones.SingleOrDefault(m => m.Key == key) ?? throw new KeyNotFoundException($"The timeline has no milestone '{key}'.");

    public bool Has(string key) => Milestones.Any(m => m.Key == key);
}
