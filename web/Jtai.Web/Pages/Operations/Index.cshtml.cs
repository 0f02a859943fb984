using Jtai.Web.Gateway;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jtai.Web.Pages.Operations;

/// <summary>The console's first page: thresholds at a glance, each process's health, outboxes, error queues.</summary>
public sealed class IndexModel(GatewayClient gateway) : PageModel
{
    public OperationsStatusView Status { get; private set; } = null!;

    [BindProperty(SupportsGet = true)]
    public string? InspectionId { get; set; }

    public string? InspectionIdError { get; private set; }

    public async Task<IActionResult> OnGet(CancellationToken ct)
    {
        if (InspectionId is not null)
        {
            if (Guid.TryParse(InspectionId.Trim(), out var id)) return RedirectToPage("/Operations/Flow", new { inspectionId = id });
            InspectionIdError = "Enter the inspection's ID, like 0b6f3a52-5c1e-4a2e-9b0e-3f1f2d4c5a6b";
        }
        Status = await gateway.Get<OperationsStatusView>("/api/orchestrator/operations/status", ct);
        return Page();
    }
}
