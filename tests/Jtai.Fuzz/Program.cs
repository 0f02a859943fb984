using System.Globalization;
using Jtai.Testing;
using Jtai.Testing.Fuzzing;

// Usage: tests/fuzz.sh [--requests 12000] [--seed N] [--concurrency 8] [--oversized 4] [--minutes 30]
var options = new FuzzOptions();
for (var i = 0; i + 1 < args.Length; i += 2)
{
    var value = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
    switch (args[i])
    {
        case "--requests": options.Requests = value; break;
        case "--seed": options.Seed = value; break;
        case "--concurrency": options.Concurrency = value; break;
        case "--oversized": options.Oversized = value; break;
        case "--minutes": options.MaxDuration = TimeSpan.FromMinutes(value); break;
        default: Console.Error.WriteLine($"unknown option {args[i]}"); return 2;
    }
}

// WebApplicationFactory finds each service's content root through MvcTestingAppManifest.json in the working directory.
Directory.SetCurrentDirectory(AppContext.BaseDirectory);
await using var infrastructure = await Infrastructure.Start();
// The services' own logs would drown the figures: the report lists every 5xx with its request.
await using var platform = await Platform.Start(infrastructure, new PlatformOptions
{
    Settings = (_, settings) => settings["Logging:LogLevel:Default"] = "None",
});
Console.WriteLine($"platform up (gateway {platform.GatewayAddress}); seeding");
var context = await FuzzContext.Seed(platform);
foreach (var note in context.SeedNotes) Console.WriteLine($"  seed: {note}");
var routes = await OpenApiRoutes.Discover(platform);
foreach (var route in routes) Console.WriteLine($"  {route.Service,-12} {route}{(route.FormBody ? " (multipart)" : route.JsonBody is null ? "" : " (json)")}");
Console.WriteLine($"fuzzing {routes.Count} routes with {options.Requests} malformed requests (seed {options.Seed})");
var report = await new Fuzzer(context, routes, options).Run(Console.WriteLine);
Console.WriteLine(report.Summary());
return report.ServerErrorCount == 0 && report.Leaks.IsEmpty ? 0 : 1;
