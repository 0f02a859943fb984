using System.Net;
using System.Text.Json.Nodes;
using Jtai.Platform.Tests.Evidence;
using Jtai.Platform.Tests.Letter;
using Jtai.Platform.Tests.Lifecycle;
using Jtai.Testing;
using Xunit;
using static Jtai.Platform.Tests.Evidence.EvidenceSteps;

namespace Jtai.Platform.Tests.Notices;

/// <summary>
/// Its own platform: Ofsted's and the orchestrator's mail servers are at ports where nothing listens (until a test starts
/// one there), and retries wait ten minutes of the movable clock, so each attempt is the test's to trigger.
/// </summary>
public sealed class FailedDeliveryFixture : PlatformFixture
{
    public int OfstedSmtpPort { get; } = Testing.ServiceHost<Jtai.Gateway.GatewayService>.FreePort();
    public int OrchestratorSmtpPort { get; } = Testing.ServiceHost<Jtai.Gateway.GatewayService>.FreePort();

    protected override PlatformOptions Options => new()
    {
        Settings = (service, settings) =>
        {
            settings["Notices:RetryIntervals:0"] = "00:10:00";
            settings["Notices:RetryIntervals:1"] = "00:10:00";
            settings["Notices:Smtp:Timeout"] = "00:00:05";
            if (service == "ofsted") settings["Notices:Smtp:Port"] = OfstedSmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (service == "orchestrator") settings["Notices:Smtp:Port"] = OrchestratorSmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
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
        var failed = await operations.AllPages("/api/orchestrator/operations/notices?state=failed&limit=200");
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

    [Fact]
    public async Task A_draft_letter_that_could_not_be_delivered_rests_failed_until_the_lead_retries_it_and_only_its_delivery_meets_the_milestone()
    {
        var area = NoticeSteps.FreshArea();
        var agreed = await Platform.AgreedFindings(area, "Bouncebury", ["police"]);
        var letter = $"/api/orchestrator/inspections/{agreed.InspectionId}/letter";
        using var lead = await Platform.As(agreed.Lead);
        await Platform.DraftSent(agreed);

        async Task<JsonNode> Draft(Func<JsonNode, bool> match, string what)
        {
            JsonNode? found = null;
            await Testing.Platform.WaitUntil(async () =>
            {
                var view = await (await lead.GetAsync(letter)).Expect(HttpStatusCode.OK);
                found = view["deliveries"]!.AsArray().FirstOrDefault(d => d!.Str("notice") == "letter-draft" && match(d!));
                return found is not null;
            }, TimeSpan.FromSeconds(30), what);
            return found!;
        }
        await Draft(d => d.Str("state") == "retried", "the draft's first attempt to fail");
        Platform.Clock.Advance(TimeSpan.FromMinutes(11));
        await Draft(d => d["attempts"]!.GetValue<int>() == 2, "the draft's second attempt");
        Platform.Clock.Advance(TimeSpan.FromMinutes(11));
        var failed = await Draft(d => d.Str("state") == "failed", "the draft's delivery to rest as failed");
        Assert.Contains("SocketException", failed.Str("lastError"));
        // The lifecycle moved, but the DCS does not have the draft: the milestone is not met.
        Assert.Null((await Platform.Timeline(agreed.InspectionId)).Milestone("draft-letter")["metAt"]);
        var deliveryId = failed["id"]!.GetValue<Guid>();

        using var cqcInspector = Platform.Client(await Platform.Tokens.Staff("inspector", "cqc", "fd-cqc"));
        (await cqcInspector.PostAsync($"{letter}/deliveries/{deliveryId}/retry", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await lead.PostAsync($"{letter}/deliveries/{Guid.NewGuid()}/retry", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await using var mailServer = await MailServer.Start(fixture.OrchestratorSmtpPort);
        var retried = await (await lead.PostAsync($"{letter}/deliveries/{deliveryId}/retry", null)).Expect(HttpStatusCode.OK);
        Assert.Equal("retried", retried.Str("state"));
        var mail = await mailServer.WaitForMail(LetterSteps.AddresseeEmail(area, "dcs"));
        Assert.Contains("draft letter", mail.Subject);
        var sent = await Draft(d => d.Str("state") == "sent", "the retried draft to be delivered");
        Assert.Equal(4, sent["attempts"]!.GetValue<int>());
        await Testing.Platform.WaitUntil(async () => (await Platform.Timeline(agreed.InspectionId)).Milestone("draft-letter")["metBy"] is JsonValue v
            && v.GetValue<string>() == "draft-delivered", TimeSpan.FromSeconds(30), "the draft-letter milestone to be met by the delivery");
        Assert.Equal("retry-failed-deliveries-only", (await (await lead.PostAsync($"{letter}/deliveries/{deliveryId}/retry", null))
            .ExpectProblem(HttpStatusCode.Conflict))["rule"]!.GetValue<string>());
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
