using System.Net;
using System.Text;

namespace Jtai.Orchestrator.Letter;

/// <summary>The letter as HTML (with print CSS for paper) and as plain text, from one version's content.</summary>
public static class LetterRendering
{
    private const string PrintCss = """
        body { font-family: Arial, Helvetica, sans-serif; max-width: 46em; margin: 2em auto; line-height: 1.5; color: #0b0c0c; }
        h1 { font-size: 1.6em; } h2 { font-size: 1.25em; margin-top: 1.5em; }
        .addressees, .signatories { margin: 1em 0; } .signatory { margin-bottom: 1em; }
        .status { border: 2px solid #d4351c; padding: .5em; font-weight: bold; }
        @media print { body { margin: 0; max-width: none; font-size: 11pt; } .status { border-width: 1px; } h2 { page-break-after: avoid; } }
        """;

    public static string Html(LetterContent content, string title, string? status)
    {
        static string E(string s) => WebUtility.HtmlEncode(s);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>").Append(E(title))
            .Append("</title><style>").Append(PrintCss).Append("</style></head><body>");
        if (status is not null) html.Append("<p class=\"status\">").Append(E(status)).Append("</p>");
        html.Append("<div class=\"addressees\">");
        foreach (var line in AddresseeLines(content.Addressees)) html.Append("<div>").Append(E(line)).Append("</div>");
        html.Append("</div><h1>").Append(E(title)).Append("</h1>");
        string? heading = null;
        foreach (var p in content.Paragraphs())
        {
            if (p.Heading != heading && p.Heading is not null) html.Append("<h2>").Append(E(p.Heading)).Append("</h2>");
            heading = p.Heading;
            html.Append("<p id=\"").Append(E(p.Key)).Append("\">").Append(E(p.Text)).Append("</p>");
        }
        html.Append("<p>Yours sincerely,</p><div class=\"signatories\">");
        foreach (var s in content.Signatories)
            html.Append("<div class=\"signatory\"><div>").Append(E(s.Name)).Append("</div><div>").Append(E(s.Title)).Append("</div><div>")
                .Append(E(AgencyNames.Inspectorate(s.Inspectorate))).Append("</div></div>");
        return html.Append("</div></body></html>").ToString();
    }

    /// <summary>The printable plain-text form: headings underlined, paragraphs wrapped at 78 columns.</summary>
    public static string Text(LetterContent content, string title, string? status)
    {
        var text = new StringBuilder();
        if (status is not null) text.AppendLine($"[{status}]").AppendLine();
        foreach (var line in AddresseeLines(content.Addressees)) text.AppendLine(line);
        text.AppendLine().AppendLine(title).AppendLine(new string('=', Math.Min(title.Length, 78))).AppendLine();
        string? heading = null;
        foreach (var p in content.Paragraphs())
        {
            if (p.Heading != heading && p.Heading is not null) text.AppendLine(p.Heading).AppendLine(new string('-', p.Heading.Length)).AppendLine();
            heading = p.Heading;
            foreach (var line in Wrap(p.Text, 78)) text.AppendLine(line);
            text.AppendLine();
        }
        text.AppendLine("Yours sincerely,").AppendLine();
        foreach (var s in content.Signatories) text.AppendLine(s.Name).AppendLine(s.Title).AppendLine(AgencyNames.Inspectorate(s.Inspectorate)).AppendLine();
        return text.ToString();
    }

    private static IEnumerable<string> AddresseeLines(Addressees a) =>
    [
        $"{a.Dcs}, Director of Children's Services",
        $"{a.Icb}, Integrated Care Board",
        $"{a.Police}, Police",
        $"{a.MasaChair}, Chair of the multi-agency safeguarding arrangements",
        $"{a.IndependentScrutineer}, Independent Scrutineer",
    ];

    private static IEnumerable<string> Wrap(string text, int width)
    {
        var line = new StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                yield return line.ToString();
                line.Clear();
            }
            if (line.Length > 0) line.Append(' ');
            line.Append(word);
        }
        if (line.Length > 0) yield return line.ToString();
    }
}

/// <summary>The letter's HTML or text as an HTTP answer.</summary>
public static class LetterResults
{
    public static IResult Render(LetterContent content, string title, string? status, bool html) => html
        ? TypedResults.Content(LetterRendering.Html(content, title, status), "text/html; charset=utf-8")
        : TypedResults.Content(LetterRendering.Text(content, title, status), "text/plain; charset=utf-8");
}
