using System.Net;
using System.Text.Json.Nodes;
using Jtai.Platform.Tests.Evidence;
using Jtai.Platform.Tests.Lifecycle;
using Xunit;
using static Jtai.Platform.Tests.Evidence.EvidenceSteps;

namespace Jtai.Platform.Tests.Notices;

/// <summary>Notices really leave the platform: each arrives in smtp4dev, and "notified" means delivered.</summary>
[Collection(PlatformCollection.Name)]
public sealed class NoticeDeliveryTests(PlatformFixture fixture)
{
    private Testing.Platform Platform => fixture.Platform;

    [Fact]
    public async Task Each_inspectorate_notifies_its_own_leaders_by_mail_and_they_count_as_notified_once_it_is_delivered()
    {
        var area = NoticeSteps.FreshArea();
        await Platform.SetContact("ofsted", area, "dcs", "Dana Director");
        await Platform.SetContact("ofsted", area, "masa-chair", "Mo Chair");
        await Platform.SetContact("cqc", area, "icb-chief-executive", "Ian Board");
        await Platform.SetContact("cqc", area, "executive-lead-safeguarding-children", "Erin Lead");
        await Platform.SetContact("hmicfrs", area, "chief-constable", "Chris Constable");
        await Platform.SetContact("hmicfrs", area, "force-liaison-officer", "Fay Liaison");
        var id = (await Platform.ScheduleInspection(area, "Testshire"))["id"]!.GetValue<Guid>();
        foreach (var inspectorate in new[] { "ofsted", "cqc", "hmicfrs" }) await Platform.CopyHeldBy(inspectorate, id);

        await (await Platform.Transition(id, "notified")).Expect(HttpStatusCode.OK);

        // ¶16: each inspectorate's own leaders, each from that inspectorate.
        var expected = new Dictionary<string, string>
        {
            ["dcs"] = "ofsted", ["icb-chief-executive"] = "cqc", ["executive-lead-safeguarding-children"] = "cqc",
            ["chief-constable"] = "hmicfrs", ["force-liaison-officer"] = "hmicfrs",
        };
        foreach (var (role, from) in expected)
        {
            var mail = await Platform.Mail.WaitForMail(NoticeSteps.ContactAddress(area, role));
            Assert.Equal($"{from}@jtai.localhost", mail.From);
            Assert.Equal("Joint targeted area inspection of Testshire: notification", mail.Subject);
            Assert.Contains("Fieldwork starts on", mail.Body);
        }
        // ¶17: the DCS is asked to notify the MASA chair (named, Ofsted knows them) and the scrutineer (no contact on record).
        var dcs = await Platform.Mail.WaitForMail(NoticeSteps.ContactAddress(area, "dcs"));
        Assert.Contains("Mo Chair", dcs.Body);
        Assert.Contains("person responsible for independent scrutiny", dcs.Body);
        // Nobody else was mailed directly by the inspectorates: the DCS passes it on.
        Assert.Empty(await Platform.Mail.MessagesTo(NoticeSteps.ContactAddress(area, "masa-chair")));

        using var ofsted = Platform.Client(await Platform.Tokens.Staff("inspector", "ofsted"));
        JsonArray records = [];
        await Testing.Platform.WaitUntil(async () =>
        {
            records = (await (await ofsted.GetAsync($"/api/ofsted/inspections/{id}/notifications")).Expect(HttpStatusCode.OK)).AsArray();
            return records.Count == 3 && records.Where(r => !r!["contactMissing"]!.GetValue<bool>()).All(r => r!["notifiedAt"] is JsonValue);
        }, TimeSpan.FromSeconds(20), "Ofsted's notifications to count as delivered");
        var direct = records.Single(r => r!.Str("role") == "dcs")!;
        Assert.Equal("sent", direct.Str("deliveryState"));
        Assert.Equal(direct["notifiedAt"]!.GetValue<DateTimeOffset>(), records.Single(r => r!.Str("role") == "masa-chair")!["notifiedAt"]!.GetValue<DateTimeOffset>());
        var scrutineer = records.Single(r => r!.Str("role") == "independent-scrutineer")!;
        Assert.True(scrutineer["contactMissing"]!.GetValue<bool>());

        // Staff see every notice of the inspection, from all three services, delivered.
        await Testing.Platform.WaitUntil(async () =>
        {
            var notices = await Platform.Notices(id);
            return notices.Count == 5 && notices.All(n => n!.Str("state") == "sent" && n!["attempts"]!.GetValue<int>() == 1);
        }, TimeSpan.FromSeconds(20), "five notification notices summarised as sent");
        var services = (await Platform.Notices(id)).Select(n => n!.Str("service")).Order().ToList();
        Assert.Equal(["cqc", "cqc", "hmicfrs", "hmicfrs", "ofsted"], services);
    }

    [Fact]
    public async Task An_issue_of_concern_reaches_the_senior_officer_at_once_with_the_case_reference_only()
    {
        var lead = new Member("nd-ofsted-lead", "ofsted", "lead-inspector");
        var raiser = new Member("nd-cqc-1", "cqc", "inspector");
        var area = NoticeSteps.FreshArea();
        var id = await Platform.InspectionWithTeam(area, "Concernshire", lead, raiser);
        using var client = await Platform.As(raiser);
        var officer = $"safeguarding-lead-{id:N}@icb.example.nhs.uk";
        var raised = await (await client.PostJson($"/api/ofsted/issues-of-concern/inspections/{id}", new
        {
            category = "child-at-immediate-risk",
            description = "Child 8812 (P.Q.) discharged from A&E to an address known for domestic abuse with no referral made.",
            childReference = "8812", agency = "health",
            seniorOfficerName = "Dr S.O.", seniorOfficerRole = "Designated nurse for safeguarding", seniorOfficerEmail = officer,
        })).Expect(HttpStatusCode.Created);
        var issueId = raised["id"]!.GetValue<Guid>();

        var mail = await Platform.Mail.WaitForMail(officer);
        Assert.Equal("ofsted@jtai.localhost", mail.From);
        Assert.Contains("8812", mail.Body);
        Assert.Contains("child at immediate risk", mail.Body);
        Assert.Contains($"/api/ofsted/issues-of-concern/inspections/{id}/{issueId}", mail.Body);
        // The concern's detail stays on the platform (¶76): only the case reference travels by mail.
        Assert.DoesNotContain("P.Q.", mail.Body);
        Assert.DoesNotContain("domestic abuse", mail.Body);

        var notice = await Platform.WaitForNotice(id, n => n.Str("regarding") == $"issue-of-concern/{issueId}" && n.Str("state") == "sent",
            "the issue of concern notice summarised as sent");
        Assert.Equal("senior-officer", notice.Str("recipientRole"));
        await Testing.Platform.WaitUntil(async () =>
            (await (await client.GetAsync($"/api/ofsted/issues-of-concern/inspections/{id}/{issueId}")).Expect(HttpStatusCode.OK))["seniorOfficerNotifiedAt"] is JsonValue,
            TimeSpan.FromSeconds(15), "the senior officer to count as notified");
    }
}
