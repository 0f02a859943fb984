namespace Jtai.Gateway.Proxy;

public static class RouteFiles
{
    /// <summary>
    /// Adds every Routes/*.json under the content root, in name order, so each area of the platform
    /// keeps its gateway routes (path, policy, body limit) in a file of its own beside the four
    /// service routes in appsettings.json. Files hold "ReverseProxy:Routes" entries only.
    /// </summary>
    public static WebApplicationBuilder AddRouteFiles(this WebApplicationBuilder builder)
    {
        var folder = Path.Combine(builder.Environment.ContentRootPath, "Routes");
        if (!Directory.Exists(folder)) return builder;
        foreach (var file in Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal))
            builder.Configuration.AddJsonFile(file, optional: false, reloadOnChange: false);
        return builder;
    }
}
