using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Jtai.Testing.Fuzzing;

public sealed class FuzzOptions
{
    /// <summary>Malformed requests to send (baseline requests, one in <see cref="BaselineEvery"/>, come on top).</summary>
    public int Requests { get; set; } = 12_000;
    public int Seed { get; set; } = 20261130;
    public int Concurrency { get; set; } = 8;
    public int BaselineEvery { get; set; } = 25;
    /// <summary>Uploads over the document and route limits (26 and 33 MB each) the run may send.</summary>
    public int Oversized { get; set; } = 4;
    /// <summary>The run stops sending after this long, whatever is left (bounded in time as in count).</summary>
    public TimeSpan MaxDuration { get; set; } = TimeSpan.FromMinutes(30);
    /// <summary>One request in this many goes straight to the service instead of through the gateway.</summary>
    public int DirectEvery { get; set; } = 5;
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(60);
}

/// <summary>What the run saw: counts by status, and every answer that is a fault of ours.</summary>
public sealed class FuzzReport
{
    public ConcurrentDictionary<int, int> Malformed { get; } = new();
    public ConcurrentDictionary<int, int> Baseline { get; } = new();
    public ConcurrentQueue<string> ServerErrors { get; } = new();
    /// <summary>Problem details that name internal .NET types or stack frames.</summary>
    public ConcurrentQueue<string> Leaks { get; } = new();
    public int Routes { get; set; }
    public TimeSpan Elapsed { get; set; }
    public int MalformedSent => Malformed.Values.Sum();
    public int ServerErrorCount => Malformed.Where(s => s.Key >= 500).Sum(s => s.Value) + Baseline.Where(s => s.Key >= 500).Sum(s => s.Value);

    public string Summary()
    {
        var text = new StringBuilder();
        text.AppendLine($"routes: {Routes} (POST/PUT/DELETE from the services' OpenAPI documents)");
        text.AppendLine($"malformed requests: {MalformedSent} in {Elapsed.TotalSeconds:F0} s");
        foreach (var (status, count) in Malformed.OrderBy(s => s.Key)) text.AppendLine($"  {Label(status)}: {count}");
        text.AppendLine($"baseline (well-formed) requests: {Baseline.Values.Sum()}");
        foreach (var (status, count) in Baseline.OrderBy(s => s.Key)) text.AppendLine($"  {Label(status)}: {count}");
        text.AppendLine($"5xx or no answer: {ServerErrorCount}; problem details naming internal types: {Leaks.Count}");
        foreach (var error in ServerErrors.Take(40)) text.AppendLine($"  ! {error}");
        foreach (var leak in Leaks.Take(20)) text.AppendLine($"  ~ {leak}");
        return text.ToString();
    }

    private static string Label(int status) => status == 0 ? "no answer" : status.ToString();
}

/// <summary>
/// A bounded fuzz of every POST, PUT and DELETE route the services publish: each route in turn,
/// each time another of its mutations (in a seeded order), through the gateway or straight to the
/// service, as one of the callers who may use it. Counts every status; a 5xx is our fault.
/// </summary>
public sealed class Fuzzer(FuzzContext context, IReadOnlyList<FuzzRoute> routes, FuzzOptions options)
{
    /// <summary>What a problem detail must not show: namespaces, exceptions, stack frames, generic arity, "Type name" parameters.</summary>
    private static readonly Regex InternalNames = new(@"\b(System|Microsoft|Jtai|Npgsql)\.[A-Z]\w+|Exception\b|\bat \w+\.\w+\(|[A-Z]\w+`\d|converted to|parameter \\""[A-Z]\w* \w+\\""", RegexOptions.Compiled);
    private int _oversized;

    public async Task<FuzzReport> Run(Action<string>? progress = null)
    {
        var report = new FuzzReport { Routes = routes.Count };
        var random = new Random(options.Seed);
        var examples = new Examples(context);
        var plans = routes.Select(route =>
        {
            var example = Baseline(route, examples, random);
            var mutations = Mutations.For(route, example).OrderBy(_ => random.Next()).ToList();
            return (route, mutations);
        }).ToList();

        var stopwatch = Stopwatch.StartNew();
        using var gateway = new HttpClient { BaseAddress = context.Platform.GatewayAddress, Timeout = options.RequestTimeout };
        var direct = Platform.ServiceNames.ToDictionary(s => s, s => new HttpClient { BaseAddress = context.Platform.Host(s).HttpAddress, Timeout = options.RequestTimeout });
        var total = options.Requests + options.Requests / Math.Max(1, options.BaselineEvery - 1);
        var work = Enumerable.Range(0, total).Select(i =>
        {
            var (route, mutations) = plans[i % plans.Count];
            var turn = i / plans.Count;
            var request = Baseline(route, examples, new Random(options.Seed + i));
            request.Direct = i % options.DirectEvery == 0;
            if (options.BaselineEvery > 0 && i % options.BaselineEvery == options.BaselineEvery - 1) return request;
            var mutation = mutations[turn % mutations.Count];
            request.Kind = mutation.Kind;
            request.Target = mutation.Target;
            mutation.Apply(request, new Random(options.Seed ^ i));
            if (request.Kind == "form-oversized") Oversize(request);
            return request;
        });

        var sent = 0;
        await Parallel.ForEachAsync(work, new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency }, async (request, ct) =>
        {
            if (stopwatch.Elapsed > options.MaxDuration) return;
            var client = request.Direct ? direct[request.Route.Service] : gateway;
            var status = 0;
            string body = "";
            try
            {
                using var message = request.ToMessage();
                using var response = await client.SendAsync(message, ct);
                status = (int)response.StatusCode;
                body = await response.Content.ReadAsStringAsync(ct);
                if (status is >= 200 and < 300) Harvest(request, body);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
            {
                body = ex.GetType().Name + ": " + ex.Message;
            }
            var tally = request.Kind == "baseline" ? report.Baseline : report.Malformed;
            tally.AddOrUpdate(status, 1, (_, n) => n + 1);
            if (status is 0 or >= 500) report.ServerErrors.Enqueue($"{(status == 0 ? "no answer" : status)} {request} {Short(body)}");
            else if (status >= 400 && body.Contains("\"title\"") && InternalNames.Match(body) is { Success: true } leak)
                report.Leaks.Enqueue($"{status} {request} names '{leak.Value}': {Short(body)}");
            var n = Interlocked.Increment(ref sent);
            if (n % 1000 == 0) progress?.Invoke($"{n} requests, {stopwatch.Elapsed.TotalSeconds:F0} s");
        });
        foreach (var c in direct.Values) c.Dispose();
        report.Elapsed = stopwatch.Elapsed;
        return report;
    }

    /// <summary>A well-formed request of the route: real ids in the path, plausible query and body.</summary>
    private FuzzRequest Baseline(FuzzRoute route, Examples examples, Random random)
    {
        var request = new FuzzRequest(route);
        var tokens = context.Tokens[route.Service];
        request.Token = tokens[random.Next(tokens.Length)];
        foreach (var p in route.Parameters)
        {
            var value = p.In == "path" ? PathValue(route, p, random) : examples.For(p.Schema, p.Name)?.ToString() ?? "1";
            if (p.In == "path") request.PathValues[p.Name] = value;
            else request.Query.Add((p.Name, Uri.EscapeDataString(value)));
        }
        if (route.JsonBody is not null) request.Json = examples.For(route.JsonBody);
        else if (route.FormBody || route.Method != "DELETE") Mutations.Multipart(request, "list.csv", "Child ID,Gender\nC1,F\n"u8.ToArray());
        else request.ContentType = null;
        return request;
    }

    private string PathValue(FuzzRoute route, FuzzParameter p, Random random)
    {
        var collection = route.Path[..route.Path.IndexOf("/{" + p.Name, StringComparison.Ordinal)];
        if (p.Schema?["format"]?.GetValue<string>() == "uuid" || p.Name.EndsWith("Id", StringComparison.Ordinal) && p.Name != "childId" && p.Name != "userId")
            return context.Guid(p.Name, route.Service, collection, random).ToString();
        return p.Name switch
        {
            "userId" => FuzzContext.Subject("inspector", route.Service == "orchestrator" ? "ofsted" : route.Service, null),
            "role" => "dcs",
            "framework" => "front-door",
            "key" => "draft-letter",
            "item" => "1.1",
            "agency" => "police",
            "childId" => "C001",
            _ => Examples.TypeOf(p.Schema) == "integer" ? "1" : "x",
        };
    }

    private void Harvest(FuzzRequest request, string body)
    {
        try
        {
            if (JsonNode.Parse(body) is JsonObject obj && obj["id"]?.GetValue<string>() is { } id && Guid.TryParse(id, out var guid))
                context.Harvest(request.Route.Path, guid);
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or InvalidOperationException or FormatException) { }
    }

    /// <summary>Uploads over the limits are costly (26–33 MB): only as many as the run allows, else an empty file.</summary>
    private void Oversize(FuzzRequest request)
    {
        var n = Interlocked.Increment(ref _oversized) - 1;
        if (n >= options.Oversized)
        {
            Mutations.Multipart(request, "empty.pdf", []);
            request.Kind = "form-empty-file";
            return;
        }
        var size = Mutations.OversizedUploads[n % Mutations.OversizedUploads.Length];
        var content = new byte[size];
        "%PDF-1.7\n"u8.CopyTo(content);
        Mutations.Multipart(request, "oversized.pdf", content);
        request.Direct = false;
        request.Target = $"{size} bytes";
    }

    private static string Short(string body) => body.Length > 300 ? body[..300] + "…" : body;
}
