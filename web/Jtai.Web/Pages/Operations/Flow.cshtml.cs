using Jtai.Web.Gateway;
using Microsoft.AspNetCore.Mvc;
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

    public PageLinks Pages { get; private set; } = null!;

    /// <summary>A page of the flow at a time, the earliest first (<paramref name="after"/>: the previous page's cursor).</summary>
    public async Task OnGet(Guid inspectionId, string? after, CancellationToken ct)
    {
        Flow = await gateway.Get<FlowView>(GatewayPages.After($"/api/orchestrator/operations/inspections/{inspectionId}/flow", after), ct);
        Pages = PageLinks.For(Url.Page("/Operations/Flow", new { inspectionId })!, after, Flow.Next, "later messages");
        // One inspection's replays are a handful: the page shows them all beside its messages.
        Replays = await gateway.GetAll<ReplayRecordView>($"/api/orchestrator/operations/dead-letters/replays?inspectionId={inspectionId}", ct);
        if (Flow.Messages.Count == 0) return;
        Start = Flow.Messages.Min(m => m.At);
        // At least one millisecond, so a flow of one instant still draws.
        TotalMilliseconds = Math.Max(1, (Flow.Messages.Max(m => m.At) - Start).TotalMilliseconds);
    }

    public double Offset(FlowEntryView entry) => (entry.At - Start).TotalMilliseconds;
}
