using Jtai.Web.Gateway;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jtai.Web.Pages.Operations;

/// <summary>
/// Late work across all inspections: overdue milestones and deadline rows, stuck outbox messages, each list a
/// page at a time with its own cursor (moving on in one list keeps the others where they are).
/// </summary>
public sealed class StuckWorkModel(GatewayClient gateway) : PageModel
{
    private const string Path = "/operations/stuck-work";

    public StuckWorkView Work { get; private set; } = null!;
    public PageLinks Milestones { get; private set; } = null!;
    public PageLinks Deadlines { get; private set; } = null!;
    public PageLinks Outbox { get; private set; } = null!;

    public async Task OnGet(string? milestonesAfter, string? deadlinesAfter, string? outboxAfter, CancellationToken ct)
    {
        var cursors = new Dictionary<string, string?>
        {
            ["milestonesAfter"] = milestonesAfter, ["deadlinesAfter"] = deadlinesAfter, ["outboxAfter"] = outboxAfter,
        };
        Work = await gateway.Get<StuckWorkView>(With("/api/orchestrator/operations/stuck-work", cursors, except: null), ct);
        Milestones = PageLinks.For(With(Path, cursors, "milestonesAfter"), milestonesAfter, Work.OverdueMilestones.Next, "later overdue milestones", "milestonesAfter");
        Deadlines = PageLinks.For(With(Path, cursors, "deadlinesAfter"), deadlinesAfter, Work.OverdueDeadlines.Next, "later overdue deadlines", "deadlinesAfter");
        Outbox = PageLinks.For(With(Path, cursors, "outboxAfter"), outboxAfter, Work.StuckOutbox.Next, "later stuck messages", "outboxAfter");
    }

    /// <summary>The address with every list's cursor but <paramref name="except"/>'s.</summary>
    private static string With(string path, Dictionary<string, string?> cursors, string? except) =>
        QueryHelpers.AddQueryString(path, cursors.Where(c => c.Key != except && !string.IsNullOrEmpty(c.Value)));
}
