using System.Net.Http.Headers;
using Jtai.Contracts.InformationRequests;
using Jtai.ServiceDefaults.Security;
using Jtai.Web.Gateway;
using Jtai.Web.Pages.CaseSelection;
using Jtai.Web.Pages.Forms;
using Jtai.Web.Pages.Inspections;
using Microsoft.AspNetCore.Mvc;

namespace Jtai.Web.Pages.InformationExchange;

/// <summary>
/// A partner agency shares a document asked of it through the exchange: the list of multi-agency
/// audits (¶96), a performance and management information item (¶108), its case records of a child
/// selected for audit (¶102–104), or the partnership's audits (¶28, ¶106). Ofsted's service checks
/// who may file what, the type, size and content of the file; a re-upload supersedes the last one.
/// </summary>
public sealed class DocumentModel(GatewayClient gateway) : FormPageModel
{
    public const string AuditList = "audit-list";
    public const string Performance = "performance";
    public const string CaseRecords = "case-records";
    public const string PartnershipAudits = "partnership-audits";

    public InspectionView Inspection { get; private set; } = null!;
    public string Kind { get; private set; } = "";
    public string? Item { get; private set; }
    public string Title { get; private set; } = "";
    public string Paragraph { get; private set; } = "";
    /// <summary>What this agency already filed in this place (every version).</summary>
    public IReadOnlyList<DocumentView> Filed { get; private set; } = [];
    public IReadOnlyList<string> ChildrenForAudit { get; private set; } = [];
    public IReadOnlyList<string> RecordTypes { get; private set; } = [];

    [BindProperty] public string? ChildId { get; set; }
    [BindProperty] public string? RecordType { get; set; }
    [BindProperty] public string? Evaluation { get; set; }
    /// <summary>The dates a performance document covers, when the partner states them (Annex A: each item asks for a period).</summary>
    [BindProperty] public DateParts CoversFrom { get; set; } = new();
    [BindProperty] public DateParts CoversTo { get; set; } = new();
    /// <summary>The period the item covers for this inspection (from the checklist), for a performance item.</summary>
    public PeriodView? Period { get; private set; }

    public bool NeedsChild => Kind == CaseRecords || (Kind == PartnershipAudits && Evaluation != CaseRecordTypes.ThemesSummary);

    public async Task<IActionResult> OnGet(Guid id, string kind, string? item, CancellationToken ct) =>
        await Load(id, kind, item, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPost(Guid id, string kind, string? item, IFormFile? file, CancellationToken ct)
    {
        if (!await Load(id, kind, item, ct)) return NotFound();
        var coversFrom = Kind == Performance ? CoversFrom.ToDate("coversFrom-day", "first day the document covers", Errors, required: false) : null;
        var coversTo = Kind == Performance ? CoversTo.ToDate("coversTo-day", "last day the document covers", Errors, required: false) : null;
        var path = Kind == Performance ? DocumentPaths.Performance(id, Item!, coversFrom, coversTo) : PathFor(id);
        if (file is null || file.Length == 0) Errors.Add(new PageError("file", "Select the document to upload"));
        if (Errors.Count > 0 || path is null) return Page();

        await using var stream = file!.OpenReadStream();
        var content = new StreamContent(stream);
        content.Headers.ContentType = MediaTypeHeaderValue.TryParse(file.ContentType, out var type) ? type : new MediaTypeHeaderValue("application/octet-stream");
        using var form = new MultipartFormDataContent { { content, "file", file.FileName } };
        var result = await gateway.Send<DocumentView>(HttpMethod.Post, path, form, ct);
        if (result.Value is { } stored)
            return Changed($"{file.FileName} received (version {stored.Version}).{(stored.Period?.Warning is { } warning ? " " + warning : "")}", new { id, kind, item });
        Refused(result.Problem!, field => field switch
        {
            "coversFrom" => new FormField("coversFrom-day"),
            "coversTo" => new FormField("coversTo-day"),
            "childId" => new FormField("childId"),
            "recordType" => new FormField("recordType", "Select the kind of record"),
            "evaluation" => new FormField("evaluation-0", "Select what you are sharing"),
            _ => new FormField("file"),
        }, "file");
        return Page();
    }

    /// <summary>The exchange's path for this upload, or null with the error for what the path needs (the child).</summary>
    private string? PathFor(Guid id)
    {
        switch (Kind)
        {
            case AuditList: return DocumentPaths.AuditList(id);
            case Performance: return DocumentPaths.Performance(id, Item!);
            case PartnershipAudits when Evaluation == CaseRecordTypes.ThemesSummary: return DocumentPaths.ThemesSummary(id);
        }
        if (Kind == PartnershipAudits && Evaluation is null)
        {
            Errors.Add(new PageError("evaluation-0", "Select what you are sharing"));
            return null;
        }
        if (string.IsNullOrEmpty(ChildId))
        {
            Errors.Add(new PageError("childId", "Select the child the document is about"));
            return null;
        }
        return Kind == CaseRecords
            ? DocumentPaths.CaseRecord(id, User.Agency() ?? "", ChildId, RecordType)
            : DocumentPaths.Evaluation(id, ChildId, Evaluation!);
    }

    private async Task<bool> Load(Guid id, string kind, string? item, CancellationToken ct)
    {
        Kind = kind;
        Item = item;
        var agency = User.Agency();
        var key = kind switch
        {
            AuditList => AnnexAItems.AuditList,
            Performance when item is not null => AnnexAItems.Performance(item),
            CaseRecords when agency is not null => AnnexAItems.CaseRecords(agency),
            PartnershipAudits => AnnexAItems.PartnershipAudits,
            _ => null,
        };
        if (key is null || AnnexAItems.Find(key) is not { } catalogued) return false;
        Title = catalogued.Title;
        Paragraph = catalogued.Paragraph;
        RecordTypes = agency is not null && CaseRecordTypes.ByAgency.TryGetValue(agency, out var types) ? types : [];

        var inspection = gateway.Get<InspectionView>(InspectionPaths.Inspection(id), ct);
        var documents = gateway.GetAll<DocumentView>(DocumentPaths.List(id), ct);
        var asked = kind is CaseRecords or PartnershipAudits ? gateway.Find<List<AskedChild>>(SelectionPaths.Asked(id), ct) : null;
        var checklist = kind is Performance ? gateway.Find<ChecklistView>(InspectionPaths.Checklist(id), ct) : null;
        Inspection = await inspection;
        Period = checklist is null ? null : (await checklist)?.Items.FirstOrDefault(i => i.Key == key)?.Period;
        var documentKind = kind switch
        {
            AuditList => DocumentKinds.AuditList,
            Performance => DocumentKinds.Performance,
            CaseRecords => DocumentKinds.CaseRecord,
            _ => DocumentKinds.PartnershipAudit,
        };
        Filed = (await documents).Where(d => d.Kind == documentKind && (kind != Performance || d.Item == item))
            .OrderBy(d => d.ChildId).ThenBy(d => d.Item).ThenByDescending(d => d.Version).ToList();
        ChildrenForAudit = asked is null ? [] : ((await asked) ?? []).Where(c => c.ForAudit).Select(c => c.ChildId).ToList();
        return true;
    }
}
