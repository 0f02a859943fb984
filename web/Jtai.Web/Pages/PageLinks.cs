namespace Jtai.Web.Pages;

/// <summary>
/// The links under a list shown a page at a time: back to the first page (when on a later one) and on to the
/// next (when there is one). A cursor goes forward only, so there is no "previous page".
/// </summary>
/// <param name="What">What the pages hold, for the link's label (e.g. "older replays").</param>
public sealed record PageLinks(string? First, string? Next, string What)
{
    /// <summary>
    /// The links of a page at <paramref name="path"/> (the web page's own address, without this list's cursor) reached
    /// with <paramref name="after"/> in the query's <paramref name="parameter"/>.
    /// </summary>
    public static PageLinks For(string path, string? after, string? next, string what, string parameter = "after") =>
        new(string.IsNullOrEmpty(after) ? null : path,
            next is null ? null : Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(path, parameter, next), what);

    public bool Any => First is not null || Next is not null;
}
