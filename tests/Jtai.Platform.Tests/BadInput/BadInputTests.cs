using System.Net;
using System.Text;
using Jtai.Platform.Tests.FollowUp;
using Xunit;

namespace Jtai.Platform.Tests.BadInput;

/// <summary>A caller's mistake is a problem naming the field, never a 500 and never a .NET type.</summary>
[Collection(PlatformCollection.Name)]
public sealed class BadInputTests(PlatformFixture fixture)
{
    private Testing.Platform Platform => fixture.Platform;

    private string Inspection(string fieldworkStart, string areaName = "Birmingham") =>
        $$"""{"localAreaCode":"E08000025","localAreaName":"{{areaName}}","theme":"front-door","fieldworkStart":{{fieldworkStart}}}""";

    private async Task<HttpResponseMessage> Schedule(string json, string contentType = "application/json")
    {
        using var lead = Platform.Client(await Platform.Tokens.Staff("lead-inspector", "ofsted"));
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(json));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return await lead.PostAsync("/api/orchestrator/inspections", content);
    }

    private string Monday => $"\"{Steps.NextFieldworkMonday(Platform.Clock):yyyy-MM-dd}\"";

    [Theory]
    [InlineData(@"Bir\u0000mingham", "NUL")]
    [InlineData(@"Bir\ud800mingham", "unpaired surrogate")]
    [InlineData(@"\udc00", "unpaired surrogate")]
    public async Task Text_PostgreSQL_cannot_store_is_a_400_naming_the_field(string areaName, string named)
    {
        var problem = await (await Schedule(Inspection(Monday, areaName))).ExpectProblem(HttpStatusCode.BadRequest);
        var message = problem["errors"]!["$.localAreaName"]![0]!.GetValue<string>();
        Assert.Contains(named, message);
    }

    [Theory]
    [InlineData("\"9999-12-31\"")]
    [InlineData("\"0001-01-01\"")]
    [InlineData("\"9999-01-04\"")]
    public async Task Dates_at_the_calendars_edges_are_a_400_naming_the_field(string fieldworkStart)
    {
        var problem = await (await Schedule(Inspection(fieldworkStart))).ExpectProblem(HttpStatusCode.BadRequest);
        Assert.Contains("1900-01-01 and 2199-12-31", problem["errors"]!["$.fieldworkStart"]![0]!.GetValue<string>());
    }

    [Theory]
    [InlineData("12", "a date")]
    [InlineData("\"next monday\"", "a date")]
    [InlineData("[\"2027-06-07\"]", "a date")]
    public async Task A_wrong_type_is_explained_in_JSON_terms_without_naming_a_dotnet_type(string fieldworkStart, string expected)
    {
        var response = await Schedule(Inspection(fieldworkStart));
        var body = await response.Content.ReadAsStringAsync();
        await response.ExpectProblem(HttpStatusCode.BadRequest);
        Assert.Contains(expected, body);
        Assert.DoesNotContain("System.", body);
        Assert.DoesNotContain("Jtai.", body);
        Assert.DoesNotContain("Exception", body);
    }

    [Fact]
    public async Task A_wrong_type_in_a_nested_record_names_the_field_not_the_record()
    {
        var body = await (await Schedule("""{"localAreaCode":{"a":1},"localAreaName":"x","theme":"front-door","fieldworkStart":"2027-06-07"}"""))
            .Content.ReadAsStringAsync();
        Assert.Contains("$.localAreaCode", body);
        Assert.DoesNotContain("Request", body);
        Assert.DoesNotContain("System.", body);
    }

    [Fact]
    public async Task JSON_in_another_charset_than_UTF_8_is_a_415_problem()
    {
        var response = await Schedule(Inspection(Monday), "application/json; charset=utf-7");
        var problem = await response.ExpectProblem(HttpStatusCode.UnsupportedMediaType);
        Assert.Contains("UTF-8", problem["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_NUL_in_a_path_or_query_value_is_a_400_and_the_query_parameter_is_named()
    {
        using var cqc = Platform.Client(await Platform.Tokens.Staff("inspector", "cqc"));
        // In the path Kestrel refuses it before any endpoint (400 without a body); in the query the service names it.
        (await cqc.GetAsync("/api/cqc/areas/E080%0000025/contacts")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var query = await (await cqc.GetAsync("/api/cqc/follow-ups?inspectionId=%00")).ExpectProblem(HttpStatusCode.BadRequest);
        Assert.NotNull(query["errors"]!["inspectionId"]);
    }

    [Fact]
    public async Task A_follow_up_date_in_British_Summer_Time_is_scheduled()
    {
        var action = FollowUpSteps.PriorityAction(Platform, ["health"]);
        await Platform.Publish(action);
        var followUp = await Platform.FollowUpOf("cqc", action);
        await Platform.WaitForState("cqc", followUp.Id(), "manager-notified");
        var today = Platform.Today();
        var summer = new DateOnly(today.Month < 5 ? today.Year : today.Year + 1, 6, 1);   // London is at +01:00 then
        using var cqc = Platform.Client(await Platform.Tokens.Staff("inspector", "cqc"));
        var scheduled = await (await cqc.PostJson($"/api/cqc/follow-ups/{followUp.Id()}/management-review-meeting",
            new { on = summer, attendees = new[] { "Inspection manager" } })).Expect(HttpStatusCode.OK);
        Assert.Equal("review-meeting-scheduled", scheduled.State());
        Assert.Equal(summer, scheduled.Deadline("management-review-meeting")["dueOn"]!.Date());
    }
}
