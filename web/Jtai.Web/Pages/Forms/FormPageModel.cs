using System.Text.RegularExpressions;
using Jtai.Web.Gateway;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jtai.Web.Pages.Forms;

/// <summary>
/// A page with forms: the errors the GOV.UK error summary lists (each linking to its field), the
/// platform's problems placed beside the fields they name, and the success message shown on the
/// next page after a change (the layout shows it as a GOV.UK notification banner).
/// </summary>
public abstract partial class FormPageModel : PageModel
{
    public List<PageError> Errors { get; } = [];

    /// <summary>Shown once, on the page the person is sent to after a change.</summary>
    [TempData] public string? Done { get; set; }

    public string? ErrorFor(string anchor) => Errors.FirstOrDefault(e => e.FieldId == anchor)?.Message;

    /// <summary>GOV.UK puts "Error: " before the title of a page with errors.</summary>
    public string TitleOf(string title) => (Errors.Count > 0 ? "Error: " : "") + title;

    /// <summary>
    /// The platform's problem beside the form's fields: each field the platform names goes to the
    /// field of the form it came from (<paramref name="fieldOf"/> maps the API's JSON path); a problem
    /// about no field (a rule of the process, 409) goes to the form's first field, <paramref name="fallback"/>.
    /// A missing value is said in GOV.UK's words when the field gives them.
    /// </summary>
    protected void Refused(GatewayProblem problem, Func<string, FormField?> fieldOf, string fallback)
    {
        // A refusal by the access rules carries only "Forbidden": say it in words, at the form.
        if (problem.Status == StatusCodes.Status403Forbidden && problem.Errors.Count == 0 && problem.Detail is null)
        {
            Errors.Add(new PageError(fallback, "You do not have permission to do this: the platform refused it."));
            return;
        }
        foreach (var (field, message) in problem.Messages())
        {
            var form = field.Length == 0 ? null : fieldOf(field);
            var text = form?.Missing is { } missing && Required().IsMatch(message) ? missing : message;
            Errors.Add(new PageError(form?.Anchor ?? fallback, text));
        }
    }

    /// <summary>Back to this page (GET) after a change, with its success message.</summary>
    protected IActionResult Changed(string done, object? routeValues = null)
    {
        Done = done;
        return RedirectToPage(routeValues);
    }

    [GeneratedRegex("^'[^']+' is required\\.$")]
    private static partial Regex Required();
}

/// <summary>Where a problem about one of the platform's fields is shown: its anchor on the page and, for a missing value, GOV.UK's words.</summary>
public sealed record FormField(string Anchor, string? Missing = null);
