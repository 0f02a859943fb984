using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Jtai.Testing.FaultSuite;

/// <summary>One complete flow through the gateway and what became of it.</summary>
public sealed class Flow
{
    public required int Number { get; init; }
    public required string Name { get; init; }
    public required TimeSpan StartedAt { get; init; }
    public Guid? InspectionId { get; set; }
    public TimeSpan? AcceptedAt { get; set; }
    public TimeSpan? DeliveredAt { get; set; }
    /// <summary>Why the flow ended unaccepted: the step and the last answer.</summary>
    public string? Refused { get; set; }
    public int Retries;
    public int ServerErrors;
    public bool Accepted => AcceptedAt is not null;
}

/// <summary>
/// Drives flows through the gateway as a careful client would: schedule an inspection, place a team
/// member, notify (schedule → team member → notified). Every write carries an Idempotency-Key, and
/// the same request is sent again with the same key when the platform could not answer (no
/// connection, a timeout, 502/503/504, 429, 500) until it answers or a step's budget runs out; a 401
/// (the gateway restarted with new signing keys) fetches a new token first.
/// </summary>
public sealed class FlowDriver(Uri gateway, Stopwatch clock, TimeSpan stepBudget)
{
    private static readonly DateOnly Fieldwork = FieldworkAhead();
    private readonly HttpClient _http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromSeconds(15), ConnectTimeout = TimeSpan.FromSeconds(5) })
    {
        BaseAddress = gateway,
        Timeout = TimeSpan.FromSeconds(30),
    };
    private readonly SemaphoreSlim _tokenGate = new(1, 1);
    private string? _token;

    public async Task Run(Flow flow)
    {
        var scheduled = await Step(flow, "schedule", HttpMethod.Post, "/api/orchestrator/inspections", new
        {
            localAreaCode = "E08000025",
            localAreaName = flow.Name,
            theme = "front-door",
            fieldworkStart = Fieldwork,
        });
        if (scheduled is null) return;
        flow.InspectionId = scheduled.Value.GetProperty("id").GetGuid();
        var id = flow.InspectionId;
        if (await Step(flow, "team member", HttpMethod.Put, $"/api/orchestrator/inspections/{id}/team/flow-{flow.Number}",
            new { name = $"Inspector {flow.Number}", inspectorate = "cqc", teamRole = "inspector" }) is null) return;
        if (await Step(flow, "notify", HttpMethod.Post, $"/api/orchestrator/inspections/{id}/transitions",
            new { to = "notified", reason = (string?)null }) is null) return;
        flow.AcceptedAt = clock.Elapsed;
    }

    private async Task<JsonElement?> Step(Flow flow, string step, HttpMethod method, string path, object body)
    {
        var key = Guid.NewGuid().ToString();
        var deadline = clock.Elapsed + stepBudget;
        var wait = TimeSpan.FromMilliseconds(250);
        string last = "";
        for (var attempt = 0; ; attempt++)
        {
            if (attempt > 0)
            {
                Interlocked.Increment(ref flow.Retries);
                if (clock.Elapsed + wait > deadline)
                {
                    flow.Refused = $"{step}: gave up after {stepBudget.TotalSeconds:0} s ({last})";
                    return null;
                }
                await Task.Delay(wait);
                wait = TimeSpan.FromTicks(Math.Min(wait.Ticks * 2, TimeSpan.FromSeconds(4).Ticks));
            }
            var token = await Token(renew: false);
            if (token is null)
            {
                last = "no token: the gateway's issuer did not answer";
                continue;
            }
            using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            request.Headers.Add("Idempotency-Key", key);
            HttpResponseMessage response;
            try
            {
                response = await _http.SendAsync(request);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                last = ex.GetType().Name;
                continue;
            }
            using (response)
            {
                var status = (int)response.StatusCode;
                if (response.IsSuccessStatusCode)
                    return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
                last = $"{status} {Truncate(await response.Content.ReadAsStringAsync())}";
                if (response.StatusCode == HttpStatusCode.Unauthorized)
                {
                    await Token(renew: true, stale: token);
                    continue;
                }
                if (status == 500) Interlocked.Increment(ref flow.ServerErrors);
                if (status is 500 or 502 or 503 or 504 or 429)
                {
                    if (response.Headers.RetryAfter?.Delta is { } after && after > wait) wait = after;
                    continue;
                }
                flow.Refused = $"{step}: {last}";
                return null;
            }
        }
    }

    private static string Truncate(string s) => s.Length <= 300 ? s : s[..300];

    /// <summary>An Ofsted manager's token from the gateway's development issuer (asked again when the gateway refuses it); null while the issuer does not answer.</summary>
    private async Task<string?> Token(bool renew, string? stale = null)
    {
        if (!renew && _token is not null) return _token;
        await _tokenGate.WaitAsync();
        try
        {
            if (_token is not null && (!renew || _token != stale)) return _token;
            var form = new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials", ["client_id"] = Tokens.DevClientId, ["client_secret"] = Tokens.DevClientSecret,
                ["role"] = "manager", ["inspectorate"] = "ofsted", ["sub"] = "fault-suite-manager",
            };
            using var response = await _http.PostAsync("/connect/token", new FormUrlEncodedContent(form));
            if (!response.IsSuccessStatusCode) return null;
            return _token = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("access_token").GetString()!;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
        finally
        {
            _tokenGate.Release();
        }
    }

    /// <summary>A Wednesday half a year ahead, clear of Christmas: a working day whose notice period is still ahead.</summary>
    private static DateOnly FieldworkAhead()
    {
        var day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(180);
        while (day.DayOfWeek != DayOfWeek.Wednesday || (day.Month == 12 && day.Day > 20) || (day.Month == 1 && day.Day < 8)) day = day.AddDays(1);
        return day;
    }
}
