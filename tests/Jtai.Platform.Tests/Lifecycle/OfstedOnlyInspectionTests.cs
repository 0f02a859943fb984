using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Jtai.Calendar.WorkingDays;
using Jtai.Contracts.Events;
using Jtai.Inspectorate.Data;
using Jtai.Inspectorate.Evidence;
using Jtai.Inspectorate.FollowUp;
using Jtai.Inspectorate.Notification;
using Jtai.Inspectorate.Retention;
using Jtai.Messaging;
using Jtai.Platform.Tests.Letter;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using static Jtai.Platform.Tests.Evidence.EvidenceSteps;

namespace Jtai.Platform.Tests.Lifecycle;

/// <summary>
/// The Ofsted-only inspection (2015 consultation, Part 2 ¶31–34) is framework data run through the same lifecycle:
/// eight working days' notice, a week on site, three Ofsted inspectors, a letter of key strengths and recommendations
/// with one signatory, an action plan, and the follow-up Ofsted's. CQC and HMICFRS hear of it and keep nothing.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class OfstedOnlyInspectionTests(PlatformFixture fixture)
{
    private const string Area = "E06000014";
    private const string AreaName = "York";
    private static readonly string[] Others = ["cqc", "hmicfrs"];

    private Testing.Platform Platform => fixture.Platform;

    [Fact]
    public async Task An_Ofsted_only_inspection_runs_from_notification_to_letter_with_eight_days_notice_and_no_CQC_or_HMICFRS()
    {
        await Platform.SetContact("ofsted", Area, "dcs", "Dana Director");
        // CQC and HMICFRS have contacts for the area: they would notify them in a joint inspection.
        await Platform.SetContact("cqc", Area, "icb-chief-executive", "Ian Board");
        await Platform.SetContact("hmicfrs", Area, "chief-constable", "Chris Constable");

        var fieldwork = Steps.NextFieldworkMonday(Platform.Clock);
        var id = (await Platform.ScheduleInspection(Area, AreaName, "ofsted-only", fieldwork))["id"]!.GetValue<Guid>();

        // Eight working days' notice; fieldwork Monday to Friday.
        var calendar = WorkingDayCalendar.England();
        var timeline = await Platform.Timeline(id);
        Assert.Equal(calendar.AddWorkingDays(fieldwork, -8).ToString("yyyy-MM-dd"), timeline.Milestone("notification")["date"]!.GetValue<string>());
        Assert.Equal(fieldwork.AddDays(4).ToString("yyyy-MM-dd"), timeline.Milestone("fieldwork-end")["date"]!.GetValue<string>());

        await Platform.CopyHeldBy("ofsted", id);
        // A team of three Ofsted inspectors (one the lead) and Ofsted's QA manager; nobody of another inspectorate.
        var lead = new Member($"lead-{Area}", "ofsted", "lead-inspector");
        var inspector = new Member($"inspector-{Area}", "ofsted", "inspector");
        var second = new Member($"second-{Area}", "ofsted", "inspector");
        var qa = new Member($"qa-{Area}", "ofsted", "qa-manager");
        await Platform.Assign(id, lead, inspector, second, qa);
        using (var manager = Platform.Client(await Platform.Tokens.Staff("manager", "ofsted", "ofsted-team-manager")))
        {
            var refused = await (await manager.PutAsJsonAsync($"/api/orchestrator/inspections/{id}/team/cqc-{Area}",
                new { name = "Inspector CQC", inspectorate = "cqc", teamRole = "inspector" }, Api.Json)).ExpectProblem(HttpStatusCode.BadRequest);
            Assert.Contains("does not take part", refused["errors"]!["inspectorate"]![0]!.GetValue<string>());
        }

        // Only Ofsted notifies; the notification milestone is met by Ofsted's notice alone.
        await (await Platform.Transition(id, "notified")).Expect(HttpStatusCode.OK);
        await Platform.NotifiedKnownTo("ofsted", id);
        using (var ofsted = Platform.Client(await Platform.Tokens.Staff("inspector", "ofsted")))
        {
            var sent = await (await ofsted.GetAsync($"/api/ofsted/inspections/{id}/notifications")).Expect(HttpStatusCode.OK);
            Assert.Contains("dcs:direct:Dana Director", sent.AsArray().Select(n => $"{n!["role"]}:{n["channel"]}:{n["name"]}"));
        }
        await Testing.Platform.WaitUntil(async () => (await Platform.Timeline(id)).Milestone("notification")["metAt"] is not null,
            TimeSpan.FromSeconds(60), "the notification milestone to be met by Ofsted's delivered notice");

        // Evidence is Ofsted's; completeness asks Ofsted alone.
        using var leadClient = await Platform.As(lead);
        using var inspectorClient = await Platform.As(inspector);
        await inspectorClient.WriteRecord("ofsted", id, Record(Platform.Clock.GetUtcNow()));
        var completeness = await (await leadClient.GetAsync($"/api/orchestrator/inspections/{id}/evidence-completeness")).Expect(HttpStatusCode.OK);
        Assert.Equal(["ofsted"], completeness["inspectorates"]!.AsArray().Select(i => i!["inspectorate"]!.GetValue<string>()));

        var findings = await Platform.AgreeOfstedOnlyFindings(id, leadClient, qa);
        foreach (var stage in new[] { "information-gathering", "fieldwork", "drafting" })
            await (await leadClient.PostJson($"/api/orchestrator/inspections/{id}/transitions", new { to = stage, reason = "Ofsted-only test" })).Expect(HttpStatusCode.OK);

        // A priority action about health is Ofsted's to follow up, coordinated with nobody.
        var action = (await Platform.Published<PriorityActionIdentified>(id)).Single();
        Assert.Equal(["ofsted"], action.Inspectorates);
        Assert.False(action.Coordinated);
        await Testing.Platform.WaitUntil(async () => await FollowUps("ofsted", id) == 1, TimeSpan.FromSeconds(30), "Ofsted to open its follow-up");

        // The letter: one signatory, Ofsted's; a CQC signatory is refused, naming the field.
        var letter = $"/api/orchestrator/inspections/{id}/letter";
        var threeSigned = await (await leadClient.PostJson(letter, DraftRequest(withOthers: true))).ExpectProblem(HttpStatusCode.BadRequest);
        Assert.Contains("does not take part", threeSigned["errors"]!["signatories[1].inspectorate"]![0]!.GetValue<string>());
        var drafted = await (await leadClient.PostJson(letter, DraftRequest(withOthers: false))).Expect(HttpStatusCode.Created);
        var content = drafted["content"]!;
        Assert.Equal("strengths-and-recommendations", content["form"]!.GetValue<string>());
        Assert.Equal(["ofsted"], content["signatories"]!.AsArray().Select(s => s!["inspectorate"]!.GetValue<string>()));
        Assert.StartsWith("Targeted inspection of", content["opening"]!.GetValue<string>());
        Assert.Contains("Ofsted alone", content["opening"]!.GetValue<string>());
        var headings = drafted["paragraphs"]!.AsArray().Select(p => p!["heading"]?.GetValue<string>()).Distinct().ToList();
        Assert.Equal([null, "Headline findings", "Key strengths", "Areas for priority action", "Recommendations", "Main findings", "Next steps"], headings);
        var nextSteps = drafted["paragraphs"]!.AsArray().Single(p => p!["key"]!.GetValue<string>() == "next-steps")!["text"]!.GetValue<string>();
        Assert.Contains("post-inspection action plan", nextSteps);

        // Ofsted's senior manager alone agrees it; CQC's has no letter to agree.
        using var qaClient = await Platform.As(qa);
        await (await qaClient.PostAsync($"{letter}/quality-assurance", null)).Expect(HttpStatusCode.OK);
        using (var cqcManager = Platform.Client(await Platform.Tokens.Staff("manager", "cqc", "manager-cqc")))
        {
            var refused = await (await cqcManager.PostAsync($"{letter}/agreements", null)).ExpectProblem(HttpStatusCode.Conflict);
            Assert.Equal("inspectorate-takes-part", refused["rule"]!.GetValue<string>());
        }
        using (var ofstedManager = Platform.Client(await Platform.Tokens.Staff("manager", "ofsted", "manager-ofsted")))
            await (await ofstedManager.PostAsync($"{letter}/agreements", null)).Expect(HttpStatusCode.OK);
        await (await leadClient.PostAsync($"{letter}/draft/send", null)).Expect(HttpStatusCode.OK);
        var final = await Platform.FinalIssued(new LetterSteps.Agreed(id, Area, lead, qa, findings));
        Assert.Single(final["content"]!["signatories"]!.AsArray());

        // CQC and HMICFRS heard of the inspection, its notification and its priority action, and kept nothing of it.
        foreach (var other in Others)
        {
            await Testing.Platform.WaitUntil(async () => await Handled(other, id, typeof(InspectionScheduled)) && await Handled(other, id, typeof(InspectionTransitioned))
                    && await Handled(other, id, typeof(PriorityActionIdentified)),
                TimeSpan.FromSeconds(30), $"{other} to have handled the inspection's messages");
            await using var scope = Platform.Services(other).CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<InspectorateDbContext>();
            Assert.False(await db.Inspections.AnyAsync(i => i.InspectionId == id), $"{other} keeps no copy");
            Assert.False(await db.Set<InspectionNotification>().AnyAsync(n => n.InspectionId == id), $"{other} notifies nobody");
            Assert.False(await db.Set<EvidenceRecord>().AnyAsync(r => r.InspectionId == id), $"{other} holds no evidence");
            Assert.False(await db.Set<FollowUpCase>().AnyAsync(f => f.InspectionId == id), $"{other} follows nothing up");
            Assert.False(await db.Set<InspectionRetention>().AnyAsync(r => r.InspectionId == id), $"{other} retains nothing");
            using var client = Platform.Client(await Platform.Tokens.Staff("inspector", other));
            (await client.GetAsync($"/api/{other}/inspections/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }
        Assert.Equal(1, await FollowUps("ofsted", id));
    }

    private static object DraftRequest(bool withOthers) => new
    {
        nextSteps = new { statementRequired = true, leadAgency = "local-authority", cooperatingAgencies = Array.Empty<string>() },
        addressees = new
        {
            dcs = "Dana Director", icb = "Ian Board", police = "Chief Constable Chris Constable", masaChair = "Pat Lee", independentScrutineer = "Chris Moss",
            dcsEmail = "dcs@letter.ofsted-only.example.gov.uk", icbEmail = "icb@letter.ofsted-only.example.gov.uk",
            policeEmail = "chief-constable@letter.ofsted-only.example.gov.uk", masaChairEmail = "masa-chair@letter.ofsted-only.example.gov.uk",
            independentScrutineerEmail = "scrutineer@letter.ofsted-only.example.gov.uk",
        },
        signatories = withOthers
            ? new[]
            {
                new { inspectorate = "ofsted", name = "Yvette Stanley", title = "National Director, Regulation and Social Care" },
                new { inspectorate = "cqc", name = "Dr Sean O'Kelly", title = "Chief Inspector of Healthcare" },
                new { inspectorate = "hmicfrs", name = "Michelle Skeer", title = "His Majesty's Inspector of Constabulary" },
            }
            : [new { inspectorate = "ofsted", name = "Yvette Stanley", title = "National Director, Regulation and Social Care" }],
    };

    private async Task<int> FollowUps(string service, Guid id)
    {
        await using var scope = Platform.Services(service).CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<InspectorateDbContext>().Set<FollowUpCase>().CountAsync(f => f.InspectionId == id);
    }

    /// <summary>The service's inbox recorded a message of this type for the inspection: it arrived and was handled.</summary>
    private async Task<bool> Handled(string service, Guid id, Type messageType)
    {
        await using var scope = Platform.Services(service).CreateAsyncScope();
        var name = MessageTypes.NameOf(messageType);
        return await scope.ServiceProvider.GetRequiredService<InspectorateDbContext>().InboxMessages.AnyAsync(m => m.InspectionId == id && m.MessageType == name);
    }
}
