using System.Net;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Jtai.Web.Gateway;

/// <summary>Maps a refusal from the platform to the page a person should see; the status code pages render it.</summary>
public sealed class GatewayRefusalFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Exception is not GatewayRefusal refusal) return;
        executed.ExceptionHandled = true;
        executed.Result = refusal.Status == HttpStatusCode.Unauthorized
            ? new ChallengeResult(new AuthenticationProperties { RedirectUri = context.HttpContext.Request.Path + context.HttpContext.Request.QueryString })
            : new StatusCodeResult((int)refusal.Status);
    }
}
