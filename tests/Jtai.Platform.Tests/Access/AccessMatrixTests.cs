using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Jtai.Platform.Tests.Evidence;
using Jtai.Platform.Tests.Lifecycle;
using Jtai.ServiceDefaults.Access;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using Xunit.Abstractions;

namespace Jtai.Platform.Tests.Access;

/// <summary>
/// The access matrix: every endpoint every service maps × every kind of caller × the inspection's
/// state (not yet notified, notified). The expected answer is the endpoint's declared rule applied to
/// the caller's standing, as the test knows it from the fixture; the real answer is asked of each
/// service directly and through the gateway. An endpoint added without a rule stops its service
/// starting, so it fails here too.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class AccessMatrixTests(PlatformFixture fixture, ITestOutputHelper output)
{
    private Testing.Platform Platform => fixture.Platform;

    private sealed record State(string Name, Guid InspectionId, bool Notified);

    private sealed record Cell(string Service, Endpoint Endpoint, AccessRule Rule, string Method, string Path, bool Grpc,
        IReadOnlyDictionary<string, string?> Route, State? State, MatrixCaller Caller);

    [Fact]
    public async Task Every_endpoint_answers_every_caller_as_its_declared_rule_says_directly_and_through_the_gateway()
    {
        using var decisions = new AccessDecisions();
        var callers = MatrixCaller.All();
        var states = await Fixture(callers);
        var cells = Cells(callers, states).ToList();

        var failures = new ConcurrentBag<string>();
        var requests = 0;
        var clock = Stopwatch.StartNew();
        using var gateway = Client(Platform.GatewayAddress);
        var rest = Testing.Platform.ServiceNames.ToDictionary(s => s, s => Client(Platform.Host(s).HttpAddress));
        var grpc = Testing.Platform.ServiceNames.ToDictionary(s => s, s => Client(Platform.Host(s).GrpcAddress));
        var sequence = 0;
        await Parallel.ForEachAsync(cells, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (cell, ct) =>
        {
            var expected = cell.Rule.Decide(Expected(cell));
            var correlation = $"matrix-{Interlocked.Increment(ref sequence)}";
            var direct = await Send(cell.Grpc ? grpc[cell.Service] : rest[cell.Service], cell, correlation, ct);
            Interlocked.Increment(ref requests);
            var decided = await decisions.For(correlation);
            if (decided != expected.ToString() || !Matches(direct, expected))
                failures.Add($"{Describe(cell)} direct: expected {expected} ({Status(expected)}), got {(int)direct} with decision {decided ?? "none"}");

            if (cell.Grpc || !cell.Path.StartsWith("/api/", StringComparison.Ordinal)) return;
            correlation += "-gateway";
            var viaGateway = await Send(gateway, cell, correlation, ct);
            Interlocked.Increment(ref requests);
            // The gateway's route policies are a coarse first gate: they may refuse first (403), never let
            // through what the rule refuses, and never refuse what the rule allows.
            var ok = expected switch
            {
                AccessDecision.Allowed => Matches(viaGateway, expected) && await decisions.For(correlation) == nameof(AccessDecision.Allowed),
                AccessDecision.Concealed => viaGateway is HttpStatusCode.NotFound or HttpStatusCode.Forbidden,
                _ => Matches(viaGateway, expected),
            };
            if (!ok) failures.Add($"{Describe(cell)} via gateway: expected {expected} ({Status(expected)}), got {(int)viaGateway}");
        });
        clock.Stop();

        var endpoints = cells.Select(c => (c.Service, c.Method, c.Path)).Distinct().Count();
        output.WriteLine($"Access matrix: {cells.Select(c => c.Endpoint).Distinct().Count()} endpoints ({endpoints} endpoint-and-method paths) of "
            + $"{Testing.Platform.ServiceNames.Length} services × {callers.Count} caller kinds × inspection states (not notified, notified) = "
            + $"{cells.Count} cells, {requests} requests (direct and through the gateway) in {clock.Elapsed.TotalSeconds:F0} s.");
        foreach (var service in Testing.Platform.ServiceNames)
            output.WriteLine($"  {service}: {cells.Where(c => c.Service == service).Select(c => c.Endpoint).Distinct().Count()} endpoints, "
                + $"{cells.Count(c => c.Service == service)} cells");
        Assert.True(failures.IsEmpty, $"{failures.Count} of {cells.Count} cells disagree with their rule:{Environment.NewLine}"
            + string.Join(Environment.NewLine, failures.OrderBy(f => f).Take(60)));
    }

    /// <summary>Two inspections of one area with the same team, one not yet notified and one notified.</summary>
    private async Task<List<State>> Fixture(List<MatrixCaller> callers)
    {
        var real = await Platform.Tokens.Staff("manager", "ofsted", "matrix-real");
        foreach (var caller in callers)
        {
            caller.Token = caller.BadToken switch
            {
                null => caller.Claims is null ? null : await Platform.Tokens.Get(caller.Claims),
                "malformed" => CraftedTokens.Malformed,
                "expired" => CraftedTokens.Expired(Platform, real),
                "wrong-signature" => CraftedTokens.WrongSignature(real),
                "alg-none" => CraftedTokens.AlgNone(real),
                _ => throw new ArgumentOutOfRangeException(caller.BadToken),
            };
        }
        var team = callers.Where(c => c.TeamRole is not null)
            .Select(c => new EvidenceSteps.Member(c.Subject!, c.Inspectorate!, c.TeamRole!)).ToArray();
        var states = new List<State>();
        foreach (var (name, notified) in new[] { ("not-notified", false), ("notified", true) })
        {
            var id = await Platform.InspectionWithTeam(MatrixCaller.Area, "Northumberland", team);
            if (notified)
            {
                await (await Platform.Transition(id, "notified")).Expect(HttpStatusCode.OK);
                foreach (var inspectorate in new[] { "ofsted", "cqc", "hmicfrs" }) await Platform.NotifiedKnownTo(inspectorate, id);
            }
            states.Add(new State(name, id, notified));
        }
        return states;
    }

    private IEnumerable<Cell> Cells(List<MatrixCaller> callers, List<State> states)
    {
        foreach (var service in Testing.Platform.ServiceNames)
        {
            var endpoints = Platform.Services(service).GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
            foreach (var endpoint in endpoints)
            {
                var rule = endpoint.DeclaredRule() ?? throw new InvalidOperationException($"{service} {DeclaredRulesCheck.Describe(endpoint)} declares no rule");
                // gRPC methods, and gRPC's answer to an unknown service or method: POST over HTTP/2 on the gRPC port.
                var grpc = endpoint.Metadata.Any(m => m.GetType().Namespace?.StartsWith("Grpc.", StringComparison.Ordinal) == true)
                    || endpoint.RoutePattern.Parameters.Any(p => p.ParameterPolicies.Any(policy => policy.Content == "grpcunimplemented"));
                var methods = grpc ? [HttpMethods.Post]
                    : endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods is { Count: > 0 } declared ? declared : [HttpMethods.Get];
                var named = endpoint.RoutePattern.GetParameter(StandingMiddleware.InspectionRouteValue) is not null;
                foreach (var state in named ? states.Cast<State?>() : [null])
                {
                    var route = RouteValues(endpoint.RoutePattern, state);
                    var path = PathOf(endpoint.RoutePattern, route);
                    foreach (var method in methods)
                        foreach (var caller in callers)
                            yield return new Cell(service, endpoint, rule, method, path, grpc, route, state, caller);
                }
            }
        }
    }

    private static readonly Guid Absent = Guid.Parse("00000000-0000-4000-8000-00000000a0a0");

    /// <summary>A value for each route parameter: the fixture's inspection, and plausible values for the rest.</summary>
    private static Dictionary<string, string?> RouteValues(RoutePattern pattern, State? state)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var parameter in pattern.Parameters)
        {
            var isGuid = parameter.ParameterPolicies.Any(p => p.Content == "guid");
            values[parameter.Name] = parameter.Name switch
            {
                StandingMiddleware.InspectionRouteValue => state!.InspectionId.ToString(),
                _ when isGuid => Absent.ToString(),
                _ when parameter.ParameterPolicies.Any(p => p.Content == "int") => "1",
                "agency" => "police",
                "item" => "3.1",
                "role" => "dcs",
                "localAreaCode" => MatrixCaller.Area,
                "framework" => "front-door",
                "documentName" => "v1",
                _ => $"matrix-{parameter.Name}",
            };
        }
        return values;
    }

    private static string PathOf(RoutePattern pattern, Dictionary<string, string?> values) =>
        "/" + string.Join("/", pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternParameterPart parameter => Uri.EscapeDataString(values[parameter.Name]!),
            RoutePatternSeparatorPart separator => separator.Content,
            _ => throw new InvalidOperationException($"Unexpected route part in {pattern.RawText}"),
        }))));

    /// <summary>The caller's standing as the service should resolve it: the test knows the team and the notification.</summary>
    private static Standing Expected(Cell cell)
    {
        var principal = cell.Caller.Principal();
        var inspectionId = cell.State?.InspectionId;
        var caller = Standing.Of(principal, inspectionId, null, cell.Route);
        if (!cell.Rule.OnInspection || cell.State is null || caller.Kind == CallerKind.None) return caller;
        var place = cell.Caller.TeamRole is { } role ? new TeamPlace(cell.Caller.Inspectorate!, role) : null;
        return Standing.Of(principal, inspectionId, new InspectionFacts(MatrixCaller.Area, cell.State.Notified, caller.IsStaff ? place : null), cell.Route);
    }

    private static bool Matches(HttpStatusCode actual, AccessDecision expected) => expected switch
    {
        AccessDecision.Allowed => actual is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden),
        _ => (int)actual == Status(expected),
    };

    private static int Status(AccessDecision decision) => decision switch
    {
        AccessDecision.Unauthenticated => 401,
        AccessDecision.Forbidden => 403,
        AccessDecision.Concealed => 404,
        _ => 200,
    };

    private static async Task<HttpStatusCode> Send(HttpClient client, Cell cell, string correlation, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(new HttpMethod(cell.Method), cell.Path);
        request.Headers.Add("X-Correlation-Id", correlation);
        if (cell.Caller.Token is { } token) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (cell.Grpc)
        {
            // An empty gRPC message (no compression, length 0) over HTTP/2.
            request.Version = HttpVersion.Version20;
            request.VersionPolicy = HttpVersionPolicy.RequestVersionExact;
            request.Headers.TryAddWithoutValidation("TE", "trailers");
            request.Content = new ByteArrayContent(new byte[5]);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        }
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        return response.StatusCode;
    }

    private static HttpClient Client(Uri address) => new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
    {
        BaseAddress = address,
        Timeout = TimeSpan.FromSeconds(60),
    };

    private static string Describe(Cell cell) =>
        $"{cell.Service} {cell.Method} {(cell.Endpoint is RouteEndpoint r ? r.RoutePattern.RawText : cell.Path)} [{cell.State?.Name ?? "-"}] as {cell.Caller.Name} (rule {cell.Rule.Name})";
}
