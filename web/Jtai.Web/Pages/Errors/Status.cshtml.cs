using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jtai.Web.Pages.Errors;

/// <summary>GOV.UK's error pages, for a refusal from the platform as for any other status; also shown on POST (re-executed).</summary>
[IgnoreAntiforgeryToken]
public sealed class StatusModel : PageModel
{
    public int Code { get; private set; }

    public string Title => Code switch
    {
        404 => "Page not found",
        403 => "You cannot see this page",
        400 => "Sorry, there is a problem with what was sent",
        _ => "Sorry, there is a problem with the service",
    };

    public void OnGet(int code)
    {
        Code = code;
        if (code is >= 400 and < 600) Response.StatusCode = code;
    }

    public void OnPost(int code) => OnGet(code);
}
