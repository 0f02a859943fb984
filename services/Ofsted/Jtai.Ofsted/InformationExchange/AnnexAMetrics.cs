using System.Diagnostics.Metrics;

namespace Jtai.Ofsted.InformationExchange;

/// <summary>Annex A rows taken in through the secure information exchange (meter "Jtai.InformationExchange").</summary>
public sealed class AnnexAMetrics
{
    private readonly Counter<long> _ingested;
    private readonly Counter<long> _refused;

    public AnnexAMetrics(IMeterFactory meters)
    {
        var meter = meters.Create("Jtai.InformationExchange");
        _ingested = meter.CreateCounter<long>("jtai.annex_a.rows_ingested", "{row}", "Annex A rows validated and stored, per list.");
        _refused = meter.CreateCounter<long>("jtai.annex_a.rows_refused", "{row}", "Annex A rows refused by validation in stored uploads, per list.");
    }

    public void Stored(int list, int rowsStored, int rowsRefused)
    {
        var tag = new KeyValuePair<string, object?>("jtai.annex_a.list", list);
        _ingested.Add(rowsStored, tag);
        if (rowsRefused > 0) _refused.Add(rowsRefused, tag);
    }
}
