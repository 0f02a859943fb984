using System.Globalization;

namespace Jtai.Orchestrator.Programme;

/// <summary>
/// When fieldwork may not be planned, configuration section "Programme:Planning". Bank holidays come from
/// England's working-day calendar; the Christmas period (schools closed, services on holiday rotas) is
/// kept clear from notification to the end of fieldwork, so the area's week 1 and 2 returns are not due over it.
/// </summary>
public sealed class PlanningOptions
{
    public const string Section = "Programme:Planning";

    /// <summary>First day of the Christmas period, "MM-dd" (December).</summary>
    public string ChristmasFrom { get; set; } = "12-15";
    /// <summary>Last day of the Christmas period, "MM-dd" (January).</summary>
    public string ChristmasTo { get; set; } = "01-05";

    public bool InChristmasPeriod(DateOnly day)
    {
        var from = Parse(ChristmasFrom);
        var to = Parse(ChristmasTo);
        var key = (day.Month, day.Day);
        return Compare(key, from) >= 0 || Compare(key, to) <= 0;
    }

    public bool Valid => TryParse(ChristmasFrom, out var from) && from.Month == 12 && TryParse(ChristmasTo, out var to) && to.Month == 1;

    private static int Compare((int Month, int Day) a, (int Month, int Day) b) => a.Month != b.Month ? a.Month.CompareTo(b.Month) : a.Day.CompareTo(b.Day);

    private static (int Month, int Day) Parse(string value) =>
        TryParse(value, out var md) ? md : throw new InvalidOperationException($"'{value}' is not a month and day (MM-dd).");

    private static bool TryParse(string value, out (int Month, int Day) monthDay)
    {
        monthDay = default;
        if (!DateTime.TryParseExact($"2000-{value}", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return false;
        monthDay = (date.Month, date.Day);
        return true;
    }
}
