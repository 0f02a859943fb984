using System.Globalization;
using System.Xml.Linq;

namespace Jtai.Web.Pages.Programme;

/// <summary>
/// The year planner drawn as server-rendered SVG: a row per inspectorate, a column per week, each cell
/// shaded by how much of the inspectorate's capacity is in fieldwork that week and numbered with its
/// inspections, clashes outlined in red and marked "!", bank-holiday weeks and the Christmas period
/// marked on the week scale. Colour is never the only sign: numbers, marks and the tables below say the same.
/// </summary>
public sealed class PlannerChart
{
    public const int LabelWidth = 120;
    public const int WeekWidth = 17;
    public const int ScaleHeight = 44;
    public const int RowHeight = 46;
    public const int CellGap = 2;

    public PlannerChart(YearPlannerView planner)
    {
        Planner = planner;
        Width = LabelWidth + planner.Weeks.Count * WeekWidth + 4;
        Height = ScaleHeight + planner.Inspectorates.Count * RowHeight + 4;
        // A week belongs to the month its Thursday falls in (as ISO weeks belong to years); an edge week whose
        // Thursday is in the year before or after goes unlabelled, so no two labels overlap.
        var thursdays = planner.Weeks.Select(w => w.WeekStart.AddDays(3)).ToList();
        Months = thursdays
            .Select((thursday, i) => (Thursday: thursday, Index: i))
            .Where(x => x.Thursday.Year == planner.Year && (x.Index == 0 || x.Thursday.Month != thursdays[x.Index - 1].Month))
            .Select(x => new MonthLabel(X(x.Index), x.Thursday.ToString("MMM", CultureInfo.GetCultureInfo("en-GB"))))
            .ToList();
        Cells = planner.Inspectorates.SelectMany((row, r) => row.Weeks.Select((cell, w) => Cell(row, cell, r, w))).ToList();
        Marks = planner.Weeks.Select((week, i) => new WeekMark(X(i), week.BankHolidays.Count > 0, week.ChristmasPeriod)).ToList();
    }

    public YearPlannerView Planner { get; }
    public int Width { get; }
    public int Height { get; }
    public IReadOnlyList<MonthLabel> Months { get; }
    public IReadOnlyList<ChartCell> Cells { get; }
    public IReadOnlyList<WeekMark> Marks { get; }

    public static int X(int week) => LabelWidth + week * WeekWidth;
    public static int Y(int row) => ScaleHeight + row * RowHeight;

    /// <summary>The GOV.UK colour for a share of capacity in fieldwork (none, up to a third, up to two thirds, more).</summary>
    public static string Fill(int onSite, int capacity) => onSite == 0 ? "#f3f2f1"
        : capacity == 0 || onSite * 3 > capacity * 2 ? "#003078"
        : onSite * 3 > capacity ? "#1d70b8"
        : "#b1d0ee";

    /// <summary>Text that reads on the cell's fill.</summary>
    public static string Ink(string fill) => fill is "#003078" or "#1d70b8" ? "#ffffff" : "#0b0c0c";

    private static ChartCell Cell(PlannerRow row, PlannerCell cell, int r, int w)
    {
        // A clash is drawn white with a red outline and "!", so the red reads against it.
        var fill = cell.Clashes.Count > 0 ? "#ffffff" : Fill(cell.InspectorsInFieldwork, row.Capacity);
        return new ChartCell(X(w) + CellGap / 2, Y(r) + 4, WeekWidth - CellGap, RowHeight - 8, fill, Ink(fill),
            cell.Inspections.Count, cell.Clashes.Count > 0);
    }

    public string Summary()
    {
        var rows = Planner.Inspectorates.Select(row =>
        {
            var busiest = row.Weeks.OrderByDescending(c => c.InspectorsInFieldwork).ThenBy(c => c.WeekStart).FirstOrDefault();
            var weeks = row.Weeks.Count(c => c.Inspections.Count > 0);
            return busiest is null || weeks == 0
                ? $"{Display.Inspectorate(row.Inspectorate)}: no fieldwork"
                : $"{Display.Inspectorate(row.Inspectorate)}: fieldwork in {weeks} week{(weeks == 1 ? "" : "s")}, busiest the week of {Display.Date(busiest.WeekStart)} with {busiest.InspectorsInFieldwork} of {row.Capacity} people on site";
        });
        var clashes = Planner.Clashes.Count == 0 ? "no clashes" : $"{Planner.Clashes.Count} clash{(Planner.Clashes.Count == 1 ? "" : "es")}";
        return $"{Planner.Inspections.Count} inspection{(Planner.Inspections.Count == 1 ? "" : "s")} in {Planner.Year}, {clashes}. {string.Join(". ", rows)}.";
    }

    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private const string Font = "GDS Transport, arial, sans-serif";

    /// <summary>The chart's markup, built as XML so every name and date in it is encoded.</summary>
    public string Markup()
    {
        var svg = new XElement(Svg + "svg",
            new XAttribute("class", "app-planner__chart"), new XAttribute("viewBox", $"0 0 {Width} {Height}"),
            new XAttribute("width", Width), new XAttribute("height", Height), new XAttribute("role", "img"),
            new XAttribute("aria-labelledby", "planner-title planner-summary"), new XAttribute("focusable", "false"),
            new XElement(Svg + "title", new XAttribute("id", "planner-title"), $"Year planner for {Planner.Year}: each inspectorate's fieldwork weeks"),
            new XElement(Svg + "desc", new XAttribute("id", "planner-summary"), Summary()),
            new XElement(Svg + "defs", ChristmasPattern()));
        foreach (var month in Months)
        {
            svg.Add(Text(month.X + 2, 14, month.Name, 12));
            svg.Add(new XElement(Svg + "line", new XAttribute("x1", month.X), new XAttribute("y1", 0), new XAttribute("x2", month.X),
                new XAttribute("y2", Height), new XAttribute("stroke", "#b1b4b6"), new XAttribute("stroke-width", 1)));
        }
        foreach (var mark in Marks)
        {
            if (mark.Christmas)
                svg.Add(Rect(mark.X, 20, WeekWidth, 10, "url(#app-planner-christmas)"));
            if (mark.BankHoliday)
                svg.Add(new XElement(Svg + "circle", new XAttribute("cx", mark.X + WeekWidth / 2), new XAttribute("cy", 37),
                    new XAttribute("r", 4), new XAttribute("fill", "#505a5f")));
        }
        for (var r = 0; r < Planner.Inspectorates.Count; r++)
        {
            var row = Planner.Inspectorates[r];
            svg.Add(Text(4, Y(r) + 20, Display.Inspectorate(row.Inspectorate), 14, bold: true));
            svg.Add(Text(4, Y(r) + 36, $"capacity {row.Capacity}", 11, fill: "#505a5f"));
        }
        foreach (var cell in Cells)
        {
            var rect = Rect(cell.X, cell.Y, cell.Width, cell.Height, cell.Fill);
            if (cell.Clash) { rect.Add(new XAttribute("stroke", "#d4351c")); rect.Add(new XAttribute("stroke-width", 3)); }
            svg.Add(rect);
            if (cell.Inspections > 0)
                svg.Add(Text(cell.X + cell.Width / 2, cell.Y + cell.Height / 2 + 4, cell.Clash ? "!" : cell.Inspections.ToString(CultureInfo.InvariantCulture),
                    11, bold: true, fill: cell.Clash ? "#d4351c" : cell.Ink, middle: true));
        }
        return svg.ToString(SaveOptions.DisableFormatting);
    }

    /// <summary>The hatching that marks the Christmas period (also used by the key).</summary>
    public static XElement ChristmasPattern() =>
        new(Svg + "pattern", new XAttribute("id", "app-planner-christmas"), new XAttribute("width", 6), new XAttribute("height", 6),
            new XAttribute("patternUnits", "userSpaceOnUse"), new XAttribute("patternTransform", "rotate(45)"),
            Rect(0, 0, 6, 6, "#ffffff"),
            new XElement(Svg + "line", new XAttribute("x1", 0), new XAttribute("y1", 0), new XAttribute("x2", 0), new XAttribute("y2", 6),
                new XAttribute("stroke", "#b1b4b6"), new XAttribute("stroke-width", 3)));

    private static XElement Rect(int x, int y, int width, int height, string fill) =>
        new(Svg + "rect", new XAttribute("x", x), new XAttribute("y", y), new XAttribute("width", width), new XAttribute("height", height),
            new XAttribute("fill", fill));

    private static XElement Text(int x, int y, string text, int size, bool bold = false, string fill = "#0b0c0c", bool middle = false)
    {
        var element = new XElement(Svg + "text", new XAttribute("x", x), new XAttribute("y", y), new XAttribute("font-size", size),
            new XAttribute("font-family", Font), new XAttribute("fill", fill), text);
        if (bold) element.Add(new XAttribute("font-weight", "bold"));
        if (middle) element.Add(new XAttribute("text-anchor", "middle"));
        return element;
    }

    public sealed record MonthLabel(int X, string Name);
    public sealed record ChartCell(int X, int Y, int Width, int Height, string Fill, string Ink, int Inspections, bool Clash);
    public sealed record WeekMark(int X, bool BankHoliday, bool Christmas);
}
