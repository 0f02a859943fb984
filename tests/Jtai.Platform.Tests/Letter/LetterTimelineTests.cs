using System.Net;
using Jtai.Calendar.WorkingDays;
using Jtai.Contracts.Events;
using Jtai.Inspectorate.Data;
using Jtai.Inspectorate.Evidence;
using Jtai.Inspectorate.Retention;
using Jtai.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using static Jtai.Platform.Tests.Evidence.EvidenceSteps;

namespace Jtai.Platform.Tests.Letter;

/// <summary>A platform of its own: these tests move the clock by months. Evidence is kept one month after publication here.</summary>
public sealed class LetterTimelineFixture : PlatformFixture
{
    protected override PlatformOptions Options => new()
    {
        Settings = (_, settings) =>
        {
            settings["Retention:PeriodMonths"] = "1";
            settings["Retention:PollInterval"] = "00:00:00.300";
        },
    };
}

[CollectionDefinition(Name)]
public sealed class LetterTimelineCollection : ICollectionFixture<LetterTimelineFixture>
{
    public const string Name = "letter-timeline";
}

[Collection(LetterTimelineCollection.Name)]
public sealed class LetterTimelineTests(LetterTimelineFixture fixture)
{
    private static readonly string[] Services = ["ofsted", "cqc", "hmicfrs"];
    private Testing.Platform Platform => fixture.Platform;

    [Fact]
    public async Task From_agreed_findings_to_publication_and_the_statement_of_action_with_a_complaint_holding_the_evidence_in_every_service()
    {
        // A priority action for the local authority and health together: coordinated, so the departments see the letter first (¶110).
        var agreed = await Platform.AgreedFindings("E08000051", "Coventry", ["local-authority", "health"]);
        var id = agreed.InspectionId;
        var letter = $"/api/orchestrator/inspections/{id}/letter";
        var action = Assert.Single(await Platform.Published<PriorityActionIdentified>(id));
        Assert.True(action.Coordinated);
        Assert.Equal(["local-authority", "health"], action.Agencies);

        var cqcInspector = new Member("tl-cqc-1", "cqc", "inspector");
        await Platform.Assign(id, cqcInspector);
        using (var cqc = await Platform.As(cqcInspector))
            await cqc.WriteRecord("cqc", id, Record(Platform.Clock.GetUtcNow()));

        // Fieldwork is over and the draft is due (+15 working days after it).
        using (var staff = await Platform.As(agreed.Lead))
        {
            var fieldworkStart = DateOnly.Parse((await (await staff.GetAsync($"/api/orchestrator/inspections/{id}")).Expect(HttpStatusCode.OK))["fieldworkStart"]!.GetValue<string>());
            Platform.Clock.AdvanceTo(new DateTimeOffset(fieldworkStart.AddDays(35).ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero));
        }
        // ¶89: the police raise a concern informally during the inspection; a later complaint names it.
        using var policePartner = Platform.Client(await Platform.Tokens.Partner(agreed.Area, "police", "police-coventry"));
        var concern = await (await policePartner.PostJson($"/api/orchestrator/inspections/{id}/informal-concerns",
            new { raisedWith = "lead-inspector", text = "The priority action misreads our attendance figures." })).Expect(HttpStatusCode.Created);
        await Platform.DraftSent(agreed);
        var final = await Platform.FinalIssued(agreed);
        Assert.Equal("concern-before-final-letter", (await (await policePartner.PostJson($"/api/orchestrator/inspections/{id}/informal-concerns",
            new { raisedWith = "qa-manager", text = "Too late for this." })).ExpectProblem(HttpStatusCode.Conflict))["rule"]!.GetValue<string>());
        Assert.True(final["departmentsRequired"]!.GetValue<bool>());
        Assert.Null(final["publicationAt"]);
        var letterDate = DateOnly.Parse(final["letterDate"]!.GetValue<string>());
        var plannedPublication = final["plannedPublicationAt"]!.GetValue<DateTimeOffset>();
        var nextSteps = final["paragraphs"]!.AsArray().Single(p => p!["key"]!.GetValue<string>() == "next-steps")!["text"]!.GetValue<string>();
        Assert.Contains("must make a written statement of proposed action", nextSteps);
        Assert.Contains(final["content"]!["nextSteps"]!["dueOn"]!.GetValue<string>() is { } dueText ? DateOnly.Parse(dueText).ToString("d MMMM yyyy") : "?", nextSteps);

        // A complaint under embargo: Ofsted investigates, and every service keeps the evidence while it is open.
        using var police = Platform.Client(await Platform.Tokens.Partner(agreed.Area, "police", "police-coventry"));
        using (var health = Platform.Client(await Platform.Tokens.Partner(agreed.Area, "health", "icb-coventry")))
            Assert.NotNull((await (await health.PostJson($"/api/orchestrator/inspections/{id}/complaints", new
            {
                kind = "process-or-findings", text = "Not ours to name.", requestWithdrawal = false, informalConcernId = concern["id"]!.GetValue<Guid>(),
            })).ExpectProblem(HttpStatusCode.BadRequest))["errors"]!["informalConcernId"]);
        var complaint = await (await police.PostJson($"/api/orchestrator/inspections/{id}/complaints", new
        {
            kind = "process-or-findings", text = "The priority action misreads our attendance figures.", requestWithdrawal = false,
            informalConcernId = concern["id"]!.GetValue<Guid>(),
        })).Expect(HttpStatusCode.Created);
        var linked = (await (await police.GetAsync($"/api/orchestrator/inspections/{id}/informal-concerns")).Expect(HttpStatusCode.OK)).AsArray().Single()!;
        Assert.Equal(complaint["id"]!.GetValue<Guid>(), linked["complaintId"]!.GetValue<Guid>());
        Assert.Equal("ofsted", complaint["handledBy"]!.GetValue<string>());
        await WaitInAll(async db => await db.Set<LegalHold>().AnyAsync(h => h.InspectionId == id && h.ReleasedAt == null), "the complaint's legal hold");

        // The planned publication passes, but the departments have not seen the letter: still embargoed.
        using var anonymous = Platform.Client();
        Platform.Clock.AdvanceTo(plannedPublication.AddMinutes(1));
        (await anonymous.GetAsync($"/api/orchestrator/published-letters/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var lead = await Platform.As(agreed.Lead);
        var unknown = await (await lead.PostJson($"{letter}/departments", new { departments = new[] { "Department for Education", "Ministry of Magic" } }))
            .ExpectProblem(HttpStatusCode.BadRequest);
        Assert.NotNull(unknown["errors"]!["departments[1]"]);
        var shared = await (await lead.PostJson($"{letter}/departments", new { departments = new[] { "Department for Education", "Department of Health and Social Care", "Home Office" } }))
            .Expect(HttpStatusCode.OK);
        Assert.Null(shared["departmentsSharedAt"]);
        // ¶110: the departments have the letter once it is delivered to each of them; only then does the embargo lift.
        foreach (var address in new[] { "jtai-letters@education.gov.uk", "jtai-letters@dhsc.gov.uk", "jtai-letters@homeoffice.gov.uk" })
            Assert.Contains("before publication", (await Platform.Mail.WaitForMail(address, m => m.Body.Contains("Coventry"))).Subject);
        await Testing.Platform.WaitUntil(async () => (await anonymous.GetAsync($"/api/orchestrator/published-letters/{id}")).StatusCode == HttpStatusCode.OK,
            TimeSpan.FromSeconds(60), "the letter to be published once the departments have it");
        Assert.Equal("published", (await (await lead.GetAsync(letter)).Expect(HttpStatusCode.OK))["stage"]!.GetValue<string>());
        Assert.Equal("departments-shared", (await (await lead.PostJson($"{letter}/departments", new { departments = new[] { "Home Office" } }))
            .ExpectProblem(HttpStatusCode.Conflict))["rule"]!.GetValue<string>());
        var response = await anonymous.GetAsync($"/api/orchestrator/published-letters/{id}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        Assert.StartsWith("text/html", response.Content.Headers.ContentType!.ToString());
        var published = await response.Content.ReadAsStringAsync();
        Assert.Contains("Coventry", published);
        Assert.DoesNotContain("EMBARGOED", published);
        Assert.Contains("Areas for priority action", await anonymous.GetStringAsync($"/api/orchestrator/published-letters/{id}/text"));
        Assert.Contains(await anonymous.AllPages("/api/orchestrator/published-letters"), l => l["inspectionId"]!.GetValue<Guid>() == id);

        // Publication moved the lifecycle and reached the inspectorates (their retention starts); a month on, the hold keeps CQC's records.
        await Testing.Platform.WaitUntil(async () => (await (await lead.GetAsync($"/api/orchestrator/inspections/{id}")).ReadJson())["status"]!.GetValue<string>() == "published",
            TimeSpan.FromSeconds(20), "the inspection to be published");
        // Annex B: the local authority's and health's follow-ups (and no police one) carry the letter's date and the day it was published.
        var publishedOn = LondonTime.Today(Platform.Clock);
        foreach (var inspectorate in new[] { "ofsted", "cqc" })
            await Testing.Platform.WaitUntil(async () =>
            {
                var followUp = await FollowUp.FollowUpSteps.FollowUpOf(Platform, inspectorate, action);
                return followUp["letterDate"]?.GetValue<string>() == letterDate.ToString("yyyy-MM-dd")
                       && followUp["publishedDate"]?.GetValue<string>() == publishedOn.ToString("yyyy-MM-dd");
            }, TimeSpan.FromSeconds(30), $"{inspectorate}'s follow-up to carry the letter's dates");
        using (var hmicfrs = Platform.Client(await Platform.Tokens.Staff("inspector", "hmicfrs")))
            Assert.Empty(await hmicfrs.AllPages($"/api/hmicfrs/follow-ups?inspectionId={id}"));
        await WaitInAll(async db => await db.Set<InspectionRetention>().AnyAsync(r => r.InspectionId == id && r.TriggeredAt != null), "publication");
        Platform.Clock.Advance(TimeSpan.FromDays(33));
        var heldDay = Today();
        await WaitInAll(async db => await db.Set<PurgeLogEntry>().AnyAsync(p => p.Day == heldDay && p.InspectionsHeld >= 1), $"the held purge of {heldDay}");
        Assert.Equal(1, await CqcRecords(id));

        // Outside the window now (10 working days after publication): refused, with the window's dates.
        var refused = await (await police.PostJson($"/api/orchestrator/inspections/{id}/complaints", new { kind = "conduct", text = "Late", inspectorate = "cqc", inspectorName = "A. Inspector" }))
            .ExpectProblem(HttpStatusCode.Conflict);
        Assert.Equal("complaint-window", refused["rule"]!.GetValue<string>());
        Assert.Equal(letterDate, DateOnly.Parse(refused["windowOpens"]!.GetValue<string>()));
        Assert.True(DateOnly.Parse(refused["windowCloses"]!.GetValue<string>()) > letterDate);
        Assert.Contains(refused["windowCloses"]!.GetValue<string>(), refused["detail"]!.GetValue<string>());

        // The acknowledgement is overdue (5 working days); Ofsted appoints a lead investigator, acknowledges, shares the response with all, sends it.
        var complaintPath = $"/api/orchestrator/inspections/{id}/complaints/{complaint["id"]}";
        using var ofstedManager = Platform.Client(await Platform.Tokens.Staff("manager", "ofsted", "ofsted-complaints"));
        await Testing.Platform.WaitUntil(async () => (await (await ofstedManager.GetAsync(complaintPath)).ReadJson())["acknowledgementOverdue"]!.GetValue<bool>(),
            TimeSpan.FromSeconds(20), "the acknowledgement to be flagged overdue");
        using var cqcManager = Platform.Client(await Platform.Tokens.Staff("manager", "cqc", "cqc-complaints"));
        (await cqcManager.PostJson($"{complaintPath}/lead-investigator", new { name = "X" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        Assert.Equal("lead-investigator", (await (await ofstedManager.PostJson($"{complaintPath}/acknowledgement", new { })).ExpectProblem(HttpStatusCode.Conflict))["rule"]!.GetValue<string>());
        await (await ofstedManager.PostJson($"{complaintPath}/lead-investigator", new { name = "Morgan Hale" })).Expect(HttpStatusCode.OK);
        await (await ofstedManager.PostJson($"{complaintPath}/acknowledgement", new { })).Expect(HttpStatusCode.OK);
        Assert.Equal("response-shared-first", (await (await ofstedManager.PostAsync($"{complaintPath}/response/send", null)).ExpectProblem(HttpStatusCode.Conflict))["rule"]!.GetValue<string>());
        await (await ofstedManager.PostJson($"{complaintPath}/response/share", new { text = "The figures were read correctly.", upheld = false })).Expect(HttpStatusCode.OK);
        var closed = await (await ofstedManager.PostAsync($"{complaintPath}/response/send", null)).Expect(HttpStatusCode.OK);
        Assert.Equal("closed", closed["status"]!.GetValue<string>());

        // The hold is released everywhere: the next day's purge deletes CQC's records.
        await WaitInAll(async db => await db.Set<LegalHold>().AnyAsync(h => h.InspectionId == id) && !await db.Set<LegalHold>().AnyAsync(h => h.InspectionId == id && h.ReleasedAt == null),
            "the release of the hold");
        Platform.Clock.Advance(TimeSpan.FromDays(1));
        var nextDay = Today();
        await WaitInAll(async db => await db.Set<PurgeLogEntry>().AnyAsync(p => p.Day == nextDay), $"the purge of {nextDay}");
        Assert.Equal(0, await CqcRecords(id));

        // The statement of action: due 70 working days after the date the published letter carries (the
        // day it was really published, not the day the final letter went out), the same date as the
        // inspection's timeline shows; overdue once that passes, then submitted and answered.
        var statementPath = $"/api/orchestrator/inspections/{id}/statement-of-action";
        using var dcs = Platform.Client(await Platform.Tokens.Partner(agreed.Area, "local-authority", $"dcs-{agreed.Area}"));
        var statement = await (await dcs.GetAsync(statementPath)).Expect(HttpStatusCode.OK);
        var due = DateOnly.Parse(statement["dueOn"]!.GetValue<string>());
        Assert.True(due > Jtai.Calendar.WorkingDays.WorkingDayCalendar.England().AddWorkingDays(letterDate, 70));
        var timeline = await (await lead.GetAsync($"/api/orchestrator/inspections/{id}/timeline")).Expect(HttpStatusCode.OK);
        var milestone = timeline["milestones"]!.AsArray().Single(m => m!["key"]!.GetValue<string>() == "statement-of-action-due")!;
        Assert.Equal(DateOnly.Parse(milestone["date"]!.GetValue<string>()), due);
        Assert.False(statement["overdue"]!.GetValue<bool>());
        Platform.Clock.AdvanceTo(new DateTimeOffset(due.AddDays(2).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        await Testing.Platform.WaitUntil(async () => (await (await dcs.GetAsync(statementPath)).ReadJson())["overdue"]!.GetValue<bool>(),
            TimeSpan.FromSeconds(20), "the statement of action to be flagged overdue");
        (await police.PostJson(statementPath, new { text = "Our plan" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        Assert.Equal("statement-not-submitted", (await (await lead.PostJson($"{statementPath}/responses", new { text = "Early" })).ExpectProblem(HttpStatusCode.Conflict))["rule"]!.GetValue<string>());
        var submitted = await (await dcs.PostJson(statementPath, new { text = "1. Police attendance at strategy discussions within 24 hours. 2. ..." })).Expect(HttpStatusCode.OK);
        Assert.False(submitted["overdue"]!.GetValue<bool>());
        var after = await (await lead.GetAsync($"/api/orchestrator/inspections/{id}/timeline")).Expect(HttpStatusCode.OK);
        Assert.NotNull(after["milestones"]!.AsArray().Single(m => m!["key"]!.GetValue<string>() == "statement-of-action-due")!["metAt"]);
        await (await lead.PostJson($"{statementPath}/responses", new { text = "The plan shows the findings are understood." })).Expect(HttpStatusCode.OK);
        foreach (var inspectorate in new[] { "cqc", "hmicfrs" })
        {
            using var manager = Platform.Client(await Platform.Tokens.Staff("manager", inspectorate, $"soa-{inspectorate}"));
            await (await manager.PostJson($"{statementPath}/responses", new { text = $"{inspectorate} agrees." })).Expect(HttpStatusCode.OK);
        }
        var answered = await (await dcs.GetAsync(statementPath)).Expect(HttpStatusCode.OK);
        Assert.Equal(3, answered["responses"]!.AsArray().Count);
        Assert.Empty(answered["awaitingResponseFrom"]!.AsArray());

        // Withdrawal of the published letter, decided by Ofsted's National Director (¶121), not a manager: the public endpoint stops serving it.
        (await ofstedManager.PostJson($"{letter}/withdrawal", new { decidedBy = "an Ofsted manager", reason = "x" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var nationalDirector = Platform.Client(await Platform.Tokens.Staff("national-director", "ofsted", "ofsted-national-director"));
        // ¶121: in discussion with the other inspectorates; without it, only when urgent, and they are advised after.
        var undiscussed = await (await nationalDirector.PostJson($"{letter}/withdrawal", new
        {
            decidedBy = "Ofsted National Director, Regulation and Social Care", reason = "Exceptional circumstances", discussedWith = new[] { "cqc" },
        })).ExpectProblem(HttpStatusCode.BadRequest);
        Assert.Contains("hmicfrs", undiscussed["errors"]!["discussedWith"]![0]!.GetValue<string>());
        var withdrawn = await (await nationalDirector.PostJson($"{letter}/withdrawal", new
        {
            decidedBy = "Ofsted National Director, Regulation and Social Care", reason = "Exceptional circumstances", discussedWith = new[] { "cqc" }, urgent = true,
        })).Expect(HttpStatusCode.OK);
        Assert.Equal("withdrawn", withdrawn["stage"]!.GetValue<string>());
        Assert.Equal("Ofsted National Director, Regulation and Social Care", withdrawn["withdrawalDecidedBy"]!.GetValue<string>());
        Assert.True(withdrawn["withdrawalUrgent"]!.GetValue<bool>());
        Assert.Equal(["hmicfrs"], withdrawn["withdrawalToAdvise"]!.AsArray().Select(i => i!.GetValue<string>()));
        (await nationalDirector.PostJson($"{letter}/withdrawal/advised", new { inspectorate = "cqc" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var advised = await (await nationalDirector.PostJson($"{letter}/withdrawal/advised", new { inspectorate = "hmicfrs" })).Expect(HttpStatusCode.OK);
        Assert.Empty(advised["withdrawalToAdvise"]!.AsArray());
        Assert.Equal("hmicfrs", advised["withdrawalAdvised"]![0]!["inspectorate"]!.GetValue<string>());
        (await anonymous.GetAsync($"/api/orchestrator/published-letters/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private DateOnly Today() => DateOnly.FromDateTime(Platform.Clock.GetUtcNow().UtcDateTime);

    private async Task<int> CqcRecords(Guid id)
    {
        await using var scope = Platform.Services("cqc").CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<InspectorateDbContext>().Set<EvidenceRecord>().CountAsync(r => r.InspectionId == id);
    }

    private async Task WaitInAll(Func<InspectorateDbContext, Task<bool>> condition, string what)
    {
        foreach (var service in Services)
            await Testing.Platform.WaitUntil(async () =>
            {
                await using var scope = Platform.Services(service).CreateAsyncScope();
                return await condition(scope.ServiceProvider.GetRequiredService<InspectorateDbContext>());
            }, TimeSpan.FromSeconds(20), $"{what} in {service}");
    }
}
