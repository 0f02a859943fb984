using Jtai.Web.Gateway;
using Jtai.Web.Pages.Inspections;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jtai.Web.Pages.Letter;

/// <summary>The final letter as its addressees read it: under embargo until publication (¶84), then published.</summary>
public sealed class FinalModel(GatewayClient gateway) : PageModel
{
    public InspectionView Inspection { get; private set; } = null!;
    /// <summary>Null until the final letter is issued.</summary>
    public IssuedLetterView? Final { get; private set; }

    public async Task OnGet(Guid id, CancellationToken ct)
    {
        var final = gateway.Find<IssuedLetterView>(LetterPaths.Final(id), ct);
        Inspection = await gateway.Get<InspectionView>(InspectionPaths.Inspection(id), ct);
        Final = await final;
    }
}
