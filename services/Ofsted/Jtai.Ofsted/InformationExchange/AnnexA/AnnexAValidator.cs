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
    private static readonly string[] DateFormats = ["dd/MM/yyyy", "d/M/yyyy"];

    /// <param name="periodFrom">
    /// The first day of the period the lists cover (¶8: the six months before notification). A row whose event
    /// (contact, referral, assessment, enquiry) is dated before it is kept, with a warning naming its row: the
    /// inspection looks at recent practice, and such a row is usually an extract's mistake, never to be taken silently.
    /// </param>
    public static AnnexAValidation Validate(AnnexAList list, Table table, DateOnly? periodFrom = null)
    {
        var headers = HeaderMatcher.Match(list, table.Headers, table.HeaderRow);
        if (headers.Problems.Count > 0)
            return new AnnexAValidation(list, [], headers.Problems, table.Rows.Count) { HeaderRefused = true };

        // Where in the file each of the list's columns is: tens of thousands of rows, so an index, not a lookup.
        var sourceOf = list.Columns.Select(c => Array.IndexOf(headers.ColumnAt, c)).ToArray();
        var problems = new List<FileProblem>();
        var warnings = new List<FileProblem>();
        var valid = new List<AnnexARecord>(table.Rows.Count);
        var eventColumn = list.Columns.First(c => c.Slot == RowSlot.EventDate);
        foreach (var (row, cells) in table.Rows)
        {
            var before = problems.Count;
            var record = ReadRow(list, headers.ColumnAt.Length, sourceOf, row, cells, problems);
            if (problems.Count != before || record is null) continue;
            valid.Add(record);
            if (periodFrom is { } from && record.EventDate is { } on && on < from)
                warnings.Add(Problem(row, eventColumn, on.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), "before-period",
                    $"{on:dd/MM/yyyy} is before the period the lists cover (from {from:dd/MM/yyyy}, the six months before notification, ¶8). The row is kept: check the extract."));
        }
        return new AnnexAValidation(list, valid, problems, table.Rows.Count) { Warnings = warnings };
    }

    private static AnnexARecord? ReadRow(AnnexAList list, int headerCount, int[] sourceOf, int row, string[] cells, List<FileProblem> problems)
    {
        string ValueOf(int column) => sourceOf[column] is var i && i >= 0 && i < cells.Length ? cells[i]?.Trim() ?? "" : "";
        for (var i = headerCount; i < cells.Length; i++)
        {
            if (!string.IsNullOrWhiteSpace(cells[i]))
                problems.Add(new(row, $"column {i + 1}", cells[i], "value-without-header", $"Row {row} has a value in column {i + 1}, which has no header."));
        }

        var record = new AnnexARecord { Row = row, ChildId = ValueOf(0) };
        short? age = null;
        var dateOfBirth = "";
        for (var c = 0; c < list.Columns.Count; c++)
        {
            var column = list.Columns[c];
            var value = ValueOf(c);
            if (column.Slot == RowSlot.DateOfBirth) dateOfBirth = value;
            if (value.Length == 0)
            {
                // An unborn child (age -1) may have no date of birth; otherwise a child has one.
                if (column.Required) problems.Add(Problem(row, column, value, "required", $"'{column.Header}' is required."));
                continue;
            }
            switch (column.Kind)
            {
                case CellKind.ChildId:
                case CellKind.Text:
                    if (value.Length > MaxText) { problems.Add(Problem(row, column, value, "max-length", $"'{column.Header}' must be at most {MaxText} characters.")); continue; }
                    Assign(record, column, value);
                    break;
                case CellKind.Code:
                    var code = column.Codes!.Normalise(value);
                    if (code is null) { problems.Add(Problem(row, column, value, "code", $"'{value}' is not a {column.Codes.Name} code ({column.Codes.Describe()}); give the letter and code, or the code alone.")); continue; }
                    Assign(record, column, code);
                    break;
                case CellKind.Date:
                    if (!DateOnly.TryParseExact(value, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                    { problems.Add(Problem(row, column, value, "date", $"'{value}' is not a date in dd/mm/yyyy.")); continue; }
                    if (column.Slot == RowSlot.DateOfBirth) record.DateOfBirth = date;
                    else if (column.Slot == RowSlot.EventDate) record.EventDate = date;
                    record.Fields[column.Key] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                    break;
                case CellKind.Age:
                    if (!short.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var years) || years < -1 || years > MaxAge)
                    { problems.Add(Problem(row, column, value, "age", $"'{value}' is not an age: whole years from 0 to {MaxAge}, or -1 for an unborn child.")); continue; }
                    age = years;
                    record.Age = years;
                    break;
                case CellKind.Count:
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
                    { problems.Add(Problem(row, column, value, "whole-number", $"'{value}' is not a whole number of 0 or more.")); continue; }
                    record.Fields[column.Key] = count.ToString(CultureInfo.InvariantCulture);
                    break;
                case CellKind.ContactOutcome:
                    if (value.Length > MaxText) { problems.Add(Problem(row, column, value, "max-length", $"'{column.Header}' must be at most {MaxText} characters.")); continue; }
                    record.Fields[column.Key] = value;
                    if (ContactOutcomes.Normalise(value) is { } normalised) record.Fields["contactOutcomeNormalised"] = normalised;
                    break;
            }
        }

        var dobColumn = list.Columns.First(c => c.Slot == RowSlot.DateOfBirth);
        if (age is not null && age != -1 && dateOfBirth.Length == 0)
            problems.Add(Problem(row, dobColumn, "", "required", $"'{dobColumn.Header}' is required (only an unborn child, Age -1, may have none)."));
        return record;
    }

    private static void Assign(AnnexARecord record, AnnexAColumn column, string value)
    {
        switch (column.Slot)
        {
            case RowSlot.ChildId: break;
            case RowSlot.Gender: record.Gender = value; break;
            case RowSlot.Ethnicity: record.Ethnicity = value; break;
            case RowSlot.Source: record.Source = value; break;
            case RowSlot.Disability: record.Disability = value; break;
            default: record.Fields[column.Key] = value; break;
        }
    }

    private static FileProblem Problem(int row, AnnexAColumn column, string value, string rule, string message) =>
        new(row, column.Header, value, rule, $"Row {row}, column '{column.Header}': {message}");
}

/// <summary>
/// Contact outcome has no national code list (¶95): the local authority's text is kept, and where
/// it plainly says one of the usual outcomes, a normalised value beside it.
/// </summary>
public static class ContactOutcomes
{
    public static string? Normalise(string text)
    {
        var t = text.ToLowerInvariant();
        if (t.Contains("strategy") || t.Contains("s47") || t.Contains("section 47")) return "strategy-discussion-section-47";
        if (t.Contains("early help")) return "early-help";
        if (t.Contains("referral") || t.Contains("social care") || t.Contains("csc")) return "referral-to-childrens-social-care";
        if (t.Contains("advice") || t.Contains("information")) return "information-and-advice";
        if (t.Contains("nfa") || t.Contains("no further action")) return "no-further-action";
        return null;
    }
}
