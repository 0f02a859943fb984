using Jtai.Web.Gateway;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jtai.Web.Pages.Programme;

/// <summary>The year planner: every inspection's fieldwork week across the year, per inspectorate, with capacity and clashes.</summary>
public sealed class PlannerModel(GatewayClient gateway, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public YearPlannerView Planner { get; private set; } = null!;
    public PlannerChart Chart { get; private set; } = null!;

    public async Task OnGet(CancellationToken ct)
    {
        var year = Year ?? clock.GetUtcNow().Year;
        Planner = await gateway.Get<YearPlannerView>($"/api/orchestrator/planner?year={year}", ct);
        Chart = new PlannerChart(Planner);
    }

    public PlannerInspection? Inspection(Guid id) => Planner.Inspections.FirstOrDefault(i => i.InspectionId == id);
}
