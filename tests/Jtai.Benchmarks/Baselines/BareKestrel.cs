using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
namespace Jtai.Benchmarks.Baselines;

/// <summary>
/// The floor every proxy figure is compared with: Kestrel answering any GET with a fixed JSON body
/// the size of an inspection's view, with nothing else in the pipeline.
/// </summary>
public static class BareKestrel
{
    private static readonly byte[] Body = System.Text.Encoding.UTF8.GetBytes(
        """{"id":"6f1c2a4e-5a2b-4bd5-9a55-0c1d2e3f4a5b","localAreaCode":"E08000025","localAreaName":"Birmingham","theme":"front-door","fieldworkStart":"2027-03-01","status":"scheduled","scheduledAt":"2026-11-30T10:00:00+00:00","frameworkVersion":1}""");

    public static async Task Run(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        // The output folder holds the services' appsettings (with their Kestrel ports): read none of it.
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, port));
        var app = builder.Build();
        app.Run(async http =>
        {
            http.Response.ContentType = "application/json";
            http.Response.ContentLength = Body.Length;
            await http.Response.Body.WriteAsync(Body);
        });
        await app.RunAsync();
    }
}
