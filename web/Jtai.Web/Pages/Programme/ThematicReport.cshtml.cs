using Jtai.ServiceDefaults.Security;
using Jtai.Web.Gateway;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jtai.Web.Pages.Programme;

/// <summary>
/// The thematic report (programme note ¶4): a theme's agreed findings for a year drawn together by
/// criterion, agency and kind, with the letters they come from; downloads as CSV and a printable
/// document; each inspectorate's manager records its agreement. The platform decides who may see and agree.
/// </summary>
public sealed class ThematicReportModel(GatewayClient gateway, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Theme { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }

    public ThematicReportView Report { get; private set; } = null!;
    public IReadOnlyList<FrameworkSummary> Themes { get; private set; } = [];
    public List<PageError> Errors { get; } = [];

    [TempData] public string? Done { get; set; }

    private string ThemeKey => string.IsNullOrWhiteSpace(Theme) ? "front-door" : Theme.Trim();
    private int YearNumber => Year ?? clock.GetUtcNow().Year;

    public async Task OnGet(CancellationToken ct) => await Load(ct);

    public async Task<IActionResult> OnGetCsv(CancellationToken ct) => Send(await gateway.Download($"{ProgrammePaths.ThematicReport(ThemeKey, YearNumber)}/csv", ct));

    public async Task<IActionResult> OnGetDocument(CancellationToken ct)
    {
        var document = await gateway.Download($"{ProgrammePaths.ThematicReport(ThemeKey, YearNumber)}/html", ct);
        return File(document.Content, document.ContentType);
    }

    public async Task<IActionResult> OnPostAgree(CancellationToken ct)
    {
        var result = await gateway.Send<ThematicReportView>(HttpMethod.Post, $"{ProgrammePaths.ThematicReport(ThemeKey, YearNumber)}/agreements", null, ct);
        if (result.Value is not null)
        {
            Done = $"{Display.Inspectorate(User.Inspectorate())} agreed the thematic report.";
            return RedirectToPage(new { theme = ThemeKey, year = YearNumber });
        }
        await Load(ct);
        Errors.AddRange(result.Problem!.Messages().Select(m => new PageError("agree", m.Message)));
        return Page();
    }

    /// <summary>Managers of an inspectorate taking part may agree; the platform checks it again.</summary>
    public bool MayAgree => User.HasRole(JtaiRoles.Manager) && User.Inspectorate() is { } own && Report.Inspectorates.Contains(own);

    public string Area(Guid inspectionId) => Report.Letters.FirstOrDefault(l => l.InspectionId == inspectionId)?.LocalAreaName ?? "another inspection";

    private IActionResult Send(GatewayDownload download) => File(download.Content, download.ContentType, download.FileName);

    private async Task Load(CancellationToken ct)
    {
        var themes = gateway.Get<List<FrameworkSummary>>(ProgrammePaths.Frameworks, ct);
        Report = await gateway.Get<ThematicReportView>(ProgrammePaths.ThematicReport(ThemeKey, YearNumber), ct);
        Themes = (await themes).GroupBy(f => f.Key).Select(g => g.OrderByDescending(f => f.Version).First()).OrderBy(f => f.Name).ToList();
    }
}
