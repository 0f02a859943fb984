using Jtai.Web.Gateway;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jtai.Web.Pages.Operations;

/// <summary>Late work across all inspections: overdue milestones and deadline rows, stuck outbox messages.</summary>
public sealed class StuckWorkModel(GatewayClient gateway) : PageModel
{
    public StuckWorkView Work { get; private set; } = null!;

    public async Task OnGet(CancellationToken ct) =>
        Work = await gateway.Get<StuckWorkView>("/api/orchestrator/operations/stuck-work", ct);
}
