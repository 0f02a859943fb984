using System.Net;
using Jtai.Contracts.Events;
using Xunit;
using static Jtai.Platform.Tests.Evidence.EvidenceSteps;

namespace Jtai.Platform.Tests.Letter;

/// <summary>The letter of findings on the shared platform (the clock does not move here).</summary>
[Collection(PlatformCollection.Name)]
public sealed class LetterTests(PlatformFixture fixture)
{
    private Testing.Platform Platform => fixture.Platform;

    [Fact]
    public async Task The_letter_is_drafted_from_the_agreed_findings_every_version_is_kept_and_it_goes_out_only_after_qa_and_every_senior_manager()
    {
        var agreed = await Platform.AgreedFindings("E08000041", "Sandwell", ["police"]);
        var letter = $"/api/orchestrator/inspections/{agreed.InspectionId}/letter";
        using var lead = await Platform.As(agreed.Lead);

        var invalid = await (await lead.PostJson(letter, new { nextSteps = new { statementRequired = true, leadAgency = "fire" }, signatories = new[] { new { inspectorate = "ofsted", name = "A", title = "B" } } }))
            .ExpectProblem(HttpStatusCode.BadRequest);
        Assert.NotNull(invalid["errors"]!["nextSteps.leadAgency"]);
        Assert.NotNull(invalid["errors"]!["addressees"]);
        Assert.NotNull(invalid["errors"]!["signatories"]);

        var draft = await (await lead.PostJson(letter, LetterSteps.DraftRequest())).Expect(HttpStatusCode.Created);
        var content = draft["content"]!;
        Assert.Contains("Sandwell", content["opening"]!.GetValue<string>());
        Assert.Contains("HMICFRS", content["opening"]!.GetValue<string>());
        Assert.Single(content["areasForPriorityAction"]!.AsArray());
        Assert.Single(content["whatNeedsToImprove"]!.AsArray());
        Assert.Single(content["strengths"]!.AsArray());
        Assert.Equal(3, content["mainFindings"]!.AsArray().Count);
        Assert.Equal(3, content["signatories"]!.AsArray().Count);
        Assert.Equal("Chris Moss", content["addressees"]!["independentScrutineer"]!.GetValue<string>());
        Assert.Equal("drafting", draft["stage"]!.GetValue<string>());
        Assert.Equal("letter-drafted", (await (await lead.PostJson(letter, LetterSteps.DraftRequest())).ExpectProblem(HttpStatusCode.Conflict))["rule"]!.GetValue<string>());

        using var inspector = Platform.Client(await Platform.Tokens.Staff("inspector", "cqc", "someone"));
        (await inspector.PutAsync(letter, System.Net.Http.Json.JsonContent.Create(new { baseVersion = 1 }))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var edit = new { baseVersion = 1, note = "Sharper headline", headlineFindings = new[] { "Children at risk of significant harm wait too long for a police response." },
            mainFindings = new[] { "The MASH applies thresholds consistently.", "Police attendance at strategy discussions is delayed." } };
        var edited = await (await lead.PutAsync(letter, System.Net.Http.Json.JsonContent.Create(edit, options: Api.Json))).Expect(HttpStatusCode.OK);
        Assert.Equal(2, edited["currentVersion"]!.GetValue<int>());
        var stale = await (await lead.PutAsync(letter, System.Net.Http.Json.JsonContent.Create(edit, options: Api.Json))).ExpectProblem(HttpStatusCode.Conflict);
        Assert.Equal("letter-version", stale["rule"]!.GetValue<string>());
        var versions = await (await lead.GetAsync($"{letter}/versions")).Expect(HttpStatusCode.OK);
        Assert.Equal(2, versions.AsArray().Count);
        var first = await (await lead.GetAsync($"{letter}/versions/1")).Expect(HttpStatusCode.OK);
        Assert.StartsWith("The inspectorates found 1 strength", first["content"]!["headlineFindings"]![0]!.GetValue<string>());

        var html = await (await lead.GetAsync($"{letter}/versions/2/html")).Content.ReadAsStringAsync();
        foreach (var heading in new[] { "Headline findings", "Areas for priority action", "What needs to improve?", "Strengths", "Main findings", "Next steps" })
            Assert.Contains($"<h2>{heading}</h2>", html);
        Assert.Contains("@media print", html);
        Assert.Contains("Independent Scrutineer", html);
        var text = await (await lead.GetAsync($"{letter}/versions/2/text")).Content.ReadAsStringAsync();
        Assert.Contains("Headline findings\n-----------------", text);
        Assert.Contains("His Majesty's Inspector of Constabulary", text);

        // The gates: QA of this version, then a senior manager of every inspectorate.
        Assert.Equal("qa-before-draft", (await (await lead.PostAsync($"{letter}/draft/send", null)).ExpectProblem(HttpStatusCode.Conflict))["rule"]!.GetValue<string>());
        (await lead.PostAsync($"{letter}/quality-assurance", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var qa = await Platform.As(agreed.Qa);
        await (await qa.PostAsync($"{letter}/quality-assurance", null)).Expect(HttpStatusCode.OK);
        using var ofstedManager = Platform.Client(await Platform.Tokens.Staff("manager", "ofsted", "m-ofsted"));
        await (await ofstedManager.PostAsync($"{letter}/agreements", null)).Expect(HttpStatusCode.OK);
        var missing = await (await lead.PostAsync($"{letter}/draft/send", null)).ExpectProblem(HttpStatusCode.Conflict);
        Assert.Equal("senior-managers-agree", missing["rule"]!.GetValue<string>());
        Assert.Contains("cqc, hmicfrs", missing["detail"]!.GetValue<string>());
        foreach (var inspectorate in new[] { "cqc", "hmicfrs" })
        {
            using var manager = Platform.Client(await Platform.Tokens.Staff("manager", inspectorate, $"m-{inspectorate}"));
            await (await manager.PostAsync($"{letter}/agreements", null)).Expect(HttpStatusCode.OK);
        }
        var sent = await (await lead.PostAsync($"{letter}/draft/send", null)).Expect(HttpStatusCode.OK);
        Assert.Equal("factual-accuracy", sent["stage"]!.GetValue<string>());
        Assert.Equal(2, sent["draftVersion"]!.GetValue<int>());
        Assert.NotNull(sent["commentsDueOn"]);

        // The priority action left with the agreement, once: for the police alone, not coordinated.
        var actions = await Platform.Published<PriorityActionIdentified>(agreed.InspectionId);
        var action = Assert.Single(actions);
        Assert.Equal(agreed.Findings["priority-0"], action.PriorityActionId);
        Assert.Equal(["police"], action.Agencies);
        Assert.False(action.Coordinated);
        await (await lead.PostAsync($"/api/orchestrator/inspections/{agreed.InspectionId}/findings/agree", null)).ExpectProblem(HttpStatusCode.Conflict);
        Assert.Single(await Platform.Published<PriorityActionIdentified>(agreed.InspectionId));
    }

    [Fact]
    public async Task A_letter_changed_after_it_was_checked_and_agreed_needs_quality_assurance_and_every_agreement_again()
    {
        var agreed = await Platform.AgreedFindings("E08000044", "Walsall", ["health", "police"]);
        var letter = $"/api/orchestrator/inspections/{agreed.InspectionId}/letter";
        var sent = await Platform.DraftSent(agreed);
        Assert.True(sent["agreed"]!.GetValue<bool>());
        using var lead = await Platform.As(agreed.Lead);
        using var dcs = Platform.Client(await Platform.Tokens.Partner(agreed.Area, "local-authority", $"dcs-{agreed.Area}"));
        var comment = await (await dcs.PostJson($"{letter}/factual-accuracy/comments", new { paragraph = "main-1", comment = "The MASH is the Walsall Children's Hub." }))
            .Expect(HttpStatusCode.Created);
        await (await lead.PostJson($"{letter}/factual-accuracy/comments/{comment["id"]}/decision", new { decision = "accepted", reason = "Its local name." }))
            .Expect(HttpStatusCode.OK);

        // The agreed version is frozen: a change must say it reopens quality assurance and agreement (¶80–81).
        var edit = new { baseVersion = 1, note = "Accepts the partnership's comment", mainFindings = new[] { "The Walsall Children's Hub applies thresholds consistently." } };
        var frozen = await (await lead.PutAsync(letter, System.Net.Http.Json.JsonContent.Create(edit, options: Api.Json))).ExpectProblem(HttpStatusCode.Conflict);
        Assert.Equal("letter-agreed", frozen["rule"]!.GetValue<string>());
        var reopened = await (await lead.PutAsync(letter, System.Net.Http.Json.JsonContent.Create(new
        {
            edit.baseVersion, edit.note, edit.mainFindings, reopen = true,
        }, options: Api.Json))).Expect(HttpStatusCode.OK);
        Assert.Equal(2, reopened["currentVersion"]!.GetValue<int>());
        Assert.False(reopened["agreed"]!.GetValue<bool>());

        // The final letter waits for QA and all three agreements of the changed version.
        Assert.Equal("qa-before-final", (await (await lead.PostAsync($"{letter}/final", null)).ExpectProblem(HttpStatusCode.Conflict))["rule"]!.GetValue<string>());
        using var qa = await Platform.As(agreed.Qa);
        await (await qa.PostAsync($"{letter}/quality-assurance", null)).Expect(HttpStatusCode.OK);
        using var ofstedManager = Platform.Client(await Platform.Tokens.Staff("manager", "ofsted", "m-ofsted-walsall"));
        await (await ofstedManager.PostAsync($"{letter}/agreements", null)).Expect(HttpStatusCode.OK);
        var missing = await (await lead.PostAsync($"{letter}/final", null)).ExpectProblem(HttpStatusCode.Conflict);
        Assert.Equal("senior-managers-agree", missing["rule"]!.GetValue<string>());
        Assert.Contains("cqc, hmicfrs", missing["detail"]!.GetValue<string>());
        foreach (var inspectorate in new[] { "cqc", "hmicfrs" })
        {
            using var manager = Platform.Client(await Platform.Tokens.Staff("manager", inspectorate, $"m-{inspectorate}-walsall"));
            await (await manager.PostAsync($"{letter}/agreements", null)).Expect(HttpStatusCode.OK);
        }
        var final = await (await lead.PostAsync($"{letter}/final", null)).Expect(HttpStatusCode.OK);
        Assert.Equal("final-under-embargo", final["stage"]!.GetValue<string>());
        Assert.Contains("Walsall Children's Hub", final["content"]!["mainFindings"]![0]!.GetValue<string>());
        // Once final, nothing reopens: no more checks, agreements or edits.
        Assert.Equal("letter-final", (await (await qa.PostAsync($"{letter}/quality-assurance", null)).ExpectProblem(HttpStatusCode.Conflict))["rule"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_anonymous_caller_and_a_partner_of_another_area_cannot_read_the_letter_before_publication()
    {
        var agreed = await Platform.AgreedFindings("E08000042", "Dudley", ["local-authority"]);
        var letter = $"/api/orchestrator/inspections/{agreed.InspectionId}/letter";
        using var anonymous = Platform.Client();
        using var otherArea = Platform.Client(await Platform.Tokens.Partner("E08000027", "local-authority", "dcs-elsewhere"));
        using var health = Platform.Client(await Platform.Tokens.Partner(agreed.Area, "health", "icb-dudley"));

        await Platform.DraftSent(agreed);
        (await anonymous.GetAsync($"{letter}/draft")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await otherArea.GetAsync($"{letter}/draft")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        // The draft goes to the DCS, who coordinates the partnership's review; comments come through them.
        (await health.GetAsync($"{letter}/draft")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var dcs = Platform.Client(await Platform.Tokens.Partner(agreed.Area, "local-authority", $"dcs-{agreed.Area}"));
        var draft = await (await dcs.GetAsync($"{letter}/draft")).Expect(HttpStatusCode.OK);
        Assert.Contains(draft["paragraphs"]!.AsArray(), p => p!["key"]!.GetValue<string>() == "priority-1");
        var wrongParagraph = await (await dcs.PostJson($"{letter}/factual-accuracy/comments", new { paragraph = "main-99", comment = "x" })).ExpectProblem(HttpStatusCode.BadRequest);
        Assert.NotNull(wrongParagraph["errors"]!["paragraph"]);

        using var lead = await Platform.As(agreed.Lead);
        var pending = await (await dcs.PostJson($"{letter}/factual-accuracy/comments", new { paragraph = "strength-1", comment = "Say which service." })).Expect(HttpStatusCode.Created);
        Assert.Equal("comments-decided", (await (await lead.PostAsync($"{letter}/final", null)).ExpectProblem(HttpStatusCode.Conflict))["rule"]!.GetValue<string>());
        var noReason = await (await lead.PostJson($"{letter}/factual-accuracy/comments/{pending["id"]}/decision", new { decision = "rejected" })).ExpectProblem(HttpStatusCode.BadRequest);
        Assert.NotNull(noReason["errors"]!["reason"]);
        await (await lead.PostJson($"{letter}/factual-accuracy/comments/{pending["id"]}/decision", new { decision = "rejected", reason = "The letter names the service." }))
            .Expect(HttpStatusCode.OK);
        var final = await Platform.FinalIssued(agreed);
        Assert.Equal("final-under-embargo", final["stage"]!.GetValue<string>());
        Assert.False(final["departmentsRequired"]!.GetValue<bool>());
        Assert.True(final["publicationAt"]!.GetValue<DateTimeOffset>() > Platform.Clock.GetUtcNow());
        var comments = await (await lead.GetAsync($"{letter}/factual-accuracy/comments")).Expect(HttpStatusCode.OK);
        Assert.All(comments.AsArray(), c => Assert.NotNull(c!["reason"]));

        // Under embargo: its addressees (partners of the area) and the team read it; nobody else.
        (await anonymous.GetAsync($"{letter}/final")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await anonymous.GetAsync($"/api/orchestrator/published-letters/{agreed.InspectionId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await anonymous.GetAsync($"/api/orchestrator/published-letters/{agreed.InspectionId}/text")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        Assert.DoesNotContain(await anonymous.AllPages("/api/orchestrator/published-letters"), l => l["inspectionId"]!.GetValue<Guid>() == agreed.InspectionId);
        (await anonymous.PostAsync("/api/orchestrator/published-letters", null)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await anonymous.GetAsync($"/api/orchestrator/inspections/{agreed.InspectionId}")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        using var inspectorOffTheTeam = Platform.Client(await Platform.Tokens.Staff("inspector", "cqc", "cqc-inspector-elsewhere"));
        foreach (var path in new[] { "final", "final/html", "final/text" })
        {
            (await otherArea.GetAsync($"{letter}/{path}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            // Staff see the inspection exists, but its embargoed letter is for the team and the named managers only.
            (await inspectorOffTheTeam.GetAsync($"{letter}/{path}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }
        var embargoed = await (await health.GetAsync($"{letter}/final")).Expect(HttpStatusCode.OK);
        Assert.Equal("final-under-embargo", embargoed["stage"]!.GetValue<string>());
        Assert.Contains("EMBARGOED", await (await health.GetAsync($"{letter}/final/html")).Content.ReadAsStringAsync());
        var late = await (await dcs.PostJson($"{letter}/factual-accuracy/comments", new { paragraph = "main-1", comment = "Too late" })).ExpectProblem(HttpStatusCode.Conflict);
        Assert.Equal("factual-accuracy-window", late["rule"]!.GetValue<string>());

        // The questionnaire went with the final letter (¶84).
        var survey = await (await health.GetAsync($"/api/orchestrator/inspections/{agreed.InspectionId}/survey")).Expect(HttpStatusCode.OK);
        var questions = survey["questions"]!.AsArray().Count;
        Assert.True(questions > 0);
        await (await health.PostJson($"/api/orchestrator/inspections/{agreed.InspectionId}/survey/responses", new { answers = new[] { "one" } }))
            .ExpectProblem(HttpStatusCode.BadRequest);
        await (await health.PostJson($"/api/orchestrator/inspections/{agreed.InspectionId}/survey/responses",
            new { answers = Enumerable.Range(1, questions).Select(i => $"Answer {i}").ToArray() })).Expect(HttpStatusCode.Created);
        (await otherArea.GetAsync($"/api/orchestrator/inspections/{agreed.InspectionId}/survey")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var stored = await (await lead.GetAsync($"/api/orchestrator/inspections/{agreed.InspectionId}/survey")).Expect(HttpStatusCode.OK);
        Assert.Equal("Answer 2", Assert.Single(stored["responses"]!.AsArray())!["answers"]![1]!["answer"]!.GetValue<string>());

        // A conduct complaint goes to the inspector's own inspectorate; the others learn only whether it was upheld (¶123–124).
        var complaints = $"/api/orchestrator/inspections/{agreed.InspectionId}/complaints";
        var missingInspector = await (await health.PostJson(complaints, new { kind = "conduct", text = "Discourteous." })).ExpectProblem(HttpStatusCode.BadRequest);
        Assert.NotNull(missingInspector["errors"]!["inspectorate"]);
        var conduct = await (await health.PostJson(complaints, new { kind = "conduct", text = "The inspector was discourteous to our staff.", inspectorate = "cqc", inspectorName = "R. Inspector" }))
            .Expect(HttpStatusCode.Created);
        Assert.Equal("cqc", conduct["handledBy"]!.GetValue<string>());
        var conductPath = $"{complaints}/{conduct["id"]}";
        using var ofstedManager = Platform.Client(await Platform.Tokens.Staff("manager", "ofsted", "ofsted-m-dudley"));
        using var cqcManager = Platform.Client(await Platform.Tokens.Staff("manager", "cqc", "cqc-m-dudley"));
        (await ofstedManager.PostJson($"{conductPath}/acknowledgement", new { })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        Assert.Null((await (await ofstedManager.GetAsync(conductPath)).Expect(HttpStatusCode.OK))["text"]);
        await (await cqcManager.PostJson($"{conductPath}/acknowledgement", new { })).Expect(HttpStatusCode.OK);
        var outcome = await (await cqcManager.PostJson($"{conductPath}/outcome", new { text = "Upheld: feedback given to the inspector.", upheld = true })).Expect(HttpStatusCode.OK);
        Assert.Equal("closed", outcome["status"]!.GetValue<string>());
        var seenByOfsted = await (await ofstedManager.GetAsync(conductPath)).Expect(HttpStatusCode.OK);
        Assert.True(seenByOfsted["upheld"]!.GetValue<bool>());
        Assert.Null(seenByOfsted["text"]);
        Assert.Null(seenByOfsted["responseText"]);
        var holds = await Platform.Published<Jtai.Contracts.Events.LegalHoldPlaced>(agreed.InspectionId);
        var releases = await Platform.Published<Jtai.Contracts.Events.LegalHoldReleased>(agreed.InspectionId);
        Assert.Equal(Assert.Single(holds).HoldId, Assert.Single(releases).HoldId);

        // A complaint asking for the letter's withdrawal: the acknowledgement says whether it is agreed, and by whom.
        var withdraw = await (await dcs.PostJson(complaints, new
        {
            kind = "process-or-findings", text = "The findings rest on a misread case.", requestWithdrawal = true, exceptionalCircumstances = "A case was misattributed.",
        })).Expect(HttpStatusCode.Created);
        var withdrawPath = $"{complaints}/{withdraw["id"]}";
        await (await ofstedManager.PostJson($"{withdrawPath}/lead-investigator", new { name = "Morgan Hale" })).Expect(HttpStatusCode.OK);
        var undecided = await (await ofstedManager.PostJson($"{withdrawPath}/acknowledgement", new { })).ExpectProblem(HttpStatusCode.BadRequest);
        Assert.NotNull(undecided["errors"]!["withdrawalAgreed"]);
        var acknowledged = await (await ofstedManager.PostJson($"{withdrawPath}/acknowledgement", new { withdrawalAgreed = true, decidedBy = "Ofsted National Director" }))
            .Expect(HttpStatusCode.OK);
        Assert.True(acknowledged["withdrawalAgreed"]!.GetValue<bool>());
        var withdrawn = await (await lead.GetAsync(letter)).Expect(HttpStatusCode.OK);
        Assert.Equal("withdrawn", withdrawn["stage"]!.GetValue<string>());
        Assert.Equal("Ofsted National Director", withdrawn["withdrawalDecidedBy"]!.GetValue<string>());
        Assert.Null(withdrawn["publicationAt"]);
    }
}
