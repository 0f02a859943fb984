using System.Net.Http.Headers;
using Jtai.Contracts.InformationRequests;
using Jtai.Web.Gateway;
using Jtai.Web.Pages.Inspections;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jtai.Web.Pages.InformationExchange;

/// <summary>
/// The local authority uploads one of the child-level data lists 1–5 (¶95). Ofsted's service
/// checks the file; a refused file comes back with every problem by row and column, shown as the
/// GOV.UK error summary, with the choice to store the valid rows (the file is chosen again: the web
/// keeps no child-level data).
/// </summary>
public sealed class AnnexAListModel(GatewayClient gateway) : PageModel
{
    /// <summary>How many problems the error summary lists; the table below lists all the platform sent.</summary>
    public const int ProblemsInSummary = 25;

    public InspectionView Inspection { get; private set; } = null!;
    public string ListTitle { get; private set; } = "";
    public int List { get; private set; }
    public List<AnnexAUploadView>? Uploads { get; private set; }

    public List<PageError> Errors { get; } = [];
    public List<FileProblem> Problems { get; private set; } = [];
    public int ProblemCount { get; private set; }
    public int RowsRead { get; private set; }
    public int RowsRefused { get; private set; }
    /// <summary>Some rows were valid: offer to store them and leave out the refused ones.</summary>
    public bool CanKeepValidRows => RowsRead > RowsRefused && RowsRefused > 0;

    [TempData] public string? Received { get; set; }

    public async Task OnGet(Guid id, int list, CancellationToken ct) => await Load(id, list, ct);

    public async Task<IActionResult> OnPost(Guid id, int list, IFormFile? file, bool keepValidRows, CancellationToken ct)
    {
        await Load(id, list, ct);
        if (file is null || file.Length == 0)
        {
            Errors.Add(new PageError("file", "Select the list as a CSV or XLSX file"));
            return Page();
        }
        await using var stream = file.OpenReadStream();
        var content = new StreamContent(stream);
        content.Headers.ContentType = MediaTypeHeaderValue.TryParse(file.ContentType, out var type) ? type : new MediaTypeHeaderValue("application/octet-stream");
        using var form = new MultipartFormDataContent { { content, "file", file.FileName } };
        var result = await gateway.Send<AnnexAUploadView>(HttpMethod.Post, ExchangePaths.List(id, list, keepValidRows), form, ct);
        if (result.Value is { } stored)
        {
            Received = $"List {list} received: {stored.RowsStored} rows stored"
                + (stored.RowsRefused > 0 ? $", {stored.RowsRefused} rows with problems left out" : "")
                + $" (version {stored.Version})."
                // ¶8: kept, but said: rows dated before the six months the lists cover, by row.
                + (stored.RowsBeforePeriod > 0 && stored.PeriodFrom is { } from
                    ? $" {stored.RowsBeforePeriod} {(stored.RowsBeforePeriod == 1 ? "row is" : "rows are")} dated before {Display.Date(from)}, the start of the six months the lists cover: " +
                      string.Join("; ", (stored.Warnings ?? []).Take(5).Select(w => w.Where))
                      + ((stored.Warnings?.Count ?? 0) > 5 ? " and more" : "") + ". Check the extract."
                    : "");
            return RedirectToPage("/Inspections/Inspection", new { id });
        }
        var problem = result.Problem!;
        Problems = FileProblem.From(problem.Body);
        ProblemCount = Math.Max(FileProblem.Count(problem.Body, "problemCount"), Problems.Count);
        RowsRead = FileProblem.Count(problem.Body, "rowsRead");
        RowsRefused = FileProblem.Count(problem.Body, "rowsRefused");
        if (Problems.Count > 0)
            Errors.AddRange(Problems.Take(ProblemsInSummary).Select(p => new PageError("file", $"{p.Where}: {p.Message}")));
        else
            Errors.AddRange(problem.Messages().Select(m => new PageError("file", m.Message)));
        return Page();
    }

    private async Task Load(Guid id, int list, CancellationToken ct)
    {
        List = list;
        ListTitle = AnnexAItems.Find(AnnexAItems.AnnexAList(list))?.Title ?? $"List {list}";
        var inspection = gateway.Get<InspectionView>(InspectionPaths.Inspection(id), ct);
        var uploads = gateway.FindAll<AnnexAUploadView>(ExchangePaths.Uploads(id), ct);
        Inspection = await inspection;
        Uploads = (await uploads)?.Where(u => u.List == list).OrderByDescending(u => u.Version).ToList();
    }
}
