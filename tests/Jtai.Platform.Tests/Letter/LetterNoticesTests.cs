using System.Net;
using System.Text.Json.Nodes;
using Jtai.Platform.Tests.Lifecycle;
using Jtai.Platform.Tests.Notices;
using Xunit;
using static Jtai.Platform.Tests.Evidence.EvidenceSteps;

namespace Jtai.Platform.Tests.Letter;

/// <summary>The letter's notices arrive in smtp4dev, and the letter's milestones are met by their delivery (shared platform).</summary>
[Collection(PlatformCollection.Name)]
public sealed class LetterNoticesTests(PlatformFixture fixture)
{
    private Testing.Platform Platform => fixture.Platform;

    [Fact]
    public async Task The_draft_reaches_the_dcs_and_the_final_letter_every_addressee_with_the_questionnaire_to_the_dcs_each_meeting_its_milestone_when_delivered()
    {
        var area = NoticeSteps.FreshArea();
        var agreed = await Platform.AgreedFindings(area, "Mailton", ["police"]);
        var id = agreed.InspectionId;
        var letter = $"/api/orchestrator/inspections/{id}/letter";
        using var lead = await Platform.As(agreed.Lead);

        // An addressee without a valid address is refused by field: the letter could not be delivered to them.
        var noAddress = await (await lead.PostJson(letter, new
        {
            nextSteps = new { statementRequired = false },
            addressees = new { dcs = "Jane Doe", icb = "Sam Patel", police = "Alex Reed", masaChair = "Pat Lee", independentScrutineer = "Chris Moss", dcsEmail = "not an address" },
            signatories = Array.Empty<object>(),
        })).ExpectProblem(HttpStatusCode.BadRequest);
        Assert.NotNull(noAddress["errors"]!["addressees.dcsEmail"]);
        Assert.NotNull(noAddress["errors"]!["addressees.icbEmail"]);

        // Moving the lifecycle alone meets no letter milestone.
        var sent = await Platform.DraftSent(agreed);
        Assert.Equal("factual-accuracy", sent["stage"]!.GetValue<string>());
        var draftMail = await Platform.Mail.WaitForMail(LetterSteps.AddresseeEmail(area, "dcs"), m => m.Subject.Contains("draft letter"));
        Assert.Contains("Dear Jane Doe", draftMail.Body);
        Assert.Contains("factual accuracy", draftMail.Body);
        Assert.Contains("not for publication", draftMail.Body);
        Assert.Contains("Mailton", draftMail.Body);
        Assert.Empty(await Platform.Mail.MessagesTo(LetterSteps.AddresseeEmail(area, "chief-constable")));
        JsonNode view = null!;
        await Testing.Platform.WaitUntil(async () => (view = await (await lead.GetAsync(letter)).Expect(HttpStatusCode.OK))["draftDeliveredAt"] is JsonValue,
            TimeSpan.FromSeconds(30), "the draft's delivery to be recorded on the letter");
        var draftDelivery = Assert.Single(view["deliveries"]!.AsArray());
        Assert.Equal("letter-draft", draftDelivery.Str("notice"));
        Assert.Equal("sent", draftDelivery.Str("state"));
        var draftMilestone = (await Platform.Timeline(id)).Milestone("draft-letter");
        Assert.Equal("draft-delivered", draftMilestone.Str("metBy"));
        Assert.Equal(view["draftDeliveredAt"]!.GetValue<DateTimeOffset>(), draftMilestone["metAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal("milestone-met-by-record", (await (await lead.PostAsync($"/api/orchestrator/inspections/{id}/milestones/final-letter/met", null))
            .ExpectProblem(HttpStatusCode.Conflict))["rule"]!.GetValue<string>());

        // The final letter goes to each of its five addressees, and the questionnaire's request to the DCS (¶83–84).
        var final = await Platform.FinalIssued(agreed);
        foreach (var role in new[] { "dcs", "icb-chief-executive", "chief-constable", "masa-chair", "independent-scrutineer" })
        {
            var mail = await Platform.Mail.WaitForMail(LetterSteps.AddresseeEmail(area, role), m => m.Subject.Contains("final letter"));
            Assert.Contains("EMBARGOED until", mail.Body);
            Assert.Contains("Main findings", mail.Body);
        }
        var survey = await Platform.Mail.WaitForMail(LetterSteps.AddresseeEmail(area, "dcs"), m => m.Subject.Contains("evaluation questionnaire"));
        Assert.Contains("How well did the inspection team work with your partnership during fieldwork?", survey.Body);
        Assert.Single(await Platform.Mail.MessagesTo(LetterSteps.AddresseeEmail(area, "chief-constable")));
        await Testing.Platform.WaitUntil(async () => (view = await (await lead.GetAsync(letter)).Expect(HttpStatusCode.OK))["finalDeliveredAt"] is JsonValue,
            TimeSpan.FromSeconds(30), "the final letter's deliveries to be recorded");
        var deliveries = view["deliveries"]!.AsArray();
        Assert.Equal(7, deliveries.Count);
        Assert.All(deliveries, d => Assert.Equal("sent", d.Str("state")));
        Assert.Equal(5, deliveries.Count(d => d.Str("notice") == "letter-final"));
        var finalMilestone = (await Platform.Timeline(id)).Milestone("final-letter");
        Assert.Equal("final-letter-delivered", finalMilestone.Str("metBy"));
        Assert.Equal(view["finalDeliveredAt"]!.GetValue<DateTimeOffset>(), finalMilestone["metAt"]!.GetValue<DateTimeOffset>());
        Assert.NotNull(final["surveySentAt"]);

        // Staff see every one of them in the inspection's notices, sent by the orchestrator.
        var notices = await Platform.Notices(id);
        Assert.Equal(7, notices.Count(n => n.Str("service") == "orchestrator" && n.Str("state") == "sent"));
    }
}
