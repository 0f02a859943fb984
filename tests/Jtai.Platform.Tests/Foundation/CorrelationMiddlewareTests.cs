using System.Net;
using Jtai.ServiceDefaults.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Jtai.Platform.Tests.Foundation;

/// <summary>The correlation id a caller sends (or one made for it) reaches the handler and comes back on the response, on a real socket.</summary>
public sealed class CorrelationMiddlewareTests
{
    [Fact]
    public async Task A_plain_id_is_kept_and_echoed_and_anything_else_is_replaced_by_one_made_here()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var app = builder.Build();
        app.UseMiddleware<CorrelationMiddleware>();
        app.MapGet("/seen", (HttpContext http) => http.Request.Headers[CorrelationMiddleware.Header].ToString());
        app.MapGet("/refused", () => Results.StatusCode(StatusCodes.Status403Forbidden));
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single()) };

        async Task<(HttpStatusCode Status, string Seen, string Echoed)> Get(string path, string? correlation)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            if (correlation is not null) request.Headers.Add(CorrelationMiddleware.Header, correlation);
            using var response = await client.SendAsync(request);
            return (response.StatusCode, await response.Content.ReadAsStringAsync(), string.Join(",", response.Headers.GetValues(CorrelationMiddleware.Header)));
        }

        Assert.Equal((HttpStatusCode.OK, "case-42.a_b", "case-42.a_b"), await Get("/seen", "case-42.a_b"));
        var made = await Get("/seen", "<script>");
        Assert.Equal(made.Seen, made.Echoed);
        Assert.Matches("^[0-9a-f]{32}$", made.Echoed);
        Assert.Matches("^[0-9a-f]{32}$", (await Get("/seen", null)).Echoed);
        // An answer without a body is echoed too (the gateway's own refusals).
        Assert.Equal((HttpStatusCode.Forbidden, "", "case-43"), await Get("/refused", "case-43"));
    }
}
