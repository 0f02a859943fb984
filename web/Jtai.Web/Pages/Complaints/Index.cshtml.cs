using Jtai.ServiceDefaults.Paging;
using Jtai.ServiceDefaults.Security;
using Jtai.Web.Gateway;
using Jtai.Web.Pages.Forms;
using Jtai.Web.Pages.Inspections;
using Microsoft.AspNetCore.Mvc;

namespace Jtai.Web.Pages.Complaints;

/// <summary>
/// Annex C: the area's partners may complain formally from the final letter until 10 working days
/// after publication, about the process or findings (Ofsted investigates) or an inspector's conduct
/// (that inspector's inspectorate does), and may ask for the letter to be withdrawn. The platform
/// keeps the window and decides who sees what of each complaint.
/// </summary>
public sealed class IndexModel(GatewayClient gateway) : FormPageModel
{
    public InspectionView Inspection { get; private set; } = null!;
    public IReadOnlyList<ComplaintView> Complaints { get; private set; } = [];
    public PageLinks Pages { get; private set; } = null!;

    [BindProperty] public ComplaintForm Form { get; set; } = new();

    /// <summary>Partners complain (a way in: the platform keeps the window and decides).</summary>
    public bool OffersComplaint => User.IsPartner();

    /// <summary>The complaints a page at a time, in the order they came (<paramref name="after"/>: the previous page's cursor).</summary>
    public async Task OnGet(Guid id, string? after, CancellationToken ct) => await Load(id, after, ct);

    public async Task<IActionResult> OnPost(Guid id, CancellationToken ct)
    {
        var conduct = Form.Kind == ComplaintWords.Conduct;
        var result = await gateway.Send<ComplaintView>(HttpMethod.Post, ComplaintPaths.Complaints(id), new
        {
            kind = Form.Kind,
            text = Form.Text,
            inspectorate = conduct ? Form.Inspectorate : null,
            inspectorName = conduct ? Form.InspectorName : null,
            requestWithdrawal = Form.RequestWithdrawal,
            exceptionalCircumstances = Form.RequestWithdrawal ? Form.ExceptionalCircumstances : null,
        }, ct);
        if (result.Value is { } complaint)
        {
            Done = $"Complaint received. It will be acknowledged by the end of {Display.Date(complaint.AcknowledgementDueOn!.Value)}.";
            return RedirectToPage("/Complaints/Complaint", new { id, complaintId = complaint.Id });
        }
        Refused(result.Problem!, field => field switch
        {
            "kind" => new FormField("kind-0", "Select what the complaint is about"),
            "text" => new FormField("text", "Enter the complaint"),
            "inspectorate" => new FormField("inspectorate-0", "Select the inspector's inspectorate"),
            "inspectorName" => new FormField("inspectorName", "Enter the inspector's name"),
            "exceptionalCircumstances" => new FormField("exceptionalCircumstances", "Enter the exceptional circumstances for withdrawing the letter"),
            _ => null,
        }, "kind-0");
        await Load(id, null, ct);
        return Page();
    }

    private async Task Load(Guid id, string? after, CancellationToken ct)
    {
        var inspection = gateway.Get<InspectionView>(InspectionPaths.Inspection(id), ct);
        var page = await gateway.Get<Page<ComplaintView>>(GatewayPages.After(ComplaintPaths.Complaints(id), after), ct);
        Complaints = page.Items;
        Pages = PageLinks.For($"/inspections/{id}/complaints", after, page.Next, "later complaints");
        Inspection = await inspection;
    }

    public sealed class ComplaintForm
    {
        public string? Kind { get; set; }
        public string? Text { get; set; }
        public string? Inspectorate { get; set; }
        public string? InspectorName { get; set; }
        public bool RequestWithdrawal { get; set; }
        public string? ExceptionalCircumstances { get; set; }
    }
}
