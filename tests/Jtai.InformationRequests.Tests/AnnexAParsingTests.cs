using System.Text;
using Jtai.Ofsted.InformationExchange.AnnexA;
using Xunit;

namespace Jtai.InformationRequests.Tests;

public sealed class AnnexAParsingTests
{
    private static AnnexAList List1 => AnnexAList.Find(1)!;

    private static AnnexAValidation Validate(int list, string csv) =>
        AnnexAValidator.Validate(AnnexAList.Find(list)!, TabularFile.ReadCsv(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "test.csv"));

    [Theory]
    [InlineData("Age of Child (Years)", "Age")]
    [InlineData("AGE", "Age")]
    [InlineData("  child unique id ", "Child Unique ID")]
    [InlineData("Child_Unique_ID", "Child Unique ID")]
    [InlineData("Date of Birth (dd/mm/yyyy)", "Date of Birth")]
    [InlineData("DOB", "Date of Birth")]
    [InlineData("Contact Outcome", "Contact outcome")]
    [InlineData("contact source", "Contact Source")]
    public void Headers_are_matched_tolerantly(string header, string column)
    {
        var headers = List1.Columns.Select(c => c.Header == column ? header : c.Header).ToList();
        var result = HeaderMatcher.Match(List1, headers, 1);
        Assert.Empty(result.Problems);
        Assert.Equal(column, result.ColumnAt[headers.IndexOf(header)]!.Header);
    }

    [Fact]
    public void An_unrecognised_header_and_a_missing_column_are_named()
    {
        var headers = List1.Columns.Where(c => c.Key != "contactOutcome").Select(c => c.Header).Append("Shoe size").ToList();
        var problems = HeaderMatcher.Match(List1, headers, 1).Problems;
        Assert.Contains(problems, p => p.Rule == "unrecognised-header" && p.Value == "Shoe size" && p.Message.Contains("column 8"));
        Assert.Contains(problems, p => p.Rule == "missing-column" && p.Column == "Contact outcome" && p.Message.Contains("¶95"));
    }

    [Theory]
    [InlineData("q) 6: Police", "6")]
    [InlineData("q) 6", "6")]
    [InlineData("6", "6")]
    [InlineData("6: Police", "6")]
    [InlineData("p1) 5D", "5D")]
    [InlineData("5d", "5D")]
    [InlineData("a) 1A individual - family", "1A")]
    [InlineData("10", "10")]
    [InlineData("Police", "6")]
    public void Source_codes_are_read_with_or_without_their_letter(string cell, string code) =>
        Assert.Equal(code, CodeLists.Source.Normalise(cell));

    [Theory]
    [InlineData("a) WBRI", "WBRI")]
    [InlineData("WBRI", "WBRI")]
    [InlineData("t) NOBT", "NOBT")]
    [InlineData("a)", "WBRI")]
    public void Ethnicity_codes_are_read_with_or_without_their_letter(string cell, string code) =>
        Assert.Equal(code, CodeLists.Ethnicity.Normalise(cell));

    [Theory]
    [InlineData("a) BAFR")]  // the letter names WBRI
    [InlineData("z) WBRI")]
    [InlineData("XXXX")]
    [InlineData("1")]
    public void A_code_that_names_nothing_or_contradicts_its_letter_is_refused(string cell)
    {
        Assert.Null(CodeLists.Ethnicity.Normalise(cell));
        Assert.Null(CodeLists.Source.Normalise(cell));
    }

    private const string Header = "Child Unique ID,Gender,Ethnicity,Date of Birth,Age,Date of Contact,Contact Source,Contact outcome\n";

    [Fact]
    public void A_valid_row_is_normalised()
    {
        var result = Validate(1, Header + "C1,b) Female,a) WBRI,05/11/2014,11,03/04/2026,q) 6: Police,Referral to CSC\n");
        Assert.Empty(result.Problems);
        var row = Assert.Single(result.Valid);
        Assert.Equal(("Female", "WBRI", "6"), (row.Gender, row.Ethnicity, row.Source));
        Assert.Equal(new DateOnly(2014, 11, 5), row.DateOfBirth);
        Assert.Equal(new DateOnly(2026, 4, 3), row.EventDate);
        Assert.Equal("referral-to-childrens-social-care", row.Fields["contactOutcomeNormalised"]);
        Assert.Equal(2, row.Row);
    }

    [Fact]
    public void An_unborn_child_is_age_minus_one_and_may_have_no_date_of_birth_but_a_born_child_must()
    {
        var result = Validate(1, Header + "C1,c) Not stated/recorded,NOBT,,-1,03/04/2026,3B,Early help\nC2,a) Male,WBRI,,4,03/04/2026,3B,NFA\n");
        var unborn = Assert.Single(result.Valid);
        Assert.Equal(-1, unborn.Age);
        Assert.Null(unborn.DateOfBirth);
        var problem = Assert.Single(result.Problems);
        Assert.Equal((3, "Date of Birth", "required"), (problem.Row, problem.Column, problem.Rule));
    }

    [Theory]
    [InlineData("2026-04-03")]
    [InlineData("04/31/2026")]
    [InlineData("31/02/2026")]
    [InlineData("3rd April")]
    public void Dates_must_be_dd_mm_yyyy(string date)
    {
        var problem = Assert.Single(Validate(1, Header + $"C1,a) Male,WBRI,01/01/2015,11,{date},6,NFA\n").Problems);
        Assert.Equal((2, "Date of Contact", date, "date"), (problem.Row, problem.Column, problem.Value, problem.Rule));
    }

    [Theory]
    [InlineData("-2")]
    [InlineData("26")]
    [InlineData("ten")]
    public void Ages_run_from_minus_one_to_25(string age) =>
        Assert.Equal("age", Assert.Single(Validate(1, Header + $"C1,a) Male,WBRI,01/01/2015,{age},03/04/2026,6,NFA\n").Problems).Rule);

    [Fact]
    public void Every_problem_of_a_file_is_reported_with_its_row_column_value_and_rule()
    {
        var result = Validate(3,
            "Child Unique ID,Gender,Ethnicity,Date of Birth,Age,Date of Referral,Referral Source,Referral NFA?,Number of Referrals in Last 12 Months,Allocated Team,Allocated Worker\n" +
            "C1,a) Male,WBRI,01/01/2015,11,01/03/2026,2A,b) No,1,MASH,SW1\n" +
            ",Robot,WBRI,01/01/2015,11,01/03/2026,2A,Maybe,-1,MASH,SW1\n");
        Assert.Single(result.Valid);
        Assert.Equal(4, result.Problems.Count);
        Assert.All(result.Problems, p => Assert.Equal(3, p.Row));
        Assert.Contains(result.Problems, p => p is { Column: "Child Unique ID", Rule: "required" });
        Assert.Contains(result.Problems, p => p is { Column: "Gender", Value: "Robot", Rule: "code" });
        Assert.Contains(result.Problems, p => p is { Column: "Referral NFA?", Value: "Maybe", Rule: "code" });
        Assert.Contains(result.Problems, p => p is { Column: "Number of Referrals in Last 12 Months", Value: "-1", Rule: "whole-number" });
    }

    [Fact]
    public void Semicolon_separated_files_with_a_byte_order_mark_are_read()
    {
        var csv = "\uFEFF" + Header.Replace(',', ';') + "C1;a) Male;WBRI;01/01/2015;11;03/04/2026;6;NFA\n";
        var result = Validate(1, csv);
        Assert.Empty(result.Problems);
        Assert.Equal("C1", Assert.Single(result.Valid).ChildId);
    }

    [Fact]
    public void A_contact_dated_before_the_period_the_lists_cover_is_kept_and_reported_by_its_row()
    {
        var csv = Header + "C1,a) Male,WBRI,01/01/2015,11,03/04/2026,6,NFA\n" + "C2,b) Female,WBRI,01/01/2016,10,03/04/2024,6,NFA\n";
        var result = AnnexAValidator.Validate(List1, TabularFile.ReadCsv(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "test.csv"), new DateOnly(2025, 11, 1));
        Assert.Empty(result.Problems);
        Assert.Equal(2, result.Valid.Count);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal((3, "Date of Contact", "03/04/2024", "before-period"), (warning.Row, warning.Column, warning.Value, warning.Rule));
        Assert.Contains("01/11/2025", warning.Message);
        // Without a period (no notification known), nothing is reported.
        Assert.Empty(Validate(1, csv).Warnings);
    }
}
