using Jtai.Web.Gateway;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jtai.Web.Pages.Operations;

/// <summary>The messages in one error queue, why each failed, when it first and last failed; replay one.</summary>
public sealed class DeadLettersModel(GatewayClient gateway, ReplayClient replays) : PageModel
{
    public string Queue { get; private set; } = "";
    public IReadOnlyList<DeadLetterMessage> Messages { get; private set; } = [];
    public string? Problem { get; private set; }

    public async Task OnGet(string queue, CancellationToken ct) => await Load(queue, ct);

    public async Task<IActionResult> OnPost(string queue, Guid messageId, CancellationToken ct)
    {
        var outcome = await replays.Replay(queue, messageId, ct);
        if (outcome.Replayed) return RedirectToPage("/Operations/Replays", new { replayed = messageId });
        Problem = outcome.Problem;
        await Load(queue, ct);
        return Page();
    }

    private async Task Load(string queue, CancellationToken ct)
    {
        Queue = queue;
        Messages = await gateway.Get<List<DeadLetterMessage>>($"/api/orchestrator/operations/dead-letters/{Uri.EscapeDataString(queue)}/messages", ct);
    }
}
