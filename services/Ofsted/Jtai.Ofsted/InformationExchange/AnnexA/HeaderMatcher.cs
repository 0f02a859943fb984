using System.Text;

namespace Jtai.Ofsted.InformationExchange.AnnexA;

/// <summary>
/// Matches the headers a local authority sent to a list's columns, tolerating case, spacing,
/// punctuation and bracketed asides ("Age of Child (Years)" is "Age"), and says precisely which
/// header it did not recognise and which column it missed.
/// </summary>
public static class HeaderMatcher
{
    public sealed record Result(AnnexAColumn?[] ColumnAt, IReadOnlyList<FileProblem> Problems);

    public static Result Match(AnnexAList list, IReadOnlyList<string> headers, int headerRow)
    {
        var lookup = new Dictionary<string, AnnexAColumn>(StringComparer.Ordinal);
        foreach (var column in list.Columns)
            foreach (var name in column.Names)
                foreach (var key in Keys(name))
                    lookup.TryAdd(key, column);

        var problems = new List<FileProblem>();
        var columnAt = new AnnexAColumn?[headers.Count];
        var seen = new Dictionary<AnnexAColumn, string>();
        for (var i = 0; i < headers.Count; i++)
        {
            var header = headers[i]?.Trim() ?? "";
            if (header.Length == 0) continue; // a blank header over an empty column is common in exports
            var column = Keys(header).Select(k => lookup.GetValueOrDefault(k)).FirstOrDefault(c => c is not null);
            if (column is null)
            {
                problems.Add(new(headerRow, header, header, "unrecognised-header",
                    $"Header '{header}' (column {i + 1}) is not a column of list {list.Number} ({list.Title}); expected one of: {string.Join("; ", list.Columns.Select(c => c.Header))}."));
                continue;
            }
            if (seen.TryGetValue(column, out var earlier))
            {
                problems.Add(new(headerRow, header, header, "duplicate-header",
                    $"Header '{header}' (column {i + 1}) names '{column.Header}' again (already given as '{earlier}')."));
                continue;
            }
            seen[column] = header;
            columnAt[i] = column;
        }
        foreach (var column in list.Columns.Where(c => !seen.ContainsKey(c)))
        {
            problems.Add(new(headerRow, column.Header, null, "missing-column",
                $"List {list.Number} has no column '{column.Header}'" + (list.Number == 1 && column.Key == "contactOutcome"
                    ? " (the JTAI adds 'Contact outcome' at the end of list 1, ¶95)." : ".")));
        }
        return new(columnAt, problems);
    }

    /// <summary>The header as letters and digits only, and again without any bracketed aside.</summary>
    internal static IEnumerable<string> Keys(string header)
    {
        var full = Squash(header, keepBracketed: true);
        yield return full;
        var bare = Squash(header, keepBracketed: false);
        if (bare != full && bare.Length > 0) yield return bare;
    }

    private static string Squash(string header, bool keepBracketed)
    {
        var sb = new StringBuilder(header.Length);
        var depth = 0;
        foreach (var ch in header)
        {
            if (ch is '(' or '[') { depth++; continue; }
            if (ch is ')' or ']') { depth = Math.Max(0, depth - 1); continue; }
            if (depth > 0 && !keepBracketed) continue;
            if (char.IsLetterOrDigit(ch)) sb.Append(char.ToLowerInvariant(ch));
        }
        return sb.ToString();
    }
}
