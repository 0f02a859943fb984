using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Jtai.Ofsted.Data;
using Jtai.Ofsted.InformationExchange;
using Jtai.Testing.AnnexA;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Jtai.Platform.Tests.InformationRequests;

/// <summary>The local authority's child-level data lists 1–5 (¶95) through the gateway, on the real stack.</summary>
[Collection(PlatformCollection.Name)]
public sealed class AnnexAUploadTests(PlatformFixture fixture)
{
    private Testing.Platform Platform => fixture.Platform;
    private DateOnly Today => DateOnly.FromDateTime(Platform.Clock.GetUtcNow().UtcDateTime);

    [Fact]
    public async Task A_realistic_set_of_lists_1_to_5_is_stored_read_by_the_team_with_an_audit_trail_and_ticked_on_the_checklist()
    {
        var id = await Platform.InspectionWithTeam();
        var area = new AnnexAFiles(seed: 4, Today, children: 1500);
        var lists = new[]
        {
            area.List(1, 3000, variedHeaders: true), area.List(2, 900), area.List(3, 1400, variedHeaders: true),
            area.List(4, 1000), area.List(5, 500, variedHeaders: true),
        };
        using var la = Platform.Client(await Platform.Tokens.Partner(Steps.Area, "local-authority"));
        foreach (var list in lists)
        {
            var stored = await (await la.UploadList(id, list.Number, list.ToCsvBytes(), $"list{list.Number}.csv")).Expect(HttpStatusCode.Created);
            Assert.Equal(list.Rows.Count, stored["rowsStored"]!.GetValue<int>());
            Assert.Equal(0, stored["rowsRefused"]!.GetValue<int>());
            Assert.Equal(1, stored["version"]!.GetValue<int>());
            Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(list.ToCsvBytes())), stored["sha256"]!.GetValue<string>());
        }

        // The team reads the rows, codes normalised whichever form they came in; each read is audited.
        using var lead = Platform.Client(await Platform.Tokens.Staff("lead-inspector", "ofsted"));
        var page = await (await lead.GetAsync($"{Exchange.Base(id)}/annex-a/lists/1/rows?take=3000")).Expect(HttpStatusCode.OK);
        Assert.Equal(3000, page["total"]!.GetValue<int>());
        var rows = page["rows"]!.AsArray();
        Assert.Equal(3000, rows.Count);
        Assert.All(rows, r => Assert.DoesNotContain(")", r!["ethnicity"]!.GetValue<string>()));
        Assert.Contains(rows, r => r!["source"]!.GetValue<string>() == "6");
        for (var i = 0; i < 50; i++)
        {
            Assert.Equal(ExpectedCode(lists[0].Rows[i][6]), rows[i]!["source"]!.GetValue<string>());
            Assert.Equal(ExpectedCode(lists[0].Rows[i][2]), rows[i]!["ethnicity"]!.GetValue<string>());
        }
        // An unborn child: age -1 and no date of birth.
        Assert.Contains(rows, r => r!["age"]!.GetValue<int>() == -1);
        Assert.All(rows.Where(r => r!["age"]!.GetValue<int>() == -1), r => Assert.Null(r!["dateOfBirth"]));
        Assert.Equal(lists[0].Rows[0][7], rows[0]!["fields"]!["contactOutcome"]!.GetValue<string>());

        var log = await lead.AllPages($"{Exchange.Base(id)}/audit-log");
        Assert.Contains(log, e => e!["userId"]!.GetValue<string>() == Exchange.Lead && e["what"]!.GetValue<string>() == "annex-a/list-1 rows");

        // A re-upload replaces the list and keeps the previous upload as history.
        var again = area.List(2, 950);
        var second = await (await la.UploadList(id, 2, again.ToCsvBytes(), "list2-corrected.csv")).Expect(HttpStatusCode.Created);
        Assert.Equal(2, second["version"]!.GetValue<int>());
        var uploads = await la.AllPages($"{Exchange.Base(id)}/annex-a/uploads");
        var list2 = uploads.Where(u => u!["list"]!.GetValue<int>() == 2).ToList();
        Assert.Equal(2, list2.Count);
        Assert.Null(list2.Single(u => u!["version"]!.GetValue<int>() == 2)!["supersededAt"]);
        Assert.NotNull(list2.Single(u => u!["version"]!.GetValue<int>() == 1)!["supersededAt"]);
        var current = await (await lead.GetAsync($"{Exchange.Base(id)}/annex-a/lists/2/rows?take=1")).Expect(HttpStatusCode.OK);
        Assert.Equal(950, current["total"]!.GetValue<int>());

        // The orchestrator's checklist: every list received from the local authority, on time.
        using var orchestrator = Platform.Client(await Platform.Tokens.Staff("inspector", "cqc"));
        for (var list = 1; list <= 5; list++)
        {
            var item = await orchestrator.ChecklistItemReceived(id, $"annex-a/list-{list}", "local-authority");
            Assert.Equal("on-time", item["status"]!.GetValue<string>());
        }
        await Testing.Platform.WaitUntil(async () => (await orchestrator.ChecklistItem(id, "annex-a/list-2"))["deliveries"]![0]!["version"]!.GetValue<int>() == 2,
            TimeSpan.FromSeconds(20), "the re-upload on the checklist");
    }

    [Fact]
    public async Task A_contact_dated_two_years_before_notification_is_kept_and_flagged_with_its_row_never_accepted_silently()
    {
        var id = await Platform.InspectionWithTeam();
        static string D(DateOnly d) => d.ToString("dd/MM/yyyy");
        var csv = "Child Unique ID,Gender,Ethnicity,Date of Birth,Age,Date of Contact,Contact Source,Contact outcome\n"
                  + $"P1,a) Male,a) WBRI,{D(Today.AddYears(-9).AddDays(-1))},9,{D(Today.AddDays(-20))},q) 6: Police,Referral to children's social care\n"
                  + $"P2,b) Female,a) WBRI,{D(Today.AddYears(-12).AddDays(-1))},12,{D(Today.AddYears(-2))},e) 2A: Schools,NFA\n";
        using var la = Platform.Client(await Platform.Tokens.Partner(Steps.Area, "local-authority"));
        var stored = await (await la.UploadList(id, 1, Encoding.UTF8.GetBytes(csv), "list1.csv")).Expect(HttpStatusCode.Created);
        Assert.Equal(2, stored["rowsStored"]!.GetValue<int>());
        Assert.Equal(1, stored["rowsBeforePeriod"]!.GetValue<int>());
        // ¶8: the lists cover the six months before notification; the old contact is named by its row and column.
        Assert.Equal(Today.AddMonths(-6).ToString("yyyy-MM-dd"), stored["periodFrom"]!.GetValue<string>());
        var warning = Assert.Single(stored["warnings"]!.AsArray())!;
        Assert.Equal(3, warning["row"]!.GetValue<int>());
        Assert.Equal("Date of Contact", warning["column"]!.GetValue<string>());
        Assert.Equal("before-period", warning["rule"]!.GetValue<string>());
        // The team sees the same on the list of uploads.
        using var lead = Platform.Client(await Platform.Tokens.Staff("lead-inspector", "ofsted"));
        var uploads = await lead.AllPages($"{Exchange.Base(id)}/annex-a/uploads");
        Assert.Equal(1, Assert.Single(uploads)!["rowsBeforePeriod"]!.GetValue<int>());
    }

    [Fact]
    public async Task An_xlsx_workbook_with_a_sheet_per_list_is_read_with_its_date_cells()
    {
        var id = await Platform.InspectionWithTeam();
        var area = new AnnexAFiles(seed: 7, Today, children: 300);
        var list4 = area.List(4, 400);
        var workbook = AnnexAFiles.ToXlsx(area.List(3, 50), list4);
        using var la = Platform.Client(await Platform.Tokens.Partner(Steps.Area, "local-authority"));

        var stored = await (await la.UploadList(id, 4, workbook, "annex-a.xlsx")).Expect(HttpStatusCode.Created);
        Assert.Equal(400, stored["rowsStored"]!.GetValue<int>());
        Assert.Equal("xlsx", stored["format"]!.GetValue<string>());

        using var lead = Platform.Client(await Platform.Tokens.Staff("lead-inspector", "ofsted"));
        var page = await (await lead.GetAsync($"{Exchange.Base(id)}/annex-a/lists/4/rows?take=1")).Expect(HttpStatusCode.OK);
        var row = page["rows"]![0]!;
        var expected = list4.Rows[0];
        Assert.Equal(expected[0], row["childId"]!.GetValue<string>());
        Assert.Equal(DateOnly.ParseExact(expected[6], "dd/MM/yyyy").ToString("yyyy-MM-dd"), row["eventDate"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_file_with_bad_rows_is_refused_whole_naming_row_column_value_and_rule_and_nothing_is_stored()
    {
        var id = await Platform.InspectionWithTeam();
        var list = new AnnexAFiles(seed: 11, Today, children: 200).List(1, 1000);
        list.Rows[9][3] = "31/02/2026";           // row 11: no such date
        list.Rows[19][1] = "x) Robot";            // row 21: not a gender code
        list.Rows[29][4] = "30";                  // row 31: not a child's age
        list.Rows[39][2] = "a) BAFR";             // row 41: letter a is WBRI, not BAFR
        using var la = Platform.Client(await Platform.Tokens.Partner(Steps.Area, "local-authority"));

        var problem = await (await la.UploadList(id, 1, list.ToCsvBytes())).ExpectProblem(HttpStatusCode.BadRequest);
        var problems = problem["problems"]!.AsArray();
        Assert.Equal(4, problem["problemCount"]!.GetValue<int>());
        void Has(int row, string column, string value, string rule) =>
            Assert.Contains(problems, p => p!["row"]!.GetValue<int>() == row && p["column"]!.GetValue<string>() == column
                && p["value"]!.GetValue<string>() == value && p["rule"]!.GetValue<string>() == rule);
        Has(11, "Date of Birth", "31/02/2026", "date");
        Has(21, "Gender", "x) Robot", "code");
        Has(31, "Age", "30", "age");
        Has(41, "Ethnicity", "a) BAFR", "code");
        Assert.NotNull(problem["errors"]!["row 11, column Date of Birth"]);

        // Nothing stored: no upload, no rows, nothing on the checklist.
        using var lead = Platform.Client(await Platform.Tokens.Staff("lead-inspector", "ofsted"));
        Assert.Empty(await lead.AllPages($"{Exchange.Base(id)}/annex-a/uploads"));
        (await lead.GetAsync($"{Exchange.Base(id)}/annex-a/lists/1/rows")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // Headers it cannot place are named precisely, and the missing JTAI column too.
        var headers = "Child Unique ID,Gender,Ethnicity,Date of Birth,Age,Date of Contact,Contact Source,Favourite colour\n" +
                      "C000001,a) Male,WBRI,01/02/2015,10,03/04/2026,6,blue\n";
        var refused = await (await la.UploadList(id, 1, Encoding.UTF8.GetBytes(headers))).ExpectProblem(HttpStatusCode.BadRequest);
        var headerProblems = refused["problems"]!.AsArray();
        Assert.Contains(headerProblems, p => p!["rule"]!.GetValue<string>() == "unrecognised-header" && p["value"]!.GetValue<string>() == "Favourite colour");
        Assert.Contains(headerProblems, p => p!["rule"]!.GetValue<string>() == "missing-column" && p["column"]!.GetValue<string>() == "Contact outcome");
    }

    [Fact]
    public async Task Asked_to_keep_the_valid_rows_the_exchange_stores_them_and_keeps_the_problems_with_the_upload()
    {
        var id = await Platform.InspectionWithTeam();
        var list = new AnnexAFiles(seed: 12, Today, children: 200).List(3, 600);
        list.Rows[0][5] = "2026-03-01";           // row 2: not dd/mm/yyyy
        list.Rows[1][6] = "zz) Carrier pigeon";   // row 3: not a source
        list.Rows[2][0] = "";                     // row 4: no child id
        using var la = Platform.Client(await Platform.Tokens.Partner(Steps.Area, "local-authority"));

        var stored = await (await la.UploadList(id, 3, list.ToCsvBytes(), keepValidRows: true)).Expect(HttpStatusCode.Created);
        Assert.Equal(597, stored["rowsStored"]!.GetValue<int>());
        Assert.Equal(3, stored["rowsRefused"]!.GetValue<int>());
        Assert.True(stored["keptValidRows"]!.GetValue<bool>());
        var kept = stored["problems"]!.AsArray();
        Assert.Contains(kept, p => p!["row"]!.GetValue<int>() == 2 && p["column"]!.GetValue<string>() == "Date of Referral" && p["rule"]!.GetValue<string>() == "date");
        Assert.Contains(kept, p => p!["row"]!.GetValue<int>() == 3 && p["column"]!.GetValue<string>() == "Referral Source");
        Assert.Contains(kept, p => p!["row"]!.GetValue<int>() == 4 && p["column"]!.GetValue<string>() == "Child Unique ID" && p["rule"]!.GetValue<string>() == "required");

        using var lead = Platform.Client(await Platform.Tokens.Staff("lead-inspector", "ofsted"));
        var page = await (await lead.GetAsync($"{Exchange.Base(id)}/annex-a/lists/3/rows?take=1")).Expect(HttpStatusCode.OK);
        Assert.Equal(597, page["total"]!.GetValue<int>());
        Assert.Equal(5, page["rows"]![0]!["row"]!.GetValue<int>());
    }

    [Fact]
    public async Task Text_with_commas_quotes_and_line_breaks_is_stored_exactly_as_sent()
    {
        var id = await Platform.InspectionWithTeam();
        var list = new AnnexAFiles(seed: 15, Today, children: 50).List(1, 120);
        const string outcome = "Advice given, \"see notes\"\nthen closed";
        list.Rows[0][7] = outcome;
        list.Rows[1][0] = "C-\"17\",b";
        using var la = Platform.Client(await Platform.Tokens.Partner(Steps.Area, "local-authority"));
        await (await la.UploadList(id, 1, list.ToCsvBytes(), "list1.csv")).Expect(HttpStatusCode.Created);

        using var lead = Platform.Client(await Platform.Tokens.Staff("lead-inspector", "ofsted"));
        var rows = (await (await lead.GetAsync($"{Exchange.Base(id)}/annex-a/lists/1/rows?take=2")).Expect(HttpStatusCode.OK))["rows"]!.AsArray();
        Assert.Equal(outcome, rows[0]!["fields"]!["contactOutcome"]!.GetValue<string>());
        Assert.Equal("C-\"17\",b", rows[1]!["childId"]!.GetValue<string>());
        Assert.Equal(list.Rows[1][7], rows[1]!["fields"]!["contactOutcome"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_file_refused_on_its_last_row_leaves_no_row_behind_even_in_an_idempotent_request_whose_repeat_gets_the_same_refusal()
    {
        var id = await Platform.InspectionWithTeam();
        var list = new AnnexAFiles(seed: 13, Today, children: 300).List(1, 4000);
        list.Rows[^1][4] = "99";                  // row 4001: not a child's age, after 3,999 rows already on their way to PostgreSQL
        using var la = Platform.Client(await Platform.Tokens.Partner(Steps.Area, "local-authority"));
        var key = Guid.NewGuid().ToString();

        var problem = await (await la.SendAsync(IdempotentUpload(id, list.ToCsvBytes(), key))).ExpectProblem(HttpStatusCode.BadRequest);
        var only = Assert.Single(problem["problems"]!.AsArray())!;
        Assert.Equal((4001, "Age", "age"), (only["row"]!.GetValue<int>(), only["column"]!.GetValue<string>(), only["rule"]!.GetValue<string>()));
        Assert.Equal(4000, problem["rowsRead"]!.GetValue<int>());
        var repeat = await la.SendAsync(IdempotentUpload(id, list.ToCsvBytes(), key));
        await repeat.ExpectProblem(HttpStatusCode.BadRequest);
        Assert.Equal("true", repeat.Headers.GetValues("Idempotent-Replayed").Single());

        Assert.Equal(0, await StoredRows(id));
        using var lead = Platform.Client(await Platform.Tokens.Staff("lead-inspector", "ofsted"));
        Assert.Empty(await lead.AllPages($"{Exchange.Base(id)}/annex-a/uploads"));
    }

    [Fact]
    public async Task A_csv_file_whose_quoting_breaks_after_thousands_of_good_rows_is_refused_as_unreadable_and_leaves_no_row_behind()
    {
        var id = await Platform.InspectionWithTeam();
        var csv = new AnnexAFiles(seed: 14, Today, children: 300).List(1, 3000).ToCsv() + "C9,a) \"Male,WBRI,01/01/2015,11,03/04/2026,6,NFA\n";
        using var la = Platform.Client(await Platform.Tokens.Partner(Steps.Area, "local-authority"));

        var problem = await (await la.UploadList(id, 1, Encoding.UTF8.GetBytes(csv), "list1.csv")).ExpectProblem(HttpStatusCode.BadRequest);
        Assert.Contains("could not be read as Csv", problem["errors"]!["file"]![0]!.GetValue<string>());
        Assert.Equal(0, await StoredRows(id));
    }

    private static HttpRequestMessage IdempotentUpload(Guid id, byte[] csv, string key)
    {
        // A client repeating a request sends the same bytes: one boundary for both, where HttpClient would pick a new one each time.
        var file = new ByteArrayContent(csv);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse("text/csv");
        var content = new MultipartFormDataContent("annex-a-repeated-upload") { { file, "file", "list1.csv" } };
        var request = new HttpRequestMessage(HttpMethod.Post, $"{Exchange.Base(id)}/annex-a/lists/1") { Content = content };
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }

    /// <summary>Rows of the inspection in Ofsted's database, current or not: what a refused upload must not leave.</summary>
    private async Task<int> StoredRows(Guid inspectionId)
    {
        await using var scope = Platform.Services("ofsted").CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OfstedDbContext>().Set<AnnexARow>().CountAsync(r => r.InspectionId == inspectionId);
    }

    /// <summary>The code a generated cell carries: "q) 6: Police" → "6", "a) WBRI" → "WBRI", "6" → "6".</summary>
    private static string ExpectedCode(string cell)
    {
        var text = cell.Contains(") ") ? cell[(cell.IndexOf(") ", StringComparison.Ordinal) + 2)..] : cell;
        return text.Contains(':') ? text[..text.IndexOf(':')] : text;
    }
}
