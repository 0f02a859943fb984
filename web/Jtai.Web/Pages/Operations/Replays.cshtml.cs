using Jtai.ServiceDefaults.Paging;
using Jtai.Web.Gateway;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jtai.Web.Pages.Operations;

/// <summary>Every replay on record: who, when, which message, what had failed, and what became of it.</summary>
public sealed class ReplaysModel(GatewayClient gateway) : PageModel
{
    public IReadOnlyList<ReplayRecordView> Replays { get; private set; } = [];
    public Guid? Replayed { get; private set; }
    public PageLinks Pages { get; private set; } = null!;

    /// <summary>A page of the record at a time, newest first (<paramref name="after"/>: the previous page's cursor).</summary>
    public async Task OnGet(Guid? replayed, string? after, CancellationToken ct)
    {
        Replayed = replayed;
        var page = await gateway.Get<Page<ReplayRecordView>>(GatewayPages.After("/api/orchestrator/operations/dead-letters/replays", after), ct);
        Replays = page.Items;
        Pages = PageLinks.For(Url.Page("/Operations/Replays")!, after, page.Next, "older replays");
    }

    public static string Since(ReplayRecordView replay) => replay.AfterReplay switch
    {
        null => replay.Outcome == "not-found" ? "It was no longer in the error queue" : "",
        { Status: "consumed" } after => $"Consumed at {OperationsConsole.Precise(after.At)}",
        { Status: "failed-again" } after => $"Failed again at {OperationsConsole.Precise(after.At)}: {after.Detail}",
        { Status: "awaiting" } => "Not consumed yet",
        { } after => $"Not known ({after.Detail})",
    };
}
