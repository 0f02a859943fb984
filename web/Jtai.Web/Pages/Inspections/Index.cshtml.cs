using Jtai.ServiceDefaults.Paging;
using Jtai.Web.Gateway;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jtai.Web.Pages.Inspections;

/// <summary>The inspections the platform lets this person see: staff all, a partner agency only its own area's.</summary>
public sealed class IndexModel(GatewayClient gateway) : PageModel
{
    public IReadOnlyList<InspectionView> Inspections { get; private set; } = [];

    // The list is paged (a cursor per page); this page shows the first, soonest fieldwork first.
    public async Task OnGet(CancellationToken ct) =>
        Inspections = (await gateway.Get<Page<InspectionView>>($"/api/orchestrator/inspections?limit={PageQuery.MaxLimit}", ct)).Items;
}
