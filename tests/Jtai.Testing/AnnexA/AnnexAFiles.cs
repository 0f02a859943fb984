using System.Globalization;
using System.Text;
using ClosedXML.Excel;

namespace Jtai.Testing.AnnexA;

/// <summary>A child of the generated area, as a local authority's case system would hold them.</summary>
public sealed record GeneratedChild(string Id, string Gender, string Ethnicity, DateOnly? DateOfBirth, int Age, string Disability);

/// <summary>A generated Annex A list: headers and rows of text cells, as a local authority exports them.</summary>
public sealed record GeneratedList(int Number, string[] Headers, List<string[]> Rows)
{
    public string ToCsv()
    {
        var sb = new StringBuilder();
        sb.AppendLine(string.Join(',', Headers.Select(Quote)));
        foreach (var row in Rows) sb.AppendLine(string.Join(',', row.Select(Quote)));
        return sb.ToString();
    }

    public byte[] ToCsvBytes() => Encoding.UTF8.GetBytes(ToCsv());

    private static string Quote(string cell) =>
        cell.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + cell.Replace("\"", "\"\"") + "\"" : cell;
}

/// <summary>
/// Realistic ILACS Annex A lists 1–5 for tests and the benchmark: one area's children, each
/// appearing on several lists and rows; codes sometimes with their letter ("a) WBRI", "q) 6: Police"),
/// sometimes alone ("WBRI", "6"); dates dd/mm/yyyy; unborn children with age -1 and no date of
/// birth; headers with the small variations real exports have. Deterministic for a seed.
/// </summary>
public sealed class AnnexAFiles
{
    private static readonly (string Letter, string Code)[] Genders = [("a", "Male"), ("b", "Female"), ("c", "Not stated/recorded"), ("d", "Neither")];
    private static readonly (string Letter, string Code)[] Ethnicities =
    [
        ("a", "WBRI"), ("b", "WIRI"), ("d", "WOTH"), ("e", "WROM"), ("f", "MWBC"), ("g", "MWBA"), ("h", "MWAS"), ("j", "AIND"),
        ("k", "APKN"), ("l", "ABAN"), ("n", "BCRB"), ("o", "BAFR"), ("q", "CHNE"), ("r", "OOTH"), ("s", "REFU"), ("t", "NOBT"),
    ];
    private static readonly (string Letter, string Code, string Label)[] Sources =
    [
        ("a", "1A", "Individual - family"), ("c", "1C", "Individual - self"), ("e", "2A", "Schools"), ("g", "3A", "Health - GP"),
        ("h", "3B", "Health visitor"), ("k", "3E", "A&E"), ("m", "4", "Housing"), ("n", "5A", "LA social care"),
        ("p1", "5D", "LA - early help"), ("q", "6", "Police"), ("r", "7", "Other legal agency"), ("t", "9", "Anonymous"),
    ];
    private static readonly string[] Outcomes =
    [
        "NFA", "Information and advice given", "Step down to early help", "Referral to children's social care",
        "Strategy discussion / section 47", "Signposted to universal services",
    ];
    private static readonly string[] Teams = ["MASH", "Assessment Team North", "Assessment Team South", "Early Help Hub", "Child Protection Team"];

    private readonly Random _random;
    private readonly DateOnly _today;

    public AnnexAFiles(int seed, DateOnly today, int children)
    {
        _random = new Random(seed);
        _today = today;
        Children = Enumerable.Range(1, children).Select(NewChild).ToList();
    }

    public IReadOnlyList<GeneratedChild> Children { get; }

    /// <summary>Headers of list <paramref name="list"/>, exactly as the ILACS schema names them, or with real-world variations.</summary>
    public static string[] Headers(int list, bool varied)
    {
        string[] common = varied
            ? ["CHILD UNIQUE ID", " gender", "Ethnicity ", "Date of Birth (dd/mm/yyyy)", "Age of Child (Years)"]
            : ["Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age"];
        string[] rest = list switch
        {
            1 => varied ? ["Date of contact", "Contact source", "Contact Outcome"] : ["Date of Contact", "Contact Source", "Contact outcome"],
            2 => ["Assessment start date", "Assessment completion date", varied ? "Organisation completing the assessment" : "Organisation completing assessment"],
            3 => ["Date of Referral", "Referral Source", varied ? "Referral NFA" : "Referral NFA?", "Number of Referrals in Last 12 Months", "Allocated Team", "Allocated Worker"],
            4 => ["Does the Child have a Disability", "Continuous Assessment Start Date", "Child Seen During Continuous Assessment",
                  "Continuous Assessment Date of Authorisation", "Was the child assessed as requiring LA children's social care support?", "Allocated Team", "Allocated Worker"],
            5 => [varied ? "Does the child have a disability?" : "Does the Child have a Disability", "Strategy discussion initiating Section 47 Enquiry Start Date",
                  "Was an Initial Child Protection Conference deemed unnecessary?", "Date of Initial Child Protection Conference",
                  "Did the Initial Child Protection Conference Result in a Child Protection Plan", "Number of Section 47 Enquiries in the last 12 months",
                  "Number of ICPCs in the last 12 months", "Allocated Team", "Allocated Worker"],
            _ => throw new ArgumentOutOfRangeException(nameof(list)),
        };
        return [.. common, .. rest];
    }

    /// <summary>List <paramref name="list"/> with <paramref name="rows"/> rows over the area's children.</summary>
    public GeneratedList List(int list, int rows, bool variedHeaders = false)
    {
        var result = new List<string[]>(rows);
        for (var i = 0; i < rows; i++)
        {
            var child = Children[_random.Next(Children.Count)];
            result.Add([.. CommonCells(child), .. ListCells(list, child)]);
        }
        return new GeneratedList(list, Headers(list, variedHeaders), result);
    }

    /// <summary>An XLSX workbook with one sheet per list ("List 1", ...), dates as real date cells.</summary>
    public static byte[] ToXlsx(params GeneratedList[] lists)
    {
        using var workbook = new XLWorkbook();
        foreach (var list in lists)
        {
            var sheet = workbook.Worksheets.Add($"List {list.Number}");
            for (var c = 0; c < list.Headers.Length; c++) sheet.Cell(1, c + 1).Value = list.Headers[c];
            for (var r = 0; r < list.Rows.Count; r++)
            {
                for (var c = 0; c < list.Rows[r].Length; c++)
                {
                    var text = list.Rows[r][c];
                    var cell = sheet.Cell(r + 2, c + 1);
                    if (DateTime.TryParseExact(text, "dd/MM/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) cell.Value = date;
                    else if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)) cell.Value = number;
                    else cell.Value = text;
                }
            }
        }
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    private GeneratedChild NewChild(int n)
    {
        var unborn = _random.NextDouble() < 0.02;
        var age = unborn ? -1 : _random.Next(0, 18);
        DateOnly? dob = unborn ? null : _today.AddYears(-age).AddDays(-_random.Next(1, 364));
        var gender = _random.NextDouble() switch { < 0.48 => "Male", < 0.96 => "Female", < 0.99 => "Not stated/recorded", _ => "Neither" };
        var ethnicity = Ethnicities[_random.Next(Ethnicities.Length)].Code;
        var disability = _random.NextDouble() switch { < 0.12 => "Yes", < 0.95 => "No", _ => "Unknown" };
        return new GeneratedChild($"C{n:D6}", gender, ethnicity, dob, age, disability);
    }

    private IEnumerable<string> CommonCells(GeneratedChild c)
    {
        var withLetters = _random.Next(2) == 0;
        var gender = Genders.First(g => g.Code == c.Gender);
        var ethnicity = Ethnicities.First(e => e.Code == c.Ethnicity);
        yield return c.Id;
        yield return withLetters ? $"{gender.Letter}) {gender.Code}" : gender.Code;
        yield return withLetters ? $"{ethnicity.Letter}) {ethnicity.Code}" : ethnicity.Code;
        yield return c.DateOfBirth is { } dob ? Date(dob) : "";
        yield return c.Age.ToString(CultureInfo.InvariantCulture);
    }

    private IEnumerable<string> ListCells(int list, GeneratedChild c)
    {
        var when = _today.AddDays(-_random.Next(1, 180));
        switch (list)
        {
            case 1:
                yield return Date(when); yield return Source(); yield return Outcomes[_random.Next(Outcomes.Length)];
                break;
            case 2:
                yield return Date(when); yield return _random.Next(3) == 0 ? "" : Date(when.AddDays(_random.Next(5, 40)));
                yield return _random.Next(2) == 0 ? "School" : "Early Help Hub";
                break;
            case 3:
                yield return Date(when); yield return Source(); yield return YesNo(_random.Next(4) == 0);
                yield return _random.Next(0, 4).ToString(CultureInfo.InvariantCulture); yield return Team(); yield return Worker();
                break;
            case 4:
                yield return YesNoUnknown(c.Disability); yield return Date(when); yield return YesNoUnknown(_random.Next(10) == 0 ? "Unknown" : "Yes");
                yield return Date(when.AddDays(_random.Next(1, 45))); yield return YesNoUnknown(_random.Next(3) == 0 ? "No" : "Yes");
                yield return Team(); yield return Worker();
                break;
            case 5:
                yield return YesNoUnknown(c.Disability); yield return Date(when);
                var unnecessary = _random.Next(3) == 0;
                yield return YesNo(unnecessary); yield return unnecessary ? "" : Date(when.AddDays(_random.Next(5, 15)));
                yield return unnecessary ? "" : YesNo(_random.Next(2) == 0);
                yield return _random.Next(1, 3).ToString(CultureInfo.InvariantCulture); yield return _random.Next(0, 2).ToString(CultureInfo.InvariantCulture);
                yield return Team(); yield return Worker();
                break;
        }
    }

    private string Source()
    {
        var s = Sources[_random.Next(Sources.Length)];
        return _random.Next(3) switch { 0 => $"{s.Letter}) {s.Code}: {s.Label}", 1 => s.Code, _ => $"{s.Letter}) {s.Code}" };
    }

    private string YesNo(bool yes) => _random.Next(2) == 0 ? (yes ? "a) Yes" : "b) No") : (yes ? "Yes" : "No");

    private string YesNoUnknown(string value) => _random.Next(2) == 0
        ? value switch { "Yes" => "a) Yes", "No" => "b) No", _ => "c) Unknown" }
        : value;

    private string Team() => Teams[_random.Next(Teams.Length)];
    private string Worker() => $"SW{_random.Next(100, 999)}";
    private static string Date(DateOnly d) => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
