using Jtai.Web.Gateway;
using Jtai.Web.Pages.Forms;
using Jtai.Web.Pages.Inspections;
using Microsoft.AspNetCore.Mvc;

namespace Jtai.Web.Pages.Letter;

/// <summary>
/// Annex C ¶121: Ofsted's National Director decides, with the other inspectorates, to withdraw the
/// final letter: an embargoed one is never published, a published one stops being served. The
/// platform lets only the National Director record it, with who decided and why.
/// </summary>
public sealed class WithdrawalModel(GatewayClient gateway) : FormPageModel
{
    public InspectionView Inspection { get; private set; } = null!;
    public LetterView Letter { get; private set; } = null!;

    [BindProperty] public string? DecidedBy { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public async Task OnGet(Guid id, CancellationToken ct) => await Load(id, ct);

    public async Task<IActionResult> OnPost(Guid id, CancellationToken ct)
    {
        var problem = await gateway.Send(HttpMethod.Post, LetterPaths.Withdrawal(id), new { decidedBy = DecidedBy, reason = Reason }, ct);
        if (problem is null)
        {
            Done = "The letter is withdrawn.";
            return RedirectToPage("Index", new { id });
        }
        Refused(problem, field => field switch
        {
            "decidedBy" => new FormField("decidedBy", "Enter who decided the withdrawal"),
            "reason" => new FormField("reason", "Enter why the letter is withdrawn"),
            _ => null,
        }, "decidedBy");
        await Load(id, ct);
        return Page();
    }

    private async Task Load(Guid id, CancellationToken ct)
    {
        var letter = gateway.Get<LetterView>(LetterPaths.Letter(id), ct);
        Inspection = await gateway.Get<InspectionView>(InspectionPaths.Inspection(id), ct);
        Letter = await letter;
    }
}
