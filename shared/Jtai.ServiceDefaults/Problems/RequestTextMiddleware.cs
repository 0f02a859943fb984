using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Jtai.ServiceDefaults.Problems;

/// <summary>
/// What a request says outside its JSON body, checked once for every endpoint: a query value with
/// a NUL character (PostgreSQL stores no NUL, and an id never holds one) is a 400 naming the
/// parameter (Kestrel itself refuses %00 in the path); a JSON body in a charset other than UTF-8
/// (RFC 8259 §8.1) is a 415.
/// Strings inside JSON bodies are checked while reading (<see cref="StorableTextConverter"/>).
/// </summary>
public sealed class RequestTextMiddleware(RequestDelegate next, IProblemDetailsService problems)
{
    // Most requests carry no query and no body: nothing to parse, check or allocate then, not even this
    // method's asynchronous state, which a request that waits on its way (a proxied one) would otherwise keep.
    public Task InvokeAsync(HttpContext http) =>
        http.Request.QueryString.HasValue || http.Request.ContentType is not null ? Check(http) : next(http);

    private async Task Check(HttpContext http)
    {
        if (http.Request.QueryString.HasValue)
        {
            var errors = new RequestErrors();
            foreach (var (name, values) in http.Request.Query)
                if (values.Any(v => v is not null && v.Contains('\0')) || name.Contains('\0'))
                    errors.Add(name.Replace("\0", "\\u0000"), $"'{name.Replace("\0", "\\u0000")}' {StorableTextConverter.NulMessage}");
            if (errors.Any)
            {
                await Refuse(http, StatusCodes.Status400BadRequest, new HttpValidationProblemDetails(errors.ToDictionary())
                {
                    Title = "The request's query is not valid.",
                    Detail = "A query parameter holds a NUL character.",
                });
                return;
            }
        }

        if (http.Request.ContentType is { } contentType && MediaTypeHeaderValue.TryParse(contentType, out var media)
            && media.MediaType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true
            && media.CharSet is { } charset && !charset.Trim('"').Equals("utf-8", StringComparison.OrdinalIgnoreCase))
        {
            await Refuse(http, StatusCodes.Status415UnsupportedMediaType, new ProblemDetails
            {
                Title = "JSON is read in UTF-8 only.",
                Detail = $"The request's charset is '{ProblemExceptionHandler.WithoutTypeNames(charset)}'; send the body in UTF-8 (or name no charset).",
            });
            return;
        }
        await next(http);
    }

    private async Task Refuse(HttpContext http, int status, ProblemDetails problem)
    {
        problem.Status = status;
        http.Response.StatusCode = status;
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem });
    }
}
