using System.Globalization;
using System.Text;
using Jtai.Ofsted.InformationExchange.AnnexA;
using Xunit;

namespace Jtai.InformationRequests.Tests;

/// <summary>The row-by-row reading the upload streams into PostgreSQL: the same answers as reading cell strings would give.</summary>
public sealed class AnnexAStreamingTests
{
    private static readonly string[] Formats = ["dd/MM/yyyy", "d/M/yyyy"];

    [Fact]
    public void Dates_are_read_from_their_characters_exactly_as_the_framework_parses_dd_mm_yyyy()
    {
        var random = new Random(15);
        const string alphabet = "0123456789/ -.";
        var cells = new List<string> { "", "/", "1/1/2026", "01/01/2026", "29/02/2024", "29/02/2025", "31/04/2026", "00/01/2026", "1/13/2026",
            "1/1/0000", "1/1/0001", "31/12/9999", "1/1/20266", "1/1/226", "123/1/2026", "1/123/2026", "1//2026", " 1/1/2026", "1/1/2026 ",
            "+1/1/2026", "1/-1/2026", "١/١/٢٠٢٦", "2026-04-03", "04/31/2026" };
        for (var i = 0; i < 20_000; i++)
        {
            var chars = new char[random.Next(1, 12)];
            for (var c = 0; c < chars.Length; c++) chars[c] = alphabet[random.Next(alphabet.Length)];
            cells.Add(new string(chars));
            cells.Add($"{random.Next(0, 40)}/{random.Next(0, 15)}/{random.Next(0, 10000).ToString(random.Next(2) == 0 ? "D4" : "D", CultureInfo.InvariantCulture)}");
        }
        foreach (var cell in cells)
        {
            var expected = DateOnly.TryParseExact(cell, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var framework);
            Assert.True(expected == DayMonthYear.TryParse(cell, out var read), $"'{cell}': the framework says {expected}");
            if (expected) Assert.Equal(framework, read);
        }
    }

    [Fact]
    public void A_rows_list_columns_are_shown_keyed_as_the_list_names_them_in_its_order()
    {
        var csv = "Child Unique ID,Gender,Ethnicity,Date of Birth,Age,Date of Referral,Referral Source,Referral NFA?,Number of Referrals in Last 12 Months,Allocated Team,Allocated Worker\n"
                  + "C1,a) Male,WBRI,01/01/2015,11,01/03/2026,2A,b) No,007,MASH,\n";
        var row = Assert.Single(AnnexAValidator.Validate(AnnexAList.Find(3)!, TabularFile.ReadCsv(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "list3.csv")).Valid);
        KeyValuePair<string, string>[] expected =
        [
            new("dateOfBirth", "2015-01-01"), new("dateOfReferral", "2026-03-01"), new("referralNfa", "No"),
            new("referralsInLast12Months", "7"), new("allocatedTeam", "MASH"),
        ];
        Assert.Equal(expected, row.Fields.ToArray());
        Assert.Equal("2A", row.Source);
        Assert.Equal(7, row.ReferralsInLast12Months);
        Assert.Null(row.AllocatedWorker);
    }

    [Fact]
    public void Reading_row_by_row_names_every_problem_and_counts_every_row_as_reading_the_whole_table_does()
    {
        var csv = "Child Unique ID,Gender,Ethnicity,Date of Birth,Age,Date of Contact,Contact Source,Contact outcome\n"
                  + "C1,a) Male,WBRI,01/01/2015,11,03/04/2026,6,NFA\n"
                  + "\n,,,,,,,\n"
                  + "C2,x) Robot,WBRI,01/01/2015,11,3/4/2026,q) 6: Police,\"Strategy, then S47\",extra\n"
                  + "C3,b) Female,a) BAFR,,4,03/04/2026,6,Early help\n";
        var bytes = Encoding.UTF8.GetBytes(csv);
        using var rows = new CsvRows(bytes);
        var reader = new AnnexARowReader(AnnexAList.Find(1)!, rows.Headers, rows.HeaderRow, periodFrom: null);
        var valid = new List<AnnexARecord>();
        while (rows.Next())
        {
            if (reader.Read(rows) is { } record) valid.Add(record);
        }
        var whole = AnnexAValidator.Validate(AnnexAList.Find(1)!, TabularFile.ReadCsv(new MemoryStream(bytes), "list1.csv"));

        Assert.Equal(3, reader.DataRows);
        Assert.Equal(whole.DataRows, reader.DataRows);
        Assert.Equal("C1", Assert.Single(valid).ChildId);
        Assert.Equal(whole.Problems, reader.Problems);
        (int, string, string)[] expected =
            [(5, "column 9", "value-without-header"), (5, "Gender", "code"), (6, "Ethnicity", "code"), (6, "Date of Birth", "required")];
        Assert.Equal(expected, reader.Problems.Select(p => (p.Row, p.Column, p.Rule)).ToArray());
    }
}
