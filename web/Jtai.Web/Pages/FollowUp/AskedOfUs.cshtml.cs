using Jtai.ServiceDefaults.Security;
using Jtai.Web.Gateway;
using Jtai.Web.Pages.Inspections;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jtai.Web.Pages.FollowUp;

public sealed record ActionPlanItem(string Stage, DateOnly ReceivedOn, string? Outcome, string? OutcomeReason);
public sealed record VisitItem(DateOnly On, string Focus, string? Kind);

/// <summary>
/// What an inspectorate asks of the partner's agency in its follow-up, as each service sends it
/// (<c>addressedToYou</c>): Ofsted the action plan expected and what became of those sent, and the
/// monitoring visits; CQC the regulatory response and its actions; HMICFRS the cause of concern, its
/// recommendations, the improvement required and the revisits; HMI Probation the improvement plan, by when, why one was
/// returned and its own inspections brought forward. A property another process has not is null.
/// </summary>
public sealed record AskedOfYou(
    string? ExpectedStage, List<ActionPlanItem>? ActionPlans, List<VisitItem>? MonitoringVisits,
    List<string>? Responses, List<string>? Enforcement, List<RegulatoryActionItem>? Actions,
    string? Concern, List<string>? Recommendations, string? ImprovementRequired, List<VisitItem>? Revisits,
    DateOnly? DueOn = null, DateOnly? ReceivedOn = null, string? ReturnedBecause = null, DateOnly? AcceptedOn = null,
    List<ProgressItem>? InspectionsBroughtForward = null);

public sealed record PartnerFollowUpView(Guid Id, Guid InspectionId, string Inspectorate, string Process, string State, string Text,
    List<FollowUpDeadlineView> Deadlines, AskedOfYou? AddressedToYou);

/// <summary>
/// Annex B ¶110–117 for the partner agency: each inspectorate's follow-up of the areas for priority
/// action concerning the signed-in partner's agency in this inspection: what is asked of it, the
/// dates it is due and where each stands. Each service chooses what a partner sees (its own area,
/// its own agency, never the inspectorates' notes); a service that shows nothing shows nothing here.
/// </summary>
public sealed class AskedOfUsModel(GatewayClient gateway) : PageModel
{
    public InspectionView Inspection { get; private set; } = null!;
    public IReadOnlyList<PartnerFollowUpView> FollowUps { get; private set; } = [];

    public async Task OnGet(Guid id, CancellationToken ct)
    {
        // Only the services of the inspectorates taking part hold follow-ups of this inspection.
        Inspection = await gateway.Get<InspectionView>(InspectionPaths.Inspection(id), ct);
        var lists = await Task.WhenAll(Inspection.Inspectorates.Select(i => Read(i, id, ct)));
        FollowUps = lists.SelectMany(l => l.FollowUps ?? []).ToList();
        Unavailable = [.. lists.Where(l => l.Unavailable).Select(l => l.Inspectorate)];
    }

    /// <summary>The inspectorates whose service did not answer: the page shows the others' follow-ups and names these, rather than nothing at all.</summary>
    public IReadOnlyList<string> Unavailable { get; private set; } = [];

    private async Task<(string Inspectorate, List<PartnerFollowUpView>? FollowUps, bool Unavailable)> Read(string inspectorate, Guid id, CancellationToken ct)
    {
        try
        {
            return (inspectorate, await gateway.FindAll<PartnerFollowUpView>($"/api/{inspectorate}/partner/follow-ups?inspectionId={id}", ct), false);
        }
        catch (HttpRequestException e) when (e.StatusCode is System.Net.HttpStatusCode.ServiceUnavailable or System.Net.HttpStatusCode.BadGateway or System.Net.HttpStatusCode.GatewayTimeout)
        {
            return (inspectorate, null, true);
        }
    }
}
