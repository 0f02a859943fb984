using System.Net;
using System.Net.Http.Json;
using Jtai.Calendar.WorkingDays;
using Jtai.Platform.Tests.Evidence;
using Jtai.Platform.Tests.Lifecycle;
using Xunit;
using static Jtai.Platform.Tests.Evidence.EvidenceSteps;

namespace Jtai.Platform.Tests.SetUp;

/// <summary>
/// Week 1 and 2 as structured records (¶20–24, ¶30–33, ¶69): what the set-up discussion agreed against its meeting record, the
/// link person, the incidents and the additional information with its justification, the fieldwork timetable and the schools
/// HMI's sample; the partners read what they took part in, and nothing else.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class SetUpTests(PlatformFixture fixture)
{
    private Testing.Platform Platform => fixture.Platform;

    private const string Area = "E06000041";
    private static readonly Member Lead = new("setup-ofsted-lead", "ofsted", "lead-inspector");
    private static readonly Member CqcLead = new("setup-cqc-lead", "cqc", "lead-inspector");
    private static readonly Member Hmi = new("setup-schools-hmi", "ofsted", "hmi");

    [Fact]
    public async Task The_set_up_is_agreed_against_the_set_up_discussion_and_the_partners_read_it()
    {
        var id = await Platform.InspectionWithTeam(Area, "Wolverhampton", Lead, CqcLead, Hmi);
        using var lead = await Platform.As(Lead);
        using var cqcLead = await Platform.As(CqcLead);
        var setUp = $"/api/orchestrator/inspections/{id}/set-up";
        var link = new { name = "Sam Link", role = "Head of quality assurance", organisation = "Wolverhampton Council", email = "sam.link@wolverhampton.example" };

        // Before notification there is nothing to set up (¶16–20).
        var early = await (await lead.PutAsJsonAsync($"{setUp}/link-person", link, Api.Json)).ExpectProblem(HttpStatusCode.Conflict);
        Assert.Equal("set-up-stage", early["rule"]!.GetValue<string>());
        await (await Platform.Transition(id, "notified")).Expect(HttpStatusCode.OK);

        // ¶20: attendees by the roles the guidance names. A role it does not name is refused by row; anyone else is 'other' with their role.
        var meetings = $"/api/orchestrator/inspections/{id}/meetings";
        var unknownRole = await (await lead.PostJson(meetings, new
        {
            kind = "set-up-discussion", startedAt = Platform.Clock.GetUtcNow().AddHours(-3), mode = "video",
            attendees = new object[] { new { role = "lead-inspector", organisation = "ofsted" }, new { role = "MASA boss", organisation = "Wolverhampton Safeguarding Together" },
                new { role = "other", organisation = "Wolverhampton Council" } },
        })).ExpectProblem(HttpStatusCode.BadRequest);
        Assert.Contains("chair of the MASA", unknownRole["errors"]!["attendees[1].role"]![0]!.GetValue<string>());
        Assert.NotNull(unknownRole["errors"]!["attendees[2].roleDescription"]);
        // Held without the MASA chair and the scrutineer: ¶20 arranges it "including" them but makes it no condition, so it is
        // kept and flagged with the paragraph, never refused.
        var without = await (await lead.PostJson(meetings, new
        {
            kind = "set-up-discussion", startedAt = Platform.Clock.GetUtcNow().AddHours(-3), mode = "phone",
            attendees = new object[]
            {
                new { role = "lead inspector", organisation = "ofsted" }, new { role = "DCS", organisation = "Wolverhampton Council" },
                new { role = "other", roleDescription = "Service manager, early help", organisation = "Wolverhampton Council" },
            },
        })).Expect(HttpStatusCode.Created);
        Assert.Equal(["masa-chair", "independent-scrutineer"], without["expectedAbsent"]!.AsArray().Select(a => a!["role"]!.GetValue<string>()));
        Assert.Equal("¶20", without["expectedAbsent"]![0]!["guidance"]!.GetValue<string>());
        Assert.Equal(["lead-inspector", "director-of-childrens-services", "other"], without["attendees"]!.AsArray().Select(a => a!["role"]!.GetValue<string>()));
        Assert.Equal("Service manager, early help", without["attendees"]![2]!["roleName"]!.GetValue<string>());

        var meeting = await (await lead.PostJson(meetings, new
        {
            kind = "set-up-discussion", startedAt = Platform.Clock.GetUtcNow().AddHours(-2), endedAt = Platform.Clock.GetUtcNow().AddHours(-1), mode = "video",
            attendees = new object[]
            {
                new { role = "lead-inspector", organisation = "ofsted" }, new { role = "lead-inspector", organisation = "cqc" },
                new { role = "director of children's services", organisation = "Wolverhampton Council" },
                new { role = "chair of the MASA", organisation = "Wolverhampton Safeguarding Together" },
                new { role = "independent scrutineer", organisation = "Wolverhampton Safeguarding Together" },
            },
        })).Expect(HttpStatusCode.Created);
        Assert.Empty(meeting["expectedAbsent"]!.AsArray());

        // What was agreed rests on the meeting record: another id, and no well-being contact, are refused by field.
        var agreement = new
        {
            setUpDiscussionId = meeting["id"]!.GetValue<Guid>(),
            wellbeingSteps = "Leaders asked that interviews with the MASH team leave the 9am triage meeting free.",
            wellbeingContacts = new[] { new { name = "Pat Wellbeing", role = "Head of HR", organisation = "Wolverhampton Council", email = "pat.hr@wolverhampton.example" } },
            equalitiesAndAdjustments = "One practitioner uses a screen reader: documents to be shared as tagged PDFs.",
            raisingConcerns = "With the Ofsted lead inspector or the QA manager, as soon as possible (¶89).",
            issuesRaised = "The local authority's new case management system goes live in fieldwork week.",
        };
        var refused = await (await lead.PutAsJsonAsync($"{setUp}/agreement", new
        {
            setUpDiscussionId = Guid.NewGuid(), wellbeingContacts = Array.Empty<object>(), equalitiesAndAdjustments = "None raised.", raisingConcerns = "",
        }, Api.Json)).ExpectProblem(HttpStatusCode.BadRequest);
        Assert.Contains("set-up discussion", refused["errors"]!["setUpDiscussionId"]![0]!.GetValue<string>());
        Assert.NotNull(refused["errors"]!["wellbeingContacts"]);
        Assert.NotNull(refused["errors"]!["raisingConcerns"]);
        var agreed = await (await lead.PutAsJsonAsync($"{setUp}/agreement", agreement, Api.Json)).Expect(HttpStatusCode.OK);
        Assert.Equal("Pat Wellbeing", agreed["agreement"]!["wellbeingContacts"]![0]!["name"]!.GetValue<string>());

        var badLink = await (await lead.PutAsJsonAsync($"{setUp}/link-person", link with { email = "not an address" }, Api.Json)).ExpectProblem(HttpStatusCode.BadRequest);
        Assert.NotNull(badLink["errors"]!["email"]);
        await (await lead.PutAsJsonAsync($"{setUp}/link-person", link, Api.Json)).Expect(HttpStatusCode.OK);

        // ¶22: incidents by kind; ¶24: additional information only with both justifications.
        var badIncident = await (await lead.PostJson($"{setUp}/safeguarding-incidents", new { kind = "gossip", summary = "x", agencies = new[] { "police" } }))
            .ExpectProblem(HttpStatusCode.BadRequest);
        Assert.NotNull(badIncident["errors"]!["kind"]);
        await (await cqcLead.PostJson($"{setUp}/safeguarding-incidents", new
        {
            kind = "rapid-review", summary = "A rapid review of a serious incident concerning a 14-year-old is under way; its report is due in fieldwork week.",
            agencies = new[] { "health", "police" },
        })).Expect(HttpStatusCode.Created);
        var unjustified = await (await lead.PostJson($"{setUp}/additional-information", new
        {
            description = "The MASH's weekly threshold audit for the last six months", proposedBy = "inspectors", providedBy = "local-authority",
            necessaryBecause = "It shows how consistently thresholds are applied at the front door.",
        })).ExpectProblem(HttpStatusCode.BadRequest);
        Assert.Contains("Annex A", unjustified["errors"]!["notInAnnexABecause"]![0]!.GetValue<string>());
        await (await lead.PostJson($"{setUp}/additional-information", new
        {
            description = "The MASH's weekly threshold audit for the last six months", proposedBy = "local-partnership", providedBy = "local-authority",
            necessaryBecause = "It shows how consistently thresholds are applied at the front door.",
            notInAnnexABecause = "Annex A asks for the partnership's audits of the selected children, not the MASH's own threshold audits.",
        })).Expect(HttpStatusCode.Created);

        // The area's partners took part (¶20–21): they read it, with who attended from the meeting; they change nothing.
        using var partner = Platform.Client(await Platform.Tokens.Partner(Area, "police"));
        var read = await (await partner.GetAsync(setUp)).Expect(HttpStatusCode.OK);
        Assert.Equal(5, read["agreement"]!["setUpDiscussion"]!["attendees"]!.AsArray().Count);
        Assert.Equal("masa-chair", read["agreement"]!["setUpDiscussion"]!["attendees"]![3]!["role"]!.GetValue<string>());
        Assert.Equal("chair of the MASA", read["agreement"]!["setUpDiscussion"]!["attendees"]![3]!["roleName"]!.GetValue<string>());
        Assert.Empty(read["agreement"]!["setUpDiscussion"]!["expectedAbsent"]!.AsArray());
        Assert.Contains("screen reader", read["agreement"]!["equalitiesAndAdjustments"]!.GetValue<string>());
        Assert.Equal("Sam Link", read["linkPerson"]!["name"]!.GetValue<string>());
        Assert.Equal("rapid-review", read["safeguardingIncidents"]![0]!["kind"]!.GetValue<string>());
        Assert.Equal("local-partnership", read["additionalInformation"]![0]!["proposedBy"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.PutAsJsonAsync($"{setUp}/link-person", link, Api.Json)).StatusCode);
        using var elsewhere = Platform.Client(await Platform.Tokens.Partner("E06000043", "police"));
        Assert.Equal(HttpStatusCode.NotFound, (await elsewhere.GetAsync(setUp)).StatusCode);
        // An inspector who is not a lead records none of it.
        using var hmi = await Platform.As(Hmi);
        Assert.Equal(HttpStatusCode.Forbidden, (await hmi.PostJson($"{setUp}/safeguarding-incidents", new { kind = "rapid-review", summary = "x", agencies = new[] { "police" } })).StatusCode);
    }

    [Fact]
    public async Task The_fieldwork_timetable_is_planned_by_the_leads_shows_what_was_held_and_the_schools_HMI_records_the_sample()
    {
        var id = await Platform.InspectionWithTeam("E06000042", "Barnet", Lead, CqcLead, Hmi);
        await (await Platform.Transition(id, "notified")).Expect(HttpStatusCode.OK);
        using var lead = await Platform.As(Lead);
        using var cqcLead = await Platform.As(CqcLead);
        var timetable = $"/api/orchestrator/inspections/{id}/fieldwork-timetable";
        var inspection = await (await lead.GetAsync($"/api/orchestrator/inspections/{id}")).Expect(HttpStatusCode.OK);
        var monday = DateOnly.Parse(inspection["fieldworkStart"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        DateTimeOffset At(DateOnly day, int hour) => LondonTime.At(day, new TimeOnly(hour, 0));
        var now = Platform.Clock.GetUtcNow();

        // ¶37: the initial meeting is on the first day; a team member unknown to the inspection is refused by index.
        var wrongDay = await (await lead.PostJson(timetable, new
        {
            activity = "initial-meeting", startsAt = At(monday.AddDays(1), 9), endsAt = At(monday.AddDays(1), 10), mode = "in-person",
            inspectors = new[] { Lead.UserId, "someone-else" },
        })).ExpectProblem(HttpStatusCode.BadRequest);
        Assert.NotNull(wrongDay["errors"]!["inspectors[1]"]);
        var onMonday = await (await lead.PostJson(timetable, new
        {
            activity = "initial-meeting", startsAt = At(monday.AddDays(1), 9), endsAt = At(monday.AddDays(1), 10), mode = "in-person", inspectors = new[] { Lead.UserId },
        })).ExpectProblem(HttpStatusCode.BadRequest);
        Assert.Contains("first day of fieldwork", onMonday["errors"]!["startsAt"]![0]!.GetValue<string>());

        var initial = await (await lead.PostJson(timetable, new
        {
            activity = "initial-meeting", startsAt = At(monday, 9), endsAt = At(monday, 10), mode = "in-person", with = "Senior leaders of the partnership",
            inspectors = new[] { Lead.UserId, CqcLead.UserId }, location = "Barnet House",
        })).Expect(HttpStatusCode.Created);
        // ¶31: CQC's lead adds its agencies' arrangements; ¶32: a video call, with travel and review time planned too.
        var practitioners = await (await cqcLead.PostJson(timetable, new
        {
            activity = "practitioners-meeting", startsAt = At(monday.AddDays(1), 14), endsAt = At(monday.AddDays(1), 15), mode = "video",
            with = "Health visitors and the named nurse for safeguarding", inspectors = new[] { CqcLead.UserId },
        })).Expect(HttpStatusCode.Created);
        await (await lead.PostJson(timetable, new
        {
            activity = "schools-case-sampling", startsAt = At(monday.AddDays(2), 9), endsAt = At(monday.AddDays(2), 12), mode = "in-person", inspectors = new[] { Hmi.UserId },
        })).Expect(HttpStatusCode.Created);
        // The set-up discussion was planned for this morning and held: the timetable shows it held, by its meeting record.
        await (await lead.PostJson(timetable, new
        {
            activity = "set-up-discussion", startsAt = now.AddHours(-3), endsAt = now.AddHours(-2), mode = "video", inspectors = new[] { Lead.UserId },
        })).Expect(HttpStatusCode.Created);
        var held = await (await lead.PostJson($"/api/orchestrator/inspections/{id}/meetings", new
        {
            kind = "set-up-discussion", startedAt = now.AddHours(-3), mode = "video",
            attendees = new object[] { new { role = "lead-inspector", organisation = "ofsted" }, new { role = "director of children's services", organisation = "Barnet Council" } },
        })).Expect(HttpStatusCode.Created);

        // ¶32: flexible; the change is dated.
        var moved = await (await cqcLead.PutAsJsonAsync($"{timetable}/{practitioners["id"]!.GetValue<Guid>()}", new
        {
            activity = "practitioners-meeting", startsAt = At(monday.AddDays(2), 14), endsAt = At(monday.AddDays(2), 15), mode = "in-person",
            with = "Health visitors and the named nurse for safeguarding", inspectors = new[] { CqcLead.UserId }, notes = "Moved to Wednesday at the nurses' request.",
        }, Api.Json)).Expect(HttpStatusCode.OK);
        Assert.NotNull(moved["changedAt"]);

        // ¶32: the partners see the timetable (the link person passes it on); they do not change it.
        using var partner = Platform.Client(await Platform.Tokens.Partner("E06000042", "health"));
        var read = (await (await partner.GetAsync(timetable)).Expect(HttpStatusCode.OK)).AsArray();
        Assert.Equal(["set-up-discussion", "initial-meeting", "schools-case-sampling", "practitioners-meeting"], read.Select(e => e!["activity"]!.GetValue<string>()));
        Assert.Equal(held["id"]!.GetValue<Guid>(), read[0]!["heldAs"]!.GetValue<Guid>());
        Assert.Null(read[1]!["heldAs"]);
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.DeleteAsync($"{timetable}/{initial["id"]!.GetValue<Guid>()}")).StatusCode);
        await (await lead.DeleteAsync($"{timetable}/{initial["id"]!.GetValue<Guid>()}")).Expect(HttpStatusCode.NoContent);
        Assert.Equal(3, (await (await partner.GetAsync(timetable)).Expect(HttpStatusCode.OK)).AsArray().Count);

        // ¶69: the schools HMI's sample: cases by reference, schools that made referrals; the HMI alone records it.
        var sample = $"/api/orchestrator/inspections/{id}/schools-hmi/sample";
        using var hmi = await Platform.As(Hmi);
        var noCase = await (await hmi.PostJson(sample, new
        {
            kind = "case-sampling", at = now.AddHours(-1), mode = "in-person", school = "Barnet Primary", referralMadeOn = monday.AddDays(-40),
        })).ExpectProblem(HttpStatusCode.BadRequest);
        Assert.NotNull(noCase["errors"]!["caseReference"]);
        var noReferral = await (await hmi.PostJson(sample, new
        {
            kind = "school-contact", at = now.AddHours(-1), mode = "phone", school = "Barnet Primary", schoolUrn = "12345",
        })).ExpectProblem(HttpStatusCode.BadRequest);
        Assert.Contains("made referrals", noReferral["errors"]!["referralMadeOn"]![0]!.GetValue<string>());
        Assert.NotNull(noReferral["errors"]!["schoolUrn"]);
        await (await hmi.PostJson(sample, new
        {
            kind = "case-sampling", at = now.AddHours(-2), mode = "in-person", school = "Barnet Primary", schoolUrn = "123456", caseReference = "BN-2231",
            referralMadeOn = monday.AddDays(-60),
        })).Expect(HttpStatusCode.Created);
        await (await hmi.PostJson(sample, new
        {
            kind = "school-contact", at = now.AddHours(-1), mode = "phone", school = "Barnet Primary", schoolUrn = "123456", referralMadeOn = monday.AddDays(-60),
            spokeWith = "designated safeguarding lead",
        })).Expect(HttpStatusCode.Created);
        Assert.Equal(HttpStatusCode.Forbidden, (await lead.PostJson(sample, new
        {
            kind = "school-contact", at = now.AddHours(-1), mode = "phone", school = "Barnet Academy", referralMadeOn = monday.AddDays(-60),
        })).StatusCode);
        var reach = await (await lead.GetAsync(sample)).Expect(HttpStatusCode.OK);
        Assert.Equal(1, reach["casesSampled"]!.GetValue<int>());
        Assert.Equal(1, reach["schoolsContacted"]!.GetValue<int>());
        Assert.Equal(1, reach["schoolsReached"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.GetAsync(sample)).StatusCode);
    }
}
