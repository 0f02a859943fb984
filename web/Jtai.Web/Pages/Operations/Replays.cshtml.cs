using Jtai.Web.Gateway;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jtai.Web.Pages.Operations;

/// <summary>Every replay on record: who, when, which message, what had failed, and what became of it.</summary>
public sealed class ReplaysModel(GatewayClient gateway) : PageModel
{
    public IReadOnlyList<ReplayRecordView> Replays { get; private set; } = [];
    public Guid? Replayed { get; private set; }

    public async Task OnGet(Guid? replayed, CancellationToken ct)
    {
        Replayed = replayed;
        Replays = await gateway.Get<List<ReplayRecordView>>("/api/orchestrator/operations/dead-letters/replays?take=200", ct);
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
