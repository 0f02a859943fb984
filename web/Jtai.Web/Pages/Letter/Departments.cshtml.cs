using Jtai.Web.Gateway;
using Jtai.Web.Pages.Forms;
using Jtai.Web.Pages.Inspections;
using Microsoft.AspNetCore.Mvc;

namespace Jtai.Web.Pages.Letter;

/// <summary>
/// ¶110: when a priority action concerns several agencies or the MASA, the final letter goes to the
/// government departments before it is published, and is published only once it has reached them.
/// Ofsted's lead or its managers name the departments; the platform knows their addresses, delivers the
/// letter and says when it may be sent (final, not withdrawn, not yet published, not sent already).
/// </summary>
public sealed class DepartmentsModel(GatewayClient gateway) : FormPageModel
{
    public InspectionView Inspection { get; private set; } = null!;
    public LetterView Letter { get; private set; } = null!;

    [BindProperty] public string? Departments { get; set; }

    public async Task OnGet(Guid id, CancellationToken ct)
    {
        await Load(id, ct);
        Departments = string.Join("\n", Letter.Departments);
    }

    public async Task<IActionResult> OnPost(Guid id, CancellationToken ct)
    {
        var departments = (Departments ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        var problem = await gateway.Send(HttpMethod.Post, LetterPaths.Departments(id), new { departments }, ct);
        if (problem is null)
        {
            Done = "The final letter is on its way to the government departments: its deliveries are listed on the letter.";
            return RedirectToPage("Index", new { id });
        }
        Refused(problem, field => field.StartsWith("departments", StringComparison.Ordinal)
            ? new FormField("departments", "Enter the government departments to send the letter to") : null, "departments");
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
