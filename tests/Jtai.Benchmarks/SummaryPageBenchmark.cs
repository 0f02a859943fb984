using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jtai.Testing;

namespace Jtai.Benchmarks;

/// <summary>
/// The web service's inspection summary page (summary, timeline, information requests, team: five
/// gateway calls with the person's token) with many inspections in the orchestrator's database:
/// each request's time from the request to the last byte of the page, on loopback, p50/p95, beside
/// the inspections list page (every inspection in one table). The lead signs in in Chromium, as a
/// person does; the timed requests reuse that session cookie.
/// </summary>
public static class SummaryPageBenchmark
{
    public static async Task<int> Run(int inspections, int requests)
    {
        Console.WriteLine($"Inspection summary page: {inspections:N0} inspections in the database, {requests} timed requests per page after 20 warm-up.");
        await using var infrastructure = await Infrastructure.Start();
        await using var platform = await Platform.Start(infrastructure, new PlatformOptions
        {
            Web = true,
            Settings = (_, s) => s["Logging:LogLevel:Default"] = "Critical",
        });

        var ids = await Schedule(platform, inspections);
        var target = ids[ids.Count / 2];

        await using var browser = await Browser.Launch();
        var page = await browser.NewPage(platform.WebAddress);
        await page.GotoAsync("/sign-in");
        await page.Locator("#role-lead-inspector").CheckAsync();
        await page.Locator("#inspectorate-ofsted").CheckAsync();
        await page.Locator("#sub").FillAsync("benchmark-lead");
        await page.Locator("button[type=submit]").ClickAsync();
        await page.WaitForURLAsync($"{platform.WebAddress}inspections");
        var cookies = await page.Context.CookiesAsync();

        var handler = new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false };
        using var web = new HttpClient(handler) { BaseAddress = platform.WebAddress, Timeout = TimeSpan.FromMinutes(2) };
        web.DefaultRequestHeaders.Add("Cookie", string.Join("; ", cookies.Select(c => $"{c.Name}={c.Value}")));

        var summary = await Measure(web, $"/inspections/{target}", requests, "Timeline");
        var list = await Measure(web, "/inspections", Math.Max(10, requests / 5), "Inspections by fieldwork start");
        Report($"summary page /inspections/{{id}}", summary);
        Report($"inspections list ({inspections:N0} rows)", list);
        return 0;
    }

    private static async Task<List<Guid>> Schedule(Platform platform, int count)
    {
        using var lead = platform.Client(await platform.Tokens.Staff("lead-inspector", "ofsted", "benchmark-lead"));
        var watch = Stopwatch.StartNew();
        var start = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(42);
        while (start.DayOfWeek != DayOfWeek.Monday) start = start.AddDays(1);
        var ids = new List<Guid>(count);
        // Fieldwork spread over Mondays of the coming years; some Mondays are bank holidays (refused, skipped).
        for (var week = 0; ids.Count < count; week++)
        {
            using var created = await lead.PostAsJsonAsync("/api/orchestrator/inspections", new
            {
                localAreaCode = $"E0{8000001 + ids.Count % 300:D7}", localAreaName = $"Area {ids.Count % 300}",
                theme = "front-door", fieldworkStart = start.AddDays(7 * (week % 150)),
            });
            if (created.StatusCode == HttpStatusCode.BadRequest) continue;
            created.EnsureSuccessStatusCode();
            ids.Add(JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid());
        }
        using var manager = platform.Client(await platform.Tokens.Staff("manager", "ofsted", "benchmark-manager"));
        using var team = await manager.PutAsJsonAsync($"/api/orchestrator/inspections/{ids[count / 2]}/team/benchmark-lead",
            new { name = "Benchmark Lead", inspectorate = "ofsted", teamRole = "lead-inspector" });
        team.EnsureSuccessStatusCode();
        Console.WriteLine($"  scheduled {count:N0} inspections through the gateway in {watch.Elapsed.TotalSeconds:F0} s");
        return ids;
    }

    private static async Task<List<double>> Measure(HttpClient web, string path, int requests, string expected)
    {
        for (var i = 0; i < 20; i++) await Get(web, path, expected);
        var times = new List<double>(requests);
        for (var i = 0; i < requests; i++)
        {
            var watch = Stopwatch.StartNew();
            await Get(web, path, expected);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return times;
    }

    private static async Task Get(HttpClient web, string path, string expected)
    {
        using var response = await web.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK || !body.Contains(expected, StringComparison.Ordinal))
            throw new InvalidOperationException($"{path} answered {(int)response.StatusCode} without '{expected}'.");
    }

    private static void Report(string what, List<double> sorted)
    {
        double At(double q) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
        Console.WriteLine($"  {what}: p50 {At(0.50):F1} ms, p95 {At(0.95):F1} ms, max {sorted[^1]:F1} ms ({sorted.Count} requests)");
    }
}
