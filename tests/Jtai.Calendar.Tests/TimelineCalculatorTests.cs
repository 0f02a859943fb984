using Jtai.Calendar.Frameworks;
using Jtai.Calendar.Timeline;
using Jtai.Calendar.WorkingDays;
using Xunit;

namespace Jtai.Calendar.Tests;

public class TimelineCalculatorTests
{
    private static readonly FrameworkCatalog Frameworks = FrameworkCatalog.Load();
    private static readonly TimelineCalculator Calculator = new(WorkingDayCalendar.England());

    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    private static InspectionTimeline FrontDoor(string fieldworkStart) =>
        Calculator.Calculate(Frameworks.Latest("front-door"), D(fieldworkStart));

    [Fact]
    public void Without_holidays_the_timeline_is_the_two_minute_guides_weeks()
    {
        // Fieldwork (week 3) Monday 20 September 2027: weeks 1 to 12 run 6 September to 26 November, no holiday.
        var timeline = FrontDoor("2027-09-20");
        var week1Monday = D("2027-09-06");
        DateOnly Week(int week, DayOfWeek day) => week1Monday.AddDays(7 * (week - 1) + (day - DayOfWeek.Monday));

        Assert.Equal(Week(1, DayOfWeek.Monday), timeline[MilestoneKeys.Notification].Date);
        Assert.Equal(Week(1, DayOfWeek.Tuesday), timeline[MilestoneKeys.ChildLevelData].Date);
        Assert.Equal(Week(1, DayOfWeek.Wednesday), timeline[MilestoneKeys.ChildrenSelected].Date);
        Assert.Equal(Week(1, DayOfWeek.Thursday), timeline[MilestoneKeys.PartnerInformationOnChildren].Date);
        Assert.Equal(new TimeOnly(12, 0), TimeOnly.FromDateTime(timeline[MilestoneKeys.ChildrenSelectedForAudit].DueAt.DateTime));
        Assert.Equal(Week(1, DayOfWeek.Friday), timeline[MilestoneKeys.ChildrenSelectedForAudit].Date);
        Assert.Equal(Week(2, DayOfWeek.Tuesday), timeline[MilestoneKeys.CaseRecordsAndPerformanceInformation].Date);
        Assert.Equal(Week(2, DayOfWeek.Thursday), timeline[MilestoneKeys.PartnershipAudits].Date);
        Assert.Equal(Week(3, DayOfWeek.Wednesday), timeline[MilestoneKeys.KitMeetingWednesday].Date);
        Assert.Equal(Week(3, DayOfWeek.Thursday), timeline[MilestoneKeys.KitMeetingThursday].Date);
        Assert.Equal(Week(3, DayOfWeek.Friday), timeline[MilestoneKeys.FeedbackMeeting].Date);
        Assert.Equal(Week(3, DayOfWeek.Friday), timeline[MilestoneKeys.FieldworkEnd].Date);
        Assert.Equal(Week(6, DayOfWeek.Friday), timeline[MilestoneKeys.DraftLetter].Date);
        Assert.Equal(Week(8, DayOfWeek.Thursday), timeline[MilestoneKeys.FactualAccuracyComments].Date);
        Assert.Equal(Week(10, DayOfWeek.Monday), timeline[MilestoneKeys.FinalLetter].Date);
        // ¶83 says 34 working days (Thursday of week 10); the two-minute guide's "Friday" is a day late.
        Assert.Equal(Week(10, DayOfWeek.Thursday), timeline[MilestoneKeys.Publication].Date);
        Assert.Equal(Week(12, DayOfWeek.Thursday), timeline[MilestoneKeys.ComplaintWindowEnd].Date);
        Assert.Equal(new DateTimeOffset(2027, 9, 7, 16, 0, 0, TimeSpan.Zero), timeline[MilestoneKeys.ChildLevelData].DueAt);
        Assert.Equal(timeline.Milestones.OrderBy(m => m.DueAt).Select(m => m.Key), timeline.Milestones.Select(m => m.Key));
    }

    [Fact]
    public void Easter_in_weeks_1_and_2_brings_notification_forward_and_keeps_annex_a_gaps()
    {
        // Good Friday 26 March and Easter Monday 29 March 2027 fall in weeks 1 and 2.
        var timeline = FrontDoor("2027-04-05");
        Assert.Equal(D("2027-03-18"), timeline[MilestoneKeys.Notification].Date);
        Assert.Equal(D("2027-03-19"), timeline[MilestoneKeys.ChildLevelData].Date);
        Assert.Equal(D("2027-03-24"), timeline[MilestoneKeys.ChildrenSelectedForAudit].Date);
        Assert.Equal(D("2027-03-30"), timeline[MilestoneKeys.CaseRecordsAndPerformanceInformation].Date);
        Assert.Equal(D("2027-04-01"), timeline[MilestoneKeys.PartnershipAudits].Date);
    }

    [Fact]
    public void Easter_after_fieldwork_pushes_the_draft_letter_past_it()
    {
        var timeline = FrontDoor("2027-03-01");
        Assert.Equal(D("2027-03-30"), timeline[MilestoneKeys.DraftLetter].Date);
    }

    [Fact]
    public void The_late_may_holiday_brings_notification_forward()
    {
        // Spring bank holiday Monday 31 May 2027 in week 2.
        Assert.Equal(D("2027-05-21"), FrontDoor("2027-06-07")[MilestoneKeys.Notification].Date);
    }

    [Fact]
    public void Christmas_and_new_year_push_the_draft_letter_into_january()
    {
        // Fieldwork ends Friday 11 December 2026; 25 and 28 December and 1 January are holidays.
        var timeline = FrontDoor("2026-12-07");
        Assert.Equal(D("2026-12-11"), timeline[MilestoneKeys.FieldworkEnd].Date);
        Assert.Equal(D("2027-01-06"), timeline[MilestoneKeys.DraftLetter].Date);
    }

    [Fact]
    public void A_one_off_holiday_counts_like_any_other()
    {
        // The coronation holiday, Monday 8 May 2023, in week 2 of a fieldwork starting 22 May.
        Assert.Equal(D("2023-05-05"), FrontDoor("2023-05-22")[MilestoneKeys.Notification].Date);
    }

    [Fact]
    public void The_statement_of_action_is_due_70_working_days_after_the_published_letter()
    {
        var timeline = FrontDoor("2027-09-20");
        var calendar = Calculator.Calendar;
        Assert.Equal(70, calendar.WorkingDaysBetween(timeline[MilestoneKeys.Publication].Date, timeline[MilestoneKeys.StatementOfActionDue].Date));
        Assert.Equal(10, calendar.WorkingDaysBetween(timeline[MilestoneKeys.Publication].Date, timeline[MilestoneKeys.ComplaintWindowEnd].Date));
    }

    [Fact]
    public void A_letter_published_late_carries_its_real_date_into_the_statement_of_action()
    {
        var planned = FrontDoor("2027-09-20");
        var late = Calculator.Calendar.AddWorkingDays(planned[MilestoneKeys.Publication].Date, 2);
        var actual = Calculator.Calculate(Frameworks.Latest("front-door"), D("2027-09-20"),
            new Dictionary<string, DateOnly> { [MilestoneKeys.Publication] = late });
        Assert.Equal(late, actual[MilestoneKeys.Publication].Date);
        Assert.Equal(Calculator.Calendar.AddWorkingDays(late, 70), actual[MilestoneKeys.StatementOfActionDue].Date);
        Assert.Equal(Calculator.Calendar.AddWorkingDays(late, 10), actual[MilestoneKeys.ComplaintWindowEnd].Date);
        Assert.Equal(planned[MilestoneKeys.FinalLetter], actual[MilestoneKeys.FinalLetter]);
    }

    [Fact]
    public void The_five_themes_are_data_with_the_front_doors_22_criteria_and_10_days_notice()
    {
        Assert.Equal(["criminal-exploitation", "domestic-abuse", "early-help", "front-door", "ofsted-only", "serious-youth-violence", "youth-justice-and-criminal-exploitation"], Frameworks.Keys);
        var frontDoor = Frameworks.Latest("front-door");
        Assert.Equal(10, frontDoor.NoticeWorkingDays);
        Assert.Equal(Enumerable.Range(1, 22).Select(i => $"EC{i}"), frontDoor.EvaluationCriteria.Select(c => c.Code));
        Assert.StartsWith("Children receive the right help and protection because of the application of appropriate thresholds",
            frontDoor.EvaluationCriteria.Single(c => c.Code == "EC7").Text);
        Assert.All(Frameworks.All, f => Assert.NotEmpty(f.FocusAreas));
    }

    [Fact]
    public void Each_theme_names_what_it_looked_at_for_the_letter_and_numbers_its_focus_areas_as_prompts()
    {
        // The opening sentence reads "… the multi-agency response to {subject} in {area}": the subject must not repeat it.
        Assert.Equal("identification of initial need and risk", Frameworks.Latest("front-door").LetterSubject);
        Assert.Equal("children and families who need help", Frameworks.Latest("early-help").LetterSubject);
        Assert.Equal("the criminal exploitation of children", Frameworks.Latest("criminal-exploitation").LetterSubject);
        Assert.Equal("serious youth violence", Frameworks.Latest("serious-youth-violence").LetterSubject);
        Assert.Equal("children who are the victims of domestic abuse", Frameworks.Latest("domestic-abuse").LetterSubject);
        Assert.Equal("the local authority's response to abuse and neglect at the point of identification and referral", Frameworks.Latest("ofsted-only").LetterSubject);
        // Five-themes overview: the front door's six focus areas, in order, as FA1–FA6; every theme has its own.
        var frontDoor = Frameworks.Latest("front-door").FocusAreaPrompts;
        Assert.Equal(["FA1", "FA2", "FA3", "FA4", "FA5", "FA6"], frontDoor.Select(f => f.Code));
        Assert.Equal("The effectiveness of the multi-agency safeguarding hub (MASH) (or equivalent)", frontDoor[1].Heading);
        Assert.Equal(4, Frameworks.Latest("domestic-abuse").FocusAreaPrompts.Count);
        Assert.StartsWith("Preventing child criminal exploitation", Frameworks.Latest("criminal-exploitation").FocusAreaPrompts[3].Heading);
    }

    [Fact]
    public void The_Ofsted_only_inspection_is_data_eight_days_notice_a_week_on_site_three_inspectors_and_one_letter_form()
    {
        // 2015 consultation, Part 2 ¶34.
        var ofstedOnly = Frameworks.Latest("ofsted-only");
        Assert.Equal(8, ofstedOnly.NoticeWorkingDays);
        Assert.Equal(["ofsted"], ofstedOnly.Inspectorates);
        Assert.Equal(3, ofstedOnly.Team.Sum(p => p.Count));
        Assert.All(ofstedOnly.Team, p => Assert.Equal("ofsted", p.Inspectorate));
        Assert.Equal(LetterForms.StrengthsAndRecommendations, ofstedOnly.LetterForm);
        Assert.Equal(LetterResponses.ActionPlan, ofstedOnly.ResponseToLetter);
        var timeline = Calculator.Calculate(ofstedOnly, D("2027-09-20"));
        Assert.Equal(D("2027-09-08"), timeline[MilestoneKeys.Notification].Date);
        Assert.Equal(D("2027-09-24"), timeline[MilestoneKeys.FieldworkEnd].Date);
        // A joint framework keeps the three inspectorates, the letter of findings and the statement of action.
        var frontDoor = Frameworks.Latest("front-door");
        Assert.Equal(Framework.JointInspectorates, frontDoor.Inspectorates);
        Assert.Equal((LetterForms.Findings, LetterResponses.StatementOfAction), (frontDoor.LetterForm, frontDoor.ResponseToLetter));
    }

    [Fact]
    public void A_framework_with_an_unknown_letter_form_is_refused()
    {
        var bad = Frameworks.Latest("ofsted-only") with { Version = 9, LetterForm = "report-card" };
        var error = Assert.Throws<InvalidOperationException>(() => new FrameworkCatalog([bad]));
        Assert.Contains("report-card", error.Message);
    }

    [Fact]
    public void A_new_framework_version_sits_beside_the_old_one()
    {
        var v1 = Frameworks.Latest("front-door");
        var v2 = v1 with
        {
            Version = 2,
            Milestones = [.. v1.Milestones.Select(m => m.Key == MilestoneKeys.Notification ? m with { WorkingDays = -8 } : m)],
        };
        var catalog = new FrameworkCatalog([v1, v2]);
        Assert.Equal(8, catalog.Latest("front-door").NoticeWorkingDays);
        Assert.Equal(10, catalog.Get("front-door", 1).NoticeWorkingDays);
    }

    [Fact]
    public void A_framework_counting_from_an_unknown_milestone_is_refused()
    {
        var v1 = Frameworks.Latest("front-door");
        var broken = v1 with { Milestones = [.. v1.Milestones.Select(m => m.Key == MilestoneKeys.DraftLetter ? m with { From = "nowhere" } : m)] };
        Assert.Throws<InvalidOperationException>(() => new FrameworkCatalog([broken]));
    }

    [Theory]
    [InlineData("2027-09-04")]
    [InlineData("2027-08-30")]
    public void Fieldwork_cannot_start_on_a_weekend_or_bank_holiday(string date) =>
        Assert.NotNull(Calculator.FieldworkStartProblem(D(date)));
}
