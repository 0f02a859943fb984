using System.Text.Json;
using Jtai.Web.Gateway;

namespace Jtai.Web.Pages.FollowUp;

public sealed record PlanSubmission(string Stage, DateOnly ReceivedOn, DateTimeOffset? ReviewedAt, string? ReviewNotes, string? Outcome, string? OutcomeReason);

public sealed record ScheduledVisit(DateOnly On, string Focus, string? Kind);

public sealed record CoordinationDetails(List<string>? SharedWith, string? Note, DateTimeOffset? RecordedAt,
    List<string>? LetterSharedWithDepartments, DateOnly? LetterSharedOn, bool? RepeatJtai, string? RepeatJtaiReason);

/// <summary>HMI Probation: a progress review or one of its own inspections brought forward.</summary>
public sealed record ProgressItem(DateOnly On, string Kind, string Note);

public sealed record ReviewMeeting(DateOnly On, List<string>? Attendees, List<string>? Responses, List<string>? Enforcement,
    string? Reasons, string? CriminalRoutesNoted, DateTimeOffset? DecidedAt);

/// <summary>
/// What each service keeps of one follow-up beside its lifecycle (<c>details</c>), read for staff: Ofsted the DfE told, the action
/// plans and what became of them, the monitoring visits and a coordinated follow-up's records; CQC the management review meeting
/// (its actions are offered for closing apart); HMICFRS the cause of concern and the engage record. A property another process has not is null.
/// </summary>
public sealed record StaffDetails(
    DateTimeOffset? DfeInformedAt, string? DfeContact, DateTimeOffset? ActionPlanRequestedAt, string? ExpectedStage,
    List<PlanSubmission>? ActionPlans, List<ScheduledVisit>? MonitoringVisits, CoordinationDetails? Coordination,
    ReviewMeeting? Meeting,
    string? Concern, List<string>? Recommendations, DateOnly? ReportPublishedOn, DateOnly? PolicingBodyCommentsPublishedOn,
    string? EscalationReason, string? EscalationDetail, DateOnly? HmiMeetingOn, string? ChiefConstable, string? PoliceAndCrimeCommissioner,
    string? ActionsIdentified, DateOnly? RootCauseAnalysisReceivedOn, string? RootCauseAnalysis, DateOnly? ImprovementPlanReceivedOn,
    string? ImprovementPlan, string? ImprovementRequired, DateOnly? DisengagedOn, string? DisengagementDecision, string? DisengagementEvidence,
    List<ScheduledVisit>? Revisits,
    string? RequestedOf = null, DateOnly? DueOn = null, DateOnly? ReceivedOn = null, string? Summary = null, string? ReturnedBecause = null,
    DateOnly? AcceptedOn = null, string? Decision = null, List<ProgressItem>? Progress = null)
{
    public static StaffDetails? Of(JsonElement? details) =>
        details is { ValueKind: JsonValueKind.Object } d ? d.Deserialize<StaffDetails>(GatewayClient.Json) : null;

    /// <summary>The details as rows of a summary list: a heading and its lines, only what has happened.</summary>
    public IReadOnlyList<(string Key, IReadOnlyList<string> Lines)> Rows()
    {
        var rows = new List<(string, IReadOnlyList<string>)>();
        void Add(string key, params string?[] lines)
        {
            var present = lines.Where(l => !string.IsNullOrWhiteSpace(l)).Select(l => l!).ToList();
            if (present.Count > 0) rows.Add((key, present));
        }

        // Ofsted: the ILACS action plan (¶111).
        if (DfeInformedAt is { } informed) Add("DfE informed", $"{Display.DateTime(informed)}{(DfeContact is null ? "" : $" ({DfeContact})")}");
        if (ActionPlanRequestedAt is { } requested)
            Add("Action plan", $"Asked for {Display.DateTime(requested)}", ExpectedStage is null ? null : $"{Display.Words(ExpectedStage)} plan expected");
        Add("Action plans received", [.. (ActionPlans ?? []).Select(Plan)]);
        Add("Monitoring visits", [.. (MonitoringVisits ?? []).Select(v => $"{Display.Date(v.On)}: {v.Focus}")]);
        if (Coordination is { } c)
        {
            Add("Coordination", c.RecordedAt is { } at ? $"Shared with {string.Join(", ", (c.SharedWith ?? []).Select(Display.Inspectorate))} {Display.DateTime(at)}: {c.Note}" : null);
            Add("Letter shared with departments", c.LetterSharedOn is { } on ? $"{string.Join(", ", c.LetterSharedWithDepartments ?? [])} on {Display.Date(on)}" : null);
            Add("Repeat JTAI", c.RepeatJtai is { } repeat ? $"{(repeat ? "Yes" : "No")}: {c.RepeatJtaiReason}" : null);
        }

        // CQC: the management review meeting (¶112–113).
        if (Meeting is { } m)
            Add("Management review meeting", $"{Display.Date(m.On)} with {string.Join(", ", m.Attendees ?? [])}",
                m.DecidedAt is { } decided
                    ? $"Decided {Display.DateTime(decided)}: {string.Join(", ", (m.Responses ?? []).Concat(m.Enforcement ?? []).Select(Display.Words))}. {m.Reasons}"
                    : null,
                m.CriminalRoutesNoted is null ? null : $"Criminal routes noted: {m.CriminalRoutesNoted}");

        // HMICFRS: force monitoring, scan and engage (¶114–117).
        Add("Cause of concern", Concern, ReportPublishedOn is { } published ? $"Report published {Display.Date(published)}" : null);
        Add("Recommendations", [.. Recommendations ?? []]);
        Add("Local policing body comments", PolicingBodyCommentsPublishedOn is { } comments ? $"Published {Display.Date(comments)}" : null);
        Add("Engage", EscalationReason is null ? null : $"{Display.Words(EscalationReason)}: {EscalationDetail}");
        Add("HMI's meeting", HmiMeetingOn is { } held ? $"{Display.Date(held)} with {ChiefConstable} and {PoliceAndCrimeCommissioner}: {ActionsIdentified}" : null);
        Add("Root cause analysis", RootCauseAnalysisReceivedOn is { } rca ? $"Received {Display.Date(rca)}: {RootCauseAnalysis}" : null);
        Add("Improvement plan", ImprovementPlanReceivedOn is { } plan ? $"Received {Display.Date(plan)}: {ImprovementPlan}" : null);
        Add("Improvement required", ImprovementRequired);
        Add("Disengaged", DisengagedOn is { } off ? $"{Display.Date(off)}: {DisengagementDecision} (evidence: {DisengagementEvidence})" : null);
        Add("Revisits", [.. (Revisits ?? []).Select(v => $"{Display.Words(v.Kind ?? "revisit")} {Display.Date(v.On)}: {v.Focus}")]);

        // HMI Probation: the improvement plan and its monitoring (programme note ¶7–8).
        Add("Improvement plan asked of", RequestedOf is null ? null : $"{RequestedOf}{(DueOn is { } due ? $", due {Display.Date(due)}" : "")}");
        Add("Improvement plan received", ReceivedOn is { } received ? $"{Display.Date(received)}: {Summary}" : null);
        Add("Improvement plan returned", ReturnedBecause);
        Add("Improvement plan accepted", AcceptedOn is { } accepted ? $"{Display.Date(accepted)}: {Decision}" : null);
        Add("Progress", [.. (Progress ?? []).Select(p =>
            $"{Display.Date(p.On)}, {(p.Kind == "progress-review" ? "progress review" : $"{Display.Words(p.Kind).ToLowerInvariant()} brought forward")}: {p.Note}")]);
        return rows;
    }

    private static string Plan(PlanSubmission p)
    {
        var line = $"{Display.Words(p.Stage)} plan received {Display.Date(p.ReceivedOn)}";
        if (p.ReviewNotes is not null) line += $"; reviewed: {p.ReviewNotes}";
        if (p.Outcome is not null) line += $"; {p.Outcome}{(p.OutcomeReason is null ? "" : $": {p.OutcomeReason}")}";
        return line;
    }
}
