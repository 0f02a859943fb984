using System.Globalization;
using ClosedXML.Excel;
using CsvHelper;

namespace Jtai.Ofsted.InformationExchange.AnnexA;

/// <summary>A sheet of cells as text, with the row numbers a person sees in the spreadsheet.</summary>
public sealed record Table(string Name, IReadOnlyList<string> Headers, int HeaderRow, IReadOnlyList<(int Row, string[] Cells)> Rows);

public enum TabularFormat { Csv, Xlsx }

/// <summary>Reads CSV (CsvHelper) and XLSX (ClosedXML) into tables of text cells; <see cref="CsvRows"/> reads CSV row by row.</summary>
public static class TabularFile
{
    public static TabularFormat? FormatOf(string? fileName, string? contentType)
    {
        var extension = Path.GetExtension(fileName ?? "").ToLowerInvariant();
        if (extension == ".csv" || contentType is "text/csv" or "application/csv") return TabularFormat.Csv;
        if (extension == ".xlsx" || contentType == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet") return TabularFormat.Xlsx;
        return null;
    }

    /// <summary>How the exchange reads CSV: a header row, line numbers kept (problems name rows as an editor shows them), blank lines skipped, ragged rows allowed, broken quoting refused.</summary>
    internal static readonly CsvReaderOptions CsvOptions = CsvReaderOptions.Default with
    {
        HasHeader = true,
        TrackLineNumbers = true,
        SkipEmptyLines = true,
        FieldCountMismatch = CsvFieldCountHandling.Allow,
        MalformedData = CsvMalformedDataHandling.Throw,
    };

    /// <summary>
    /// A CSV file read whole into a table (separator detected among , ; tab |; a byte order mark honoured). Rows are
    /// numbered by the line each record starts on, as a spreadsheet or text editor shows them.
    /// </summary>
    public static Table ReadCsv(Stream stream, string name)
    {
        using var content = new MemoryStream();
        stream.CopyTo(content);
        using var csv = new CsvRows(content.GetBuffer().AsMemory(0, (int)content.Length));
        var rows = new List<(int, string[])>();
        while (csv.Next())
        {
            var cells = new string[csv.CellCount];
            for (var i = 0; i < cells.Length; i++) cells[i] = csv.Cell(i).ToString();
            rows.Add((csv.Row, cells));
        }
        return new Table(name, csv.Headers, csv.HeaderRow, rows);
    }

    /// <summary>Every non-empty sheet of a workbook; the header is the first non-empty row.</summary>
    public static IReadOnlyList<Table> ReadXlsx(Stream stream)
    {
        using var workbook = new XLWorkbook(stream);
        var tables = new List<Table>();
        foreach (var sheet in workbook.Worksheets)
        {
            var used = sheet.RangeUsed();
            if (used is null) continue;
            var firstColumn = used.FirstColumn().ColumnNumber();
            var lastColumn = used.LastColumn().ColumnNumber();
            string[]? headers = null;
            var headerRow = 0;
            var rows = new List<(int, string[])>();
            foreach (var xlRow in used.Rows())
            {
                var number = xlRow.RowNumber();
                var cells = new string[lastColumn - firstColumn + 1];
                for (var c = firstColumn; c <= lastColumn; c++) cells[c - firstColumn] = Text(sheet.Cell(number, c));
                if (cells.All(string.IsNullOrWhiteSpace)) continue;
                if (headers is null) { headers = cells; headerRow = number; continue; }
                rows.Add((number, cells));
            }
            tables.Add(new Table(sheet.Name, headers ?? [], headerRow, rows));
        }
        return tables;
    }

    /// <summary>A cell as the person typed it: real dates as dd/mm/yyyy, numbers without a culture.</summary>
    private static string Text(IXLCell cell) => cell.DataType switch
    {
        XLDataType.DateTime => cell.GetDateTime().ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        XLDataType.Number => cell.GetDouble().ToString(CultureInfo.InvariantCulture),
        XLDataType.Boolean => cell.GetBoolean() ? "Yes" : "No",
        _ => cell.GetString(),
    };
}
