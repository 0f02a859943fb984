using System.Globalization;
using System.Net;
using System.Text;
using CsvHelper;
using Jtai.Orchestrator.Letter;

namespace Jtai.Orchestrator.ThematicReport;

/// <summary>The thematic report as CSV (one row per criterion, agency and kind) and as a printable HTML document.</summary>
public static class ThematicReportRendering
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>
    /// Findings' words come from inspectors, so a field a spreadsheet would run as a formula is escaped;
    /// the byte order mark lets spreadsheets read the UTF-8.
    /// </summary>
    private static readonly CsvWriterOptions CsvOptions = CsvWriterOptions.Default with { Injection = CsvInjection.Escape, WriteByteOrderMark = true };

    public static byte[] Csv(ThematicReportView report)
    {
        var areas = report.Letters.ToDictionary(l => l.InspectionId, l => l.LocalAreaName);
        using var stream = new MemoryStream();
        using (var csv = CsvWriter.Create(stream, CsvOptions, leaveOpen: true))
        {
            csv.WriteRecord(["theme", "year", "criterion", "criterion_text", "agency", "kind", "findings", "inspections", "letters"]);
            foreach (var g in report.Groups)
                csv.WriteRecord([report.Theme, report.Year.ToString(CultureInfo.InvariantCulture), g.Criterion, g.CriterionText, g.Agency, g.Kind,
                    g.Count.ToString(CultureInfo.InvariantCulture), g.Inspections.Count.ToString(CultureInfo.InvariantCulture),
                    string.Join("; ", g.Inspections.Select(id => areas[id]))]);
        }
        return stream.ToArray();
    }

    private const string PrintCss = """
        body { font-family: Arial, Helvetica, sans-serif; max-width: 52em; margin: 2em auto; line-height: 1.4; color: #0b0c0c; }
        h1 { font-size: 1.6em; } h2 { font-size: 1.25em; margin-top: 1.5em; } h3 { font-size: 1.05em; }
        table { border-collapse: collapse; width: 100%; margin: .5em 0 1em; } th, td { text-align: left; border-bottom: 1px solid #b1b4b6; padding: .3em .5em .3em 0; vertical-align: top; }
        td.n, th.n { text-align: right; } .status { border: 2px solid #d4351c; padding: .5em; font-weight: bold; }
        @media print { body { margin: 0; max-width: none; font-size: 10pt; } h2, h3 { page-break-after: avoid; } tr { page-break-inside: avoid; } }
        """;

    public static string Html(ThematicReportView report)
    {
        static string E(string s) => WebUtility.HtmlEncode(s);
        var areas = report.Letters.ToDictionary(l => l.InspectionId, l => l.LocalAreaName);
        var title = $"Thematic report: {report.ThemeName}, {report.Year}";
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>").Append(E(title))
            .Append("</title><style>").Append(PrintCss).Append("</style></head><body><h1>").Append(E(title)).Append("</h1>");
        if (!report.Agreed) html.Append("<p class=\"status\">Not yet agreed by every inspectorate taking part.</p>");
        html.Append("<p>The agreed findings of ").Append(report.Letters.Count).Append(" inspection").Append(report.Letters.Count == 1 ? "" : "s")
            .Append(" with fieldwork in ").Append(report.Year).Append(", drawn together by evaluation criterion, agency and kind.</p>");

        html.Append("<h2>Agreement</h2><ul>");
        foreach (var inspectorate in report.Inspectorates)
        {
            var a = report.Agreements.FirstOrDefault(x => x.Inspectorate == inspectorate);
            html.Append("<li>").Append(E(AgencyNames.Inspectorate(inspectorate))).Append(": ")
                .Append(a is null ? "not agreed" : E($"agreed by {a.AgreedByName} on {a.AgreedAt.ToString("d MMMM yyyy", English)}{(a.Current ? "" : " (before later findings were added)")}"))
                .Append("</li>");
        }
        html.Append("</ul><h2>Findings by kind</h2><table><thead><tr><th>Kind</th><th class=\"n\">Findings</th><th class=\"n\">Inspections</th></tr></thead><tbody>");
        foreach (var t in report.Totals)
            html.Append("<tr><td>").Append(E(Kind(t.Kind))).Append("</td><td class=\"n\">").Append(t.Findings).Append("</td><td class=\"n\">").Append(t.Inspections).Append("</td></tr>");
        html.Append("</tbody></table><h2>By evaluation criterion</h2>");
        foreach (var criterion in report.Groups.GroupBy(g => g.Criterion))
        {
            html.Append("<h3>").Append(E(criterion.Key)).Append(criterion.First().CriterionText is { Length: > 0 } text ? ": " + E(text) : "").Append("</h3>");
            html.Append("<table><thead><tr><th>Agency</th><th>Kind</th><th class=\"n\">Findings</th><th>Letters</th></tr></thead><tbody>");
            foreach (var g in criterion)
                html.Append("<tr><td>").Append(E(AgencyNames.Of(g.Agency))).Append("</td><td>").Append(E(Kind(g.Kind))).Append("</td><td class=\"n\">")
                    .Append(g.Count).Append("</td><td>").Append(E(string.Join("; ", g.Inspections.Select(id => areas[id])))).Append("</td></tr>");
            html.Append("</tbody></table>");
        }
        html.Append("<h2>The letters</h2>");
        foreach (var letter in report.Letters)
        {
            html.Append("<h3>").Append(E($"{letter.LocalAreaName} ({letter.LocalAreaCode}), fieldwork from {letter.FieldworkStart.ToString("d MMMM yyyy", English)}"))
                .Append("</h3><p>").Append(E(LetterStatus(letter))).Append("</p><ul>");
            foreach (var f in report.Findings.Where(f => f.InspectionId == letter.InspectionId))
                html.Append("<li><strong>").Append(E(Kind(f.Kind))).Append("</strong> (").Append(E(string.Join(", ", f.Criteria))).Append("; ")
                    .Append(E(string.Join(", ", f.Agencies.Select(AgencyNames.Of)))).Append("): ").Append(E(f.Text)).Append("</li>");
            html.Append("</ul>");
        }
        return html.Append("</body></html>").ToString();
    }

    public static string Kind(string kind) => kind switch
    {
        "strength" => "Strength",
        "area-for-improvement" => "Area for improvement",
        "area-for-priority-action" => "Area for priority action",
        _ => kind,
    };

    private static string LetterStatus(ThematicLetter letter) => letter.LetterStage switch
    {
        null => "Findings agreed; no letter drafted yet.",
        LetterStages.Published => $"Letter published{(letter.LetterDate is { } d ? $", dated {d.ToString("d MMMM yyyy", English)}" : "")}.",
        LetterStages.Final => $"Final letter under embargo{(letter.LetterDate is { } d ? $", dated {d.ToString("d MMMM yyyy", English)}" : "")}.",
        LetterStages.Withdrawn => "Letter withdrawn.",
        _ => "Letter in draft.",
    };
}
