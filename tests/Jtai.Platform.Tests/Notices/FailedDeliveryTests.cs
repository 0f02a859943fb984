using System.Net;
using System.Text.Json.Nodes;
using Jtai.Platform.Tests.Evidence;
using Jtai.Testing;
using Xunit;
using static Jtai.Platform.Tests.Evidence.EvidenceSteps;

namespace Jtai.Platform.Tests.Notices;

/// <summary>
/// Its own platform: Ofsted's mail server is at a port where nothing listens (until a test starts
/// one there), and retries wait ten minutes of the movable clock, so each attempt is the test's to trigger.
/// </summary>
public sealed class FailedDeliveryFixture : PlatformFixture
{
    public int OfstedSmtpPort { get; } = Testing.ServiceHost<Jtai.Gateway.GatewayService>.FreePort();

    protected override PlatformOptions Options => new()
    {
        Settings = (service, settings) =>
        {
            settings["Notices:RetryIntervals:0"] = "00:10:00";
            settings["Notices:RetryIntervals:1"] = "00:10:00";
            settings["Notices:Smtp:Timeout"] = "00:00:05";
            if (service == "ofsted") settings["Notices:Smtp:Port"] = OfstedSmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        },
    };
}

[CollectionDefinition(Name)]
public sealed class FailedDeliveryCollection : ICollectionFixture<FailedDeliveryFixture>
{
    public const string Name = "notices-failed-delivery";
}

[Collection(FailedDeliveryCollection.Name)]
public sealed class FailedDeliveryTests(FailedDeliveryFixture fixture)
{
    private Testing.Platform Platform => fixture.Platform;

    [Fact]
    public async Task A_delivery_that_keeps_failing_is_retried_then_shown_failed_and_one_retried_after_the_server_returns_is_delivered()
    {
        var lead = new Member("fd-ofsted-lead", "ofsted", "lead-inspector");
        var id = await Platform.InspectionWithTeam(NoticeSteps.FreshArea(), "Failshire", lead);
        using var client = await Platform.As(lead);
        var first = await Raise(client, id, "first");

        var notice = await Platform.WaitForNotice(id, n => n.Str("regarding") == $"issue-of-concern/{first}" && n.Str("state") == "retried",
            "the first attempt to fail and a retry to be scheduled");
        Assert.Equal(1, notice["attempts"]!.GetValue<int>());
        Assert.Contains("SocketException", notice.Str("error"));
        Platform.Clock.Advance(TimeSpan.FromMinutes(11));
        await Platform.WaitForNotice(id, n => n.Str("regarding") == $"issue-of-concern/{first}" && n["attempts"]!.GetValue<int>() == 2,
            "the second attempt");
        Platform.Clock.Advance(TimeSpan.FromMinutes(11));
        notice = await Platform.WaitForNotice(id, n => n.Str("regarding") == $"issue-of-concern/{first}" && n.Str("state") == "failed",
            "the delivery to rest as failed after its last attempt");
        Assert.Equal(3, notice["attempts"]!.GetValue<int>());

        // Failed is visible to operations across inspections, and the senior officer is not counted as notified.
        using var operations = Platform.Client(await Platform.Tokens.Operations());
        var failed = (await (await operations.GetAsync("/api/orchestrator/operations/notices?state=failed")).Expect(HttpStatusCode.OK)).AsArray();
        Assert.Contains(failed, n => n!.Str("regarding") == $"issue-of-concern/{first}" && n.Str("service") == "ofsted");
        (await operations.GetAsync("/api/orchestrator/operations/notices?state=lost")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        using var partner = Platform.Client(await Platform.Tokens.Partner("E08000025", "police"));
        (await partner.GetAsync("/api/orchestrator/operations/notices")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var issue = await (await client.GetAsync($"/api/ofsted/issues-of-concern/inspections/{id}/{first}")).Expect(HttpStatusCode.OK);
        Assert.Null(issue["seniorOfficerNotifiedAt"]);

        // A second notice fails once; the mail server comes back before its retry, which delivers it.
        var second = await Raise(client, id, "second");
        await Platform.WaitForNotice(id, n => n.Str("regarding") == $"issue-of-concern/{second}" && n.Str("state") == "retried",
            "the second notice's first attempt to fail");
        await using var mailServer = await MailServer.Start(fixture.OfstedSmtpPort);
        Platform.Clock.Advance(TimeSpan.FromMinutes(11));
        var mail = await mailServer.WaitForMail(Officer(id, "second"));
        Assert.Contains("Issue of concern", mail.Subject);
        notice = await Platform.WaitForNotice(id, n => n.Str("regarding") == $"issue-of-concern/{second}" && n.Str("state") == "sent",
            "the retried notice to be sent");
        Assert.Equal(2, notice["attempts"]!.GetValue<int>());
        await Testing.Platform.WaitUntil(async () =>
            (await (await client.GetAsync($"/api/ofsted/issues-of-concern/inspections/{id}/{second}")).Expect(HttpStatusCode.OK))["seniorOfficerNotifiedAt"] is JsonValue,
            TimeSpan.FromSeconds(15), "the senior officer to count as notified once delivered");
        Assert.Empty(await mailServer.MessagesTo(Officer(id, "first")));
    }

    private static string Officer(Guid id, string which) => $"{which}-{id:N}@police.example.gov.uk";

    private static async Task<Guid> Raise(HttpClient client, Guid id, string which) =>
        (await (await client.PostJson($"/api/ofsted/issues-of-concern/inspections/{id}", new
        {
            category = "failure-to-follow-child-protection-procedures", description = "No strategy discussion after a police referral.",
            childReference = "7001", agency = "police", seniorOfficerName = "D.I.", seniorOfficerRole = "Head of public protection",
            seniorOfficerEmail = Officer(id, which),
        })).Expect(HttpStatusCode.Created))["id"]!.GetValue<Guid>();
}
