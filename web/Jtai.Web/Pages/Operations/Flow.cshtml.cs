using Jtai.Web.Gateway;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jtai.Web.Pages.Operations;

/// <summary>
/// One inspection's messages across the services as a waterfall in time order: each message
/// published, consumed, retried or failed, with its trace in the dashboard.
/// </summary>
public sealed class FlowModel(GatewayClient gateway) : PageModel
{
    public FlowView Flow { get; private set; } = null!;
    public IReadOnlyList<ReplayRecordView> Replays { get; private set; } = [];
    public DateTimeOffset Start { get; private set; }
    public double TotalMilliseconds { get; private set; }

    public async Task OnGet(Guid inspectionId, CancellationToken ct)
    {
        Flow = await gateway.Get<FlowView>($"/api/orchestrator/operations/inspections/{inspectionId}/flow", ct);
        Replays = await gateway.Get<List<ReplayRecordView>>($"/api/orchestrator/operations/dead-letters/replays?inspectionId={inspectionId}", ct);
        if (Flow.Messages.Count == 0) return;
        Start = Flow.Messages.Min(m => m.At);
        // At least one millisecond, so a flow of one instant still draws.
        TotalMilliseconds = Math.Max(1, (Flow.Messages.Max(m => m.At) - Start).TotalMilliseconds);
    }

    public double Offset(FlowEntryView entry) => (entry.At - Start).TotalMilliseconds;
}
