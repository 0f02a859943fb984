using System.Globalization;
using Jtai.Benchmarks.Load;

namespace Jtai.Benchmarks;

/// <summary>
/// One table for the whole run: each figure is the median of its runs, printed beside the baseline
/// measured in the same run and their ratio, with the goal it is judged against.
/// </summary>
public sealed class Report
{
    private sealed record Row(string Area, string Measure, string Unit, double Value, string? Baseline, double? BaselineValue, double? Ratio, string Goal, bool? Met, string Runs);

    private readonly List<Row> _rows = [];
    private readonly List<string> _notes = [];

    public void Add(string area, string measure, string unit, IReadOnlyList<double> runs, string goal = "", bool? met = null,
        string? baseline = null, IReadOnlyList<double>? baselineRuns = null, bool ratioIsDifference = false)
    {
        var value = Percentiles.Median(runs);
        double? baselineValue = baselineRuns is null ? null : Percentiles.Median(baselineRuns);
        double? ratio = baselineValue is null ? null : ratioIsDifference ? value - baselineValue : value / baselineValue;
        _rows.Add(new Row(area, measure, unit, value, baseline, baselineValue, ratio, goal, met,
            string.Join(" / ", runs.Select(Format))));
        Console.WriteLine($"  {area}: {measure} = {Format(value)} {unit} (runs {string.Join(", ", runs.Select(Format))})"
            + (baselineValue is null ? "" : $"; {baseline} {Format(baselineValue.Value)}, {(ratioIsDifference ? "difference" : "ratio")} {Format(ratio!.Value)}"));
    }

    public void Note(string note)
    {
        _notes.Add(note);
        Console.WriteLine("  note: " + note);
    }

    public void Print(TextWriter output, string loadBefore, string loadAfter)
    {
        output.WriteLine();
        output.WriteLine($"| area | measure | median | runs | baseline (same run) | ratio / diff | goal | met |");
        output.WriteLine($"|---|---|---|---|---|---|---|---|");
        foreach (var r in _rows)
        {
            var baseline = r.Baseline is null ? "" : $"{r.Baseline} {Format(r.BaselineValue!.Value)} {r.Unit}";
            var ratio = r.Ratio is null ? "" : Format(r.Ratio.Value);
            var met = r.Met switch { true => "yes", false => "NO", null => "" };
            output.WriteLine($"| {r.Area} | {r.Measure} | {Format(r.Value)} {r.Unit} | {r.Runs} | {baseline} | {ratio} | {r.Goal} | {met} |");
        }
        output.WriteLine();
        output.WriteLine($"load average (1, 5, 15 min): {loadBefore} before, {loadAfter} after; {Environment.ProcessorCount} cores.");
        foreach (var note in _notes) output.WriteLine("- " + note);
    }

    public static string Format(double value) => double.IsNaN(value) ? "n/a"
        : Math.Abs(value) >= 1000 ? value.ToString("N0", CultureInfo.InvariantCulture)
        : Math.Abs(value) >= 10 ? value.ToString("F1", CultureInfo.InvariantCulture)
        : value.ToString("F2", CultureInfo.InvariantCulture);
}
