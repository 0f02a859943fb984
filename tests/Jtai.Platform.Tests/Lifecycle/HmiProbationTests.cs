using System.Net;
using System.Text.Json.Nodes;
using Jtai.Calendar.Registry;
using Jtai.Contracts.Events;
using Jtai.Inspectorate.Data;
using Jtai.Inspectorate.Evidence;
using Jtai.Inspectorate.FollowUp;
using Jtai.Inspectorate.Notification;
using Jtai.Messaging;
using Jtai.Platform.Tests.Letter;
using Jtai.Testing;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using static Jtai.Platform.Tests.Evidence.EvidenceSteps;

namespace Jtai.Platform.Tests.Lifecycle;

/// <summary>A platform running every inspectorate of the registry: the three of a joint inspection and HMI Probation.</summary>
public sealed class EveryInspectorateFixture : PlatformFixture
{
    protected override PlatformOptions Options => new() { Inspectorates = InspectorateRegistry.Current.Keys };
}

[CollectionDefinition(Name)]
public sealed class EveryInspectorateCollection : ICollectionFixture<EveryInspectorateFixture>
{
    public const string Name = "every-inspectorate";
}

/// <summary>
/// HMI Probation joined as a fourth inspectorate (the programme note ¶1–2): an entry in the registry, a framework that
/// names it, and its own service. It takes part only where a theme's framework names it; elsewhere it hears of the
/// inspection and keeps nothing.
/// </summary>
[Collection(EveryInspectorateCollection.Name)]
public sealed class HmiProbationTests(EveryInspectorateFixture fixture)
{
    private const string Probation = "hmiprobation";
    private const string Theme = "youth-justice-and-criminal-exploitation";
    private Testing.Platform Platform => fixture.Platform;

    [Fact]
    public async Task In_a_front_door_inspection_HMI_Probation_keeps_no_copy_notifies_nobody_and_follows_nothing_up()
    {
        const string area = "E06000018";
        await Platform.SetContact(Probation, area, "youth-justice-service-head", "Yusuf Head");
        await Platform.SetContact("ofsted", area, "dcs", "Dana Director");
        var lead = new Member($"lead-{area}", "ofsted", "lead-inspector");
        var id = await Platform.InspectionWithTeam(area, "Nottingham", lead);
        await (await Platform.Transition(id, "notified")).Expect(HttpStatusCode.OK);
        await Platform.NotifiedKnownTo("ofsted", id);

        // Even a priority action for the youth justice service is not HMI Probation's where it does not take part.
        await using (var bus = await TestBus.Start(Platform))
            await bus.Publish(new PriorityActionIdentified(id, Guid.NewGuid(), area, "Nottingham", ["youth-justice"], false,
                "Children supervised by the youth justice service are not referred when exploitation is suspected.", null, null,
                Platform.Clock.GetUtcNow(), ["ofsted", "cqc", "hmicfrs"]), ctx => ctx.MessageId = NewId.NextGuid());

        await Testing.Platform.WaitUntil(async () => await Handled(id, typeof(InspectionScheduled)) && await Handled(id, typeof(InspectionTransitioned))
                && await Handled(id, typeof(PriorityActionIdentified)),
            TimeSpan.FromSeconds(60), "HMI Probation to have handled the front-door inspection's messages");
        await using (var scope = Platform.Services(Probation).CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<InspectorateDbContext>();
            Assert.False(await db.Inspections.AnyAsync(i => i.InspectionId == id), "no copy");
            Assert.False(await db.TeamMembers.AnyAsync(t => t.InspectionId == id), "no team");
            Assert.False(await db.Set<InspectionNotification>().AnyAsync(n => n.InspectionId == id), "nobody notified");
            Assert.False(await db.Set<EvidenceRecord>().AnyAsync(r => r.InspectionId == id), "no evidence");
            Assert.False(await db.Set<FollowUpCase>().AnyAsync(f => f.InspectionId == id), "no follow-up");
        }
        using (var probation = Platform.Client(await Platform.Tokens.Staff("inspector", Probation)))
            (await probation.GetAsync($"/api/{Probation}/inspections/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // Completeness asks the three taking part; the action falls to Ofsted, which leads.
        using var leadClient = await Platform.As(lead);
        var completeness = await (await leadClient.GetAsync($"/api/orchestrator/inspections/{id}/evidence-completeness")).Expect(HttpStatusCode.OK);
        Assert.Equal(["ofsted", "cqc", "hmicfrs"], completeness["inspectorates"]!.AsArray().Select(i => i!["inspectorate"]!.GetValue<string>()));

        // The inspection says who takes part, so a partner (who may not read frameworks) asks only their services.
        using var localAuthority = Platform.Client(await Platform.Tokens.Partner(area, "local-authority"));
        var seen = await (await localAuthority.GetAsync($"/api/orchestrator/inspections/{id}")).Expect(HttpStatusCode.OK);
        Assert.Equal(["ofsted", "cqc", "hmicfrs"], seen["inspectorates"]!.AsArray().Select(i => i!.GetValue<string>()));
    }

    [Fact]
    public async Task In_a_theme_that_names_HMI_Probation_it_is_notified_records_evidence_follows_up_and_signs_the_letter()
    {
        const string area = "E08000012";
        const string areaName = "Liverpool";
        await Platform.SetContact(Probation, area, "youth-justice-service-head", "Yasmin Head");
        await Platform.SetContact(Probation, area, "probation-delivery-unit-head", "Pat Unit");
        await Platform.SetContact("ofsted", area, "dcs", "Dana Director");

        var scheduled = await Platform.ScheduleInspection(area, areaName, Theme);
        var id = scheduled["id"]!.GetValue<Guid>();
        Assert.Equal(["ofsted", "cqc", "hmicfrs", Probation], scheduled["inspectorates"]!.AsArray().Select(i => i!.GetValue<string>()));
        foreach (var inspectorate in InspectorateRegistry.Current.Keys) await Platform.CopyHeldBy(inspectorate, id);
        var lead = new Member($"lead-{area}", "ofsted", "lead-inspector");
        var qa = new Member($"qa-{area}", "ofsted", "qa-manager");
        var probationLead = new Member($"probation-lead-{area}", Probation, "lead-inspector");
        // Assign waits until each inspectorate taking part, HMI Probation among them, knows the team.
        await Platform.Assign(id, lead, qa, probationLead);

        // Notified: HMI Probation writes to the heads of the youth justice service and the probation delivery unit.
        await (await Platform.Transition(id, "notified")).Expect(HttpStatusCode.OK);
        await Platform.NotifiedKnownTo(Probation, id);
        using (var manager = Platform.Client(await Platform.Tokens.Staff("manager", Probation)))
        {
            var sent = await (await manager.GetAsync($"/api/{Probation}/inspections/{id}/notifications")).Expect(HttpStatusCode.OK);
            Assert.Equal(["probation-delivery-unit-head:Pat Unit", "youth-justice-service-head:Yasmin Head"],
                sent.AsArray().Select(n => $"{n!["role"]}:{n["name"]}").Order());
        }
        // The notice names the four inspectorates taking part (the framework's), in the registry's words.
        var notice = await Platform.Mail.WaitForMail($"youth-justice-service-head@{area.ToLowerInvariant()}.example.gov.uk", timeout: TimeSpan.FromSeconds(60));
        Assert.Contains("and His Majesty's Inspectorate of Probation (HMI Probation) inspect together", notice.Body.ReplaceLineEndings(" "));
        Assert.Contains("head of the youth justice service", notice.Body);

        // Evidence: HMI Probation's own records, under its own retention; completeness asks all four.
        using var probationClient = await Platform.As(probationLead);
        await probationClient.WriteRecord(Probation, id, new
        {
            source = "case-sampling", sourceDetail = "single-agency", gatheredAt = Platform.Clock.GetUtcNow().AddHours(-2), meetingAt = (DateTimeOffset?)null,
            criteria = new[] { "EC5" }, agencies = new[] { "youth-justice", "probation" },
            text = "The youth offending team shared its exploitation screening with children's social care the same day.", people = Array.Empty<object>(),
        });
        await using (var scope = Platform.Services(Probation).CreateAsyncScope())
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<InspectorateDbContext>().Set<EvidenceRecord>().CountAsync(r => r.InspectionId == id));
        using var leadClient = await Platform.As(lead);
        var completeness = await (await leadClient.GetAsync($"/api/orchestrator/inspections/{id}/evidence-completeness")).Expect(HttpStatusCode.OK);
        Assert.Equal(["ofsted", "cqc", "hmicfrs", Probation], completeness["inspectorates"]!.AsArray().Select(i => i!["inspectorate"]!.GetValue<string>()));

        // A priority action for the youth justice service is HMI Probation's to follow up.
        await AgreeFindings(id, leadClient, qa);
        var action = (await Platform.Published<PriorityActionIdentified>(id)).Single();
        Assert.Contains(Probation, action.Inspectorates!);
        using var probationManager = Platform.Client(await Platform.Tokens.Staff("manager", Probation));
        List<JsonNode> followUp = [];
        await Testing.Platform.WaitUntil(async () =>
            (followUp = await probationManager.AllPages($"/api/{Probation}/follow-ups?inspectionId={id}")).Count == 1,
            TimeSpan.FromSeconds(30), "HMI Probation to open its follow-up");
        var path = $"/api/{Probation}/follow-ups/{followUp[0]["id"]}";
        Assert.Equal("improvement-monitoring", followUp[0]["process"]!.GetValue<string>());
        var early = await (await probationManager.PostJson($"{path}/close", new { on = "2027-01-04", decision = "Done" })).ExpectProblem(HttpStatusCode.Conflict);
        Assert.NotNull(early["rule"]);
        var due = Platform.Clock.GetUtcNow().AddDays(40).ToString("yyyy-MM-dd");
        var requested = await (await probationManager.PostJson($"{path}/improvement-plan-request", new { requestedOf = "Chair of the youth justice management board", dueOn = due }))
            .Expect(HttpStatusCode.OK);
        Assert.Equal("plan-requested", requested["state"]!.GetValue<string>());
        Assert.Equal("improvement-plan", requested["deadlines"]![0]!["name"]!.GetValue<string>());
        var today = Jtai.Calendar.WorkingDays.LondonTime.Today(Platform.Clock).ToString("yyyy-MM-dd");
        await (await probationManager.PostJson($"{path}/improvement-plan-received", new { receivedOn = today, summary = "Joint screening with the exploitation hub." })).Expect(HttpStatusCode.OK);
        var accepted = await (await probationManager.PostJson($"{path}/improvement-plan-accepted", new { on = today, decision = "The plan answers the action." })).Expect(HttpStatusCode.OK);
        Assert.Equal("monitoring", accepted["state"]!.GetValue<string>());
        await (await probationManager.PostJson($"{path}/progress", new { on = today, kind = "youth-justice-inspection", note = "Brought forward to the spring." })).Expect(HttpStatusCode.OK);
        // The youth justice service reads what is asked of it through the gateway.
        using (var partner = Platform.Client(await Platform.Tokens.Partner(area, "youth-justice")))
        {
            var asked = await partner.AllPages($"/api/{Probation}/partner/follow-ups");
            Assert.Equal(id, asked.Single()["inspectionId"]!.GetValue<Guid>());
        }

        // The letter is signed for the four: one without HMI Probation's signatory is refused, naming it.
        var letter = $"/api/orchestrator/inspections/{id}/letter";
        var unsigned = await (await leadClient.PostJson(letter, LetterSteps.DraftRequest(area: area))).ExpectProblem(HttpStatusCode.BadRequest);
        Assert.Contains(Probation, unsigned["errors"]!["signatories"]![0]!.GetValue<string>());
        var drafted = await (await leadClient.PostJson(letter, SignedForFour(area))).Expect(HttpStatusCode.Created);
        var content = drafted["content"]!;
        Assert.Equal(["ofsted", "cqc", "hmicfrs", Probation], content["signatories"]!.AsArray().Select(s => s!["inspectorate"]!.GetValue<string>()));
        Assert.Contains("and His Majesty's Inspectorate of Probation (HMI Probation) carried out a joint inspection", content["opening"]!.GetValue<string>());
        using var qaClient = await Platform.As(qa);
        await (await qaClient.PostAsync($"{letter}/quality-assurance", null)).Expect(HttpStatusCode.OK);
        foreach (var inspectorate in InspectorateRegistry.Current.Keys)
        {
            using var agreeing = Platform.Client(await Platform.Tokens.Staff("manager", inspectorate, $"manager-{inspectorate}"));
            await (await agreeing.PostAsync($"{letter}/agreements", null)).Expect(HttpStatusCode.OK);
        }
        await (await leadClient.PostAsync($"{letter}/draft/send", null)).Expect(HttpStatusCode.OK);
    }

    /// <summary>A summary in Ofsted's shared record, a strength and a priority action for the youth justice service, confirmed and agreed; then drafting.</summary>
    private async Task AgreeFindings(Guid id, HttpClient leadClient, Member qa)
    {
        var summaryId = (await (await leadClient.PostJson($"/api/ofsted/shared-record/inspections/{id}/entries", new
        {
            kind = "evaluative-summary", text = "Exploitation screening is shared quickly; youth justice referrals are not.", criteria = new[] { "EC5", "EC6" },
        })).Expect(HttpStatusCode.Created))["id"]!.GetValue<Guid>();
        var path = $"/api/orchestrator/inspections/{id}/findings";
        var ids = new List<Guid>();
        foreach (var (kind, text, agencies) in new[]
        {
            ("strength", "Exploitation screening is shared with children's social care the same day", new[] { "youth-justice" }),
            ("area-for-priority-action", "Children supervised by the youth justice service are not referred when exploitation is suspected", new[] { "youth-justice" }),
        })
        {
            var fid = (await (await leadClient.PostJson(path, new { kind, text, agencies, services = "the youth offending team", criteria = new[] { "EC6" } }))
                .Expect(HttpStatusCode.Created))["id"]!.GetValue<Guid>();
            await (await leadClient.PostJson($"{path}/{fid}/links", new { summaryId })).Expect(HttpStatusCode.OK);
            ids.Add(fid);
        }
        using var qaClient = await Platform.As(qa);
        foreach (var fid in ids) await (await qaClient.PostAsync($"{path}/{fid}/confirm-links", null)).Expect(HttpStatusCode.OK);
        await (await leadClient.PostAsync($"{path}/agree", null)).Expect(HttpStatusCode.OK);
        foreach (var stage in new[] { "information-gathering", "fieldwork", "drafting" })
            await (await leadClient.PostJson($"/api/orchestrator/inspections/{id}/transitions", new { to = stage, reason = "HMI Probation test" })).Expect(HttpStatusCode.OK);
    }

    private static object SignedForFour(string area) => new
    {
        nextSteps = new { statementRequired = true, leadAgency = "local-authority", cooperatingAgencies = new[] { "youth-justice", "probation" } },
        addressees = new
        {
            dcs = "Dana Director", icb = "Ian Board", police = "Chief Constable Chris Constable", masaChair = "Pat Lee", independentScrutineer = "Chris Moss",
            dcsEmail = LetterSteps.AddresseeEmail(area, "dcs"), icbEmail = LetterSteps.AddresseeEmail(area, "icb-chief-executive"),
            policeEmail = LetterSteps.AddresseeEmail(area, "chief-constable"), masaChairEmail = LetterSteps.AddresseeEmail(area, "masa-chair"),
            independentScrutineerEmail = LetterSteps.AddresseeEmail(area, "independent-scrutineer"),
        },
        signatories = new[]
        {
            new { inspectorate = "ofsted", name = "Yvette Stanley", title = "National Director, Regulation and Social Care" },
            new { inspectorate = "cqc", name = "Dr Sean O'Kelly", title = "Chief Inspector of Healthcare" },
            new { inspectorate = "hmicfrs", name = "Michelle Skeer", title = "His Majesty's Inspector of Constabulary" },
            new { inspectorate = Probation, name = "Martin Jones", title = "His Majesty's Chief Inspector of Probation" },
        },
    };

    /// <summary>HMI Probation's inbox recorded a message of this type for the inspection: it arrived and was handled.</summary>
    private async Task<bool> Handled(Guid id, Type messageType)
    {
        await using var scope = Platform.Services(Probation).CreateAsyncScope();
        var name = MessageTypes.NameOf(messageType);
        return await scope.ServiceProvider.GetRequiredService<InspectorateDbContext>().InboxMessages.AnyAsync(m => m.InspectionId == id && m.MessageType == name);
    }
}
