using System.Globalization;

namespace Jtai.Ofsted.InformationExchange.AnnexA;

/// <summary>
/// Validates one Annex A list: every cell against its column's rule, every problem reported with
/// the row as the spreadsheet numbers it, the column header, the value and the rule's name.
/// Dates are dd/mm/yyyy; Age is years at the last birthday, -1 for an unborn child (who may have
/// no date of birth yet).
/// </summary>
public static class AnnexAValidator
{
    public const int MaxText = 200;
    public const int MaxAge = 25;

    /// <param name="periodFrom">
    /// The first day of the period the lists cover (¶8: the six months before notification). A row whose event
    /// (contact, referral, assessment, enquiry) is dated before it is kept, with a warning naming its row: the
    /// inspection looks at recent practice, and such a row is usually an extract's mistake, never to be taken silently.
    /// </param>
    public static AnnexAValidation Validate(AnnexAList list, Table table, DateOnly? periodFrom = null) =>
        Validate(list, new TableRows(table), periodFrom);

    /// <summary>Every row of the sheet, the valid ones kept in memory (the upload copies them as they come instead).</summary>
    public static AnnexAValidation Validate(AnnexAList list, ITabularRows rows, DateOnly? periodFrom = null)
    {
        var reader = new AnnexARowReader(list, rows.Headers, rows.HeaderRow, periodFrom);
        if (reader.HeaderRefused)
            return new AnnexAValidation(list, [], reader.Problems, reader.SkipAll(rows)) { HeaderRefused = true };
        var valid = new List<AnnexARecord>();
        while (rows.Next())
        {
            if (reader.Read(rows) is { } record) valid.Add(record);
        }
        return new AnnexAValidation(list, valid, reader.Problems, reader.DataRows) { Warnings = reader.Warnings };
    }
}

/// <summary>
/// Reads the rows of one list one at a time, against the header it was given: a valid row becomes a record, an
/// invalid one adds its problems. Cells are read from their characters (codes looked up, dates and numbers parsed
/// in place), so a valid row costs the strings it keeps and no more.
/// </summary>
public sealed class AnnexARowReader
{
    private readonly AnnexAList _list;
    private readonly AnnexAColumn[] _columns;
    private readonly int _headerCount;
    private readonly int[] _sourceOf;
    private readonly DateOnly? _periodFrom;
    private readonly AnnexAColumn _eventColumn;
    private readonly AnnexAColumn _dobColumn;
    private readonly List<FileProblem> _problems;
    private readonly List<FileProblem> _warnings = [];

    public AnnexARowReader(AnnexAList list, IReadOnlyList<string> headers, int headerRow, DateOnly? periodFrom)
    {
        var matched = HeaderMatcher.Match(list, headers, headerRow);
        _list = list;
        _columns = [.. list.Columns];
        _headerCount = matched.ColumnAt.Length;
        // Where in the file each of the list's columns is: tens of thousands of rows, so an index, not a lookup.
        _sourceOf = list.Columns.Select(c => Array.IndexOf(matched.ColumnAt, c)).ToArray();
        _periodFrom = periodFrom;
        _eventColumn = list.Columns.First(c => c.Slot == RowSlot.EventDate);
        _dobColumn = list.Columns.First(c => c.Slot == RowSlot.DateOfBirth);
        _problems = [.. matched.Problems];
        HeaderRefused = _problems.Count > 0;
    }

    /// <summary>The header itself is unusable: no row can be read.</summary>
    public bool HeaderRefused { get; }
    public IReadOnlyList<FileProblem> Problems => _problems;
    /// <summary>Rows kept but reported: dated before the period the lists cover (¶8).</summary>
    public IReadOnlyList<FileProblem> Warnings => _warnings;
    public int DataRows { get; private set; }
    public int ValidRows { get; private set; }

    /// <summary>Counts the rows left without reading them (a refused header still says how many rows were sent).</summary>
    public int SkipAll(ITabularRows rows)
    {
        while (rows.Next()) DataRows++;
        return DataRows;
    }

    /// <summary>The current row as a record, or null when it has a problem (each one added to <see cref="Problems"/>).</summary>
    public AnnexARecord? Read(ITabularRows rows)
    {
        if (HeaderRefused) throw new InvalidOperationException("The header was refused: no row can be read.");
        DataRows++;
        var row = rows.Row;
        var before = _problems.Count;
        for (var i = _headerCount; i < rows.CellCount; i++)
        {
            if (!rows.Cell(i).IsWhiteSpace())
                _problems.Add(new(row, $"column {i + 1}", rows.Cell(i).ToString(), "value-without-header", $"Row {row} has a value in column {i + 1}, which has no header."));
        }

        var record = new AnnexARecord { Row = row, List = _list, ChildId = "" };
        short? age = null;
        var hasDateOfBirth = false;
        for (var c = 0; c < _columns.Length; c++)
        {
            var column = _columns[c];
            var value = _sourceOf[c] is var i && i >= 0 && i < rows.CellCount ? rows.Cell(i).Trim() : [];
            if (column.Slot == RowSlot.DateOfBirth) hasDateOfBirth = value.Length > 0;
            if (value.Length == 0)
            {
                // An unborn child (age -1) may have no date of birth; otherwise a child has one.
                if (column.Required) _problems.Add(Problem(row, column, "", "required", $"'{column.Header}' is required."));
                continue;
            }
            switch (column.Kind)
            {
                case CellKind.ChildId:
                case CellKind.Text:
                    if (value.Length > AnnexAValidator.MaxText) { _problems.Add(TooLong(row, column, value)); continue; }
                    record.SetText(column.Slot, value.ToString());
                    break;
                case CellKind.Code:
                    var code = column.Codes!.Normalise(value);
                    if (code is null)
                    {
                        _problems.Add(Problem(row, column, value.ToString(), "code",
                            $"'{value}' is not a {column.Codes.Name} code ({column.Codes.Describe()}); give the letter and code, or the code alone."));
                        continue;
                    }
                    record.SetText(column.Slot, code);
                    break;
                case CellKind.Date:
                    if (!DayMonthYear.TryParse(value, out var date))
                    { _problems.Add(Problem(row, column, value.ToString(), "date", $"'{value}' is not a date in dd/mm/yyyy.")); continue; }
                    record.SetDate(column.Slot, date);
                    break;
                case CellKind.Age:
                    if (!short.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var years) || years < -1 || years > AnnexAValidator.MaxAge)
                    {
                        _problems.Add(Problem(row, column, value.ToString(), "age",
                            $"'{value}' is not an age: whole years from 0 to {AnnexAValidator.MaxAge}, or -1 for an unborn child."));
                        continue;
                    }
                    age = years;
                    record.Age = years;
                    break;
                case CellKind.Count:
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
                    { _problems.Add(Problem(row, column, value.ToString(), "whole-number", $"'{value}' is not a whole number of 0 or more.")); continue; }
                    record.SetCount(column.Slot, count);
                    break;
                case CellKind.ContactOutcome:
                    if (value.Length > AnnexAValidator.MaxText) { _problems.Add(TooLong(row, column, value)); continue; }
                    record.SetText(column.Slot, value.ToString());
                    record.ContactOutcomeNormalised = ContactOutcomes.Normalise(value);
                    break;
            }
        }

        if (age is not null && age != -1 && !hasDateOfBirth)
            _problems.Add(Problem(row, _dobColumn, "", "required", $"'{_dobColumn.Header}' is required (only an unborn child, Age -1, may have none)."));
        if (_problems.Count != before) return null;

        ValidRows++;
        if (_periodFrom is { } from && record.EventDate is { } on && on < from)
            _warnings.Add(Problem(row, _eventColumn, on.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), "before-period",
                $"{on:dd/MM/yyyy} is before the period the lists cover (from {from:dd/MM/yyyy}, the six months before notification, ¶8). The row is kept: check the extract."));
        return record;
    }

    private static FileProblem TooLong(int row, AnnexAColumn column, ReadOnlySpan<char> value) =>
        Problem(row, column, value.ToString(), "max-length", $"'{column.Header}' must be at most {AnnexAValidator.MaxText} characters.");

    private static FileProblem Problem(int row, AnnexAColumn column, string value, string rule, string message) =>
        new(row, column.Header, value, rule, $"Row {row}, column '{column.Header}': {message}");
}

/// <summary>
/// Contact outcome has no national code list (¶95): the local authority's text is kept, and where
/// it plainly says one of the usual outcomes, a normalised value beside it.
/// </summary>
public static class ContactOutcomes
{
    public static string? Normalise(string text) => Normalise(text.AsSpan());

    public static string? Normalise(ReadOnlySpan<char> text)
    {
        Span<char> lower = text.Length <= 256 ? stackalloc char[text.Length] : new char[text.Length];
        text.ToLowerInvariant(lower);
        if (Has(lower, "strategy") || Has(lower, "s47") || Has(lower, "section 47")) return "strategy-discussion-section-47";
        if (Has(lower, "early help")) return "early-help";
        if (Has(lower, "referral") || Has(lower, "social care") || Has(lower, "csc")) return "referral-to-childrens-social-care";
        if (Has(lower, "advice") || Has(lower, "information")) return "information-and-advice";
        if (Has(lower, "nfa") || Has(lower, "no further action")) return "no-further-action";
        return null;
    }

    private static bool Has(ReadOnlySpan<char> text, string part) => text.IndexOf(part, StringComparison.Ordinal) >= 0;
}
