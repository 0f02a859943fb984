using System.Diagnostics.Metrics;

namespace Jtai.Inspectorate.Retention;

/// <summary>The evidence retention purge, counted (meter "Jtai.Retention"): runs, inspections purged and held, rows deleted.</summary>
public sealed class RetentionMetrics
{
    private readonly Counter<long> _runs;
    private readonly Counter<long> _inspections;
    private readonly Counter<long> _rows;

    public RetentionMetrics(IMeterFactory meters)
    {
        var meter = meters.Create("Jtai.Retention");
        _runs = meter.CreateCounter<long>("jtai.retention.purge.runs", "{run}", "Daily evidence retention purges that ran.");
        _inspections = meter.CreateCounter<long>("jtai.retention.purge.inspections", "{inspection}",
            "Inspections whose period ended, by outcome: purged, or held (legal hold).");
        _rows = meter.CreateCounter<long>("jtai.retention.purged", "{row}", "Rows deleted by the evidence retention purge, per table.");
    }

    public void Ran(PurgeLogEntry entry)
    {
        _runs.Add(1);
        _inspections.Add(entry.InspectionsPurged, new KeyValuePair<string, object?>("jtai.retention.outcome", "purged"));
        _inspections.Add(entry.InspectionsHeld, new KeyValuePair<string, object?>("jtai.retention.outcome", "held"));
        foreach (var (table, rows) in entry.Deleted)
            _rows.Add(rows, new KeyValuePair<string, object?>("db.table", table));
    }
}
