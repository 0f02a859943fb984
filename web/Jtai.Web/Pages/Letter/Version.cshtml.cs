using Jtai.Web.Gateway;
using Jtai.Web.Pages.Inspections;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jtai.Web.Pages.Letter;

/// <summary>One version of the letter as it was saved: every edit is kept (¶77–81).</summary>
public sealed class VersionModel(GatewayClient gateway) : PageModel
{
    public InspectionView Inspection { get; private set; } = null!;
    public LetterVersionView Version { get; private set; } = null!;

    public async Task OnGet(Guid id, int number, CancellationToken ct)
    {
        var version = gateway.Get<LetterVersionView>(LetterPaths.Version(id, number), ct);
        Inspection = await gateway.Get<InspectionView>(InspectionPaths.Inspection(id), ct);
        Version = await version;
    }
}
