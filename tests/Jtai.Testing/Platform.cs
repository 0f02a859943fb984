using System.Net.Http.Headers;
using System.Reflection;
using Jtai.Calendar.Frameworks;
using Jtai.Calendar.Registry;
using Jtai.Gateway;
using Jtai.Orchestrator;
using Jtai.Web;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace Jtai.Testing;

public sealed class PlatformOptions
{
    /// <summary>
    /// The inspectorates' services to run, of the registry's (shared/inspectorates.json): by default the three of a
    /// joint inspection (¶10). A test of a theme that brings in another inspectorate names it, so that the suite's
    /// platforms do not all pay for a process and database they do not use (CI's PostgreSQL allows 100 connections).
    /// </summary>
    public IReadOnlyList<string> Inspectorates { get; set; } = Framework.JointInspectorates;
    /// <summary>Extra settings per service name (orchestrator, ofsted, cqc, hmicfrs, gateway).</summary>
    public Action<string, Dictionary<string, string?>>? Settings { get; set; }
    /// <summary>Extra service registrations per service name.</summary>
    public Action<string, IServiceCollection>? Services { get; set; }
    /// <summary>Also host the web service (name "web") on a real socket, signed in through the gateway's issuer.</summary>
    public bool Web { get; set; }
}

/// <summary>
/// The whole platform for one test class or collection: the orchestrator, the inspectorates' services
/// (<see cref="PlatformOptions.Inspectorates"/>) and the gateway on real sockets, each with its own fresh PostgreSQL
/// database, all on a fresh RabbitMQ virtual host, sharing one movable clock and one span collector.
/// </summary>
public sealed class Platform : IAsyncDisposable
{
    /// <summary>The services of a default platform: the orchestrator and the three inspectorates of a joint inspection.</summary>
    public static readonly string[] ServiceNames = ["orchestrator", .. Framework.JointInspectorates];

    private readonly Dictionary<string, IServiceHost> _hosts = new();
    private readonly Dictionary<string, Dictionary<string, string?>> _settings = new();
    private readonly Dictionary<string, (int Http, int Grpc)> _ports = new();
    private readonly PlatformOptions _options;

    private Platform(Infrastructure infrastructure, PlatformOptions options)
    {
        Infrastructure = infrastructure;
        _options = options;
        var unknown = options.Inspectorates.Where(i => !InspectorateRegistry.Current.IsInspectorate(i)).ToList();
        if (unknown.Count > 0) throw new ArgumentException($"Not inspectorates of the registry: {string.Join(", ", unknown)}.", nameof(options));
        Running = ["orchestrator", .. InspectorateRegistry.Current.Keys.Where(options.Inspectorates.Contains)];
        RunId = "t" + Guid.NewGuid().ToString("N")[..10];
        Vhost = $"jtai-{RunId}";
    }

    public Infrastructure Infrastructure { get; }
    /// <summary>The services this platform runs: the orchestrator and its inspectorates.</summary>
    public IReadOnlyList<string> Running { get; }
    public string RunId { get; }
    public string Vhost { get; }
    public AdjustableClock Clock { get; } = new();
    public SpanCollector Spans { get; } = new();
    public LogCollector Logs { get; } = new();
    /// <summary>Each service's connection string, as the role it runs as.</summary>
    public Dictionary<string, string> Databases { get; } = new();
    /// <summary>Each service's connection string as the role that owns and migrates its database.</summary>
    public Dictionary<string, string> OwnerDatabases { get; } = new();
    public Uri GatewayAddress => _hosts["gateway"].HttpAddress;
    /// <summary>The web service's address (only with <see cref="PlatformOptions.Web"/>).</summary>
    public Uri WebAddress => _hosts.TryGetValue("web", out var web) ? web.HttpAddress
        : throw new InvalidOperationException("This platform runs without the web service: set PlatformOptions.Web.");
    public Tokens Tokens { get; private set; } = null!;

    public IServiceHost Host(string name) => _hosts[name];
    public IServiceProvider Services(string name) => _hosts[name].Services;

    public static async Task<Platform> Start(Infrastructure infrastructure, PlatformOptions? options = null)
    {
        var platform = new Platform(infrastructure, options ?? new PlatformOptions());
        await platform.Boot();
        return platform;
    }

    /// <summary>The smtp4dev every service of this platform sends its notices to.</summary>
    public MailServer Mail { get; private set; } = null!;

    private async Task Boot()
    {
        Mail = await MailServer.Shared;
        await Infrastructure.Management.CreateVhost(Vhost);
        var gatewayPort = ServiceHost<GatewayService>.FreePort();
        var gateway = $"http://127.0.0.1:{gatewayPort}";
        foreach (var name in Running)
        {
            var db = $"jtai_{RunId}_{name}";
            (Databases[name], OwnerDatabases[name]) = await Infrastructure.CreateServiceDatabase(name, db);
            _ports[name] = (ServiceHost<GatewayService>.FreePort(), ServiceHost<GatewayService>.FreePort());
            _settings[name] = new Dictionary<string, string?>
            {
                [$"ConnectionStrings:{name}"] = Databases[name],
                [$"ConnectionStrings:{name}Owner"] = OwnerDatabases[name],
                ["ConnectionStrings:RabbitMq"] = Infrastructure.AmqpFor(Vhost).ToString(),
                ["Authentication:Authority"] = gateway,
                ["Authentication:RequireHttpsMetadata"] = "false",
                ["Messaging:Outbox:PollInterval"] = "00:00:00.250",
                ["Messaging:Outbox:InitialBackoff"] = "00:00:00.200",
                ["Messaging:Outbox:MaxBackoff"] = "00:00:02",
                ["Messaging:Outbox:PublishTimeout"] = "00:00:03",
                ["Messaging:Deadlines:PollInterval"] = "00:00:00.250",
                ["Messaging:Monitoring:SampleInterval"] = "00:00:00.500",
                ["Messaging:Retry:Intervals:0"] = "00:00:00.100",
                ["Messaging:Retry:Intervals:1"] = "00:00:00.200",
                ["Messaging:Retry:Intervals:2"] = "00:00:00.300",
                ["Messaging:Retry:TransientMinInterval"] = "00:00:00.200",
                ["Messaging:Retry:TransientMaxInterval"] = "00:00:01",
                ["Messaging:Parking:PollInterval"] = "00:00:00.250",
                ["RabbitMqManagement:Url"] = Infrastructure.RabbitManagement.ToString(),
                ["Notices:Channel"] = "smtp",
                ["Notices:Smtp:Host"] = "127.0.0.1",
                ["Notices:Smtp:Port"] = Mail.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Notices:Smtp:Timeout"] = "00:00:10",
                ["Notices:RetryIntervals:0"] = "00:00:01",
                ["Notices:RetryIntervals:1"] = "00:00:02",
                ["Logging:LogLevel:Default"] = "Warning",
            };
        }
        // An inspectorate of the registry this platform does not run has no address: nothing asks it (and nothing
        // reaches a process another run has on the registry's local port).
        var absent = InspectorateRegistry.Current.Keys.Where(i => !Running.Contains(i)).ToList();
        foreach (var name in Running)
        {
            foreach (var other in Running)
            {
                _settings[name][$"Services:{other}:Grpc"] = $"http://127.0.0.1:{_ports[other].Grpc}";
                _settings[name][$"Services:{other}:Http"] = $"http://127.0.0.1:{_ports[other].Http}";
            }
            foreach (var other in absent) _settings[name][$"Services:{other}:Grpc"] = _settings[name][$"Services:{other}:Http"] = "";
            _settings[name]["Services:gateway:Http"] = gateway;
            _settings[name]["Operations:Thresholds:CheckInterval"] = "00:00:01";
        }

        _ports["gateway"] = (gatewayPort, ServiceHost<GatewayService>.FreePort());
        _settings["gateway"] = new Dictionary<string, string?>
        {
            ["Authentication:Authority"] = gateway,
            ["Authentication:RequireHttpsMetadata"] = "false",
            ["Identity:DevIssuer:Enabled"] = "true",
            ["Identity:DevIssuer:Issuer"] = gateway + "/",
            ["Identity:DevIssuer:RateLimit:PermitLimit"] = "100000",
            ["Gateway:RateLimit:TokenLimit"] = "1000",
            ["Gateway:RateLimit:TokensPerSecond"] = "1000",
            ["Logging:LogLevel:Default"] = "Warning",
            // The gateway exports spans to Spans (in memory; see StartService): it records them, and
            // as every host shares this process its listener records the services' spans too.
            [Jtai.ServiceDefaults.Telemetry.TelemetrySetup.RecordSpansSetting] = "true",
        };
        foreach (var name in Running)
        {
            _settings["gateway"][$"ReverseProxy:Clusters:{name}:Destinations:primary:Address"] = $"http://127.0.0.1:{_ports[name].Http}";
            _settings["gateway"][$"ReverseProxy:Clusters:{name}:HealthCheck:Active:Interval"] = "00:00:02";
        }
        foreach (var name in absent) _settings["gateway"][$"Services:{name}:Http"] = "";
        if (_options.Web) AddWebSettings(gateway);
        foreach (var (name, settings) in _settings) _options.Settings?.Invoke(name, settings);

        foreach (var name in Running) await StartService(name);
        await StartService("gateway");
        if (_options.Web) await StartService("web");
        Tokens = new Tokens(Client());
    }

    /// <summary>
    /// The web service signs people in at the gateway's development issuer (authorization code +
    /// PKCE) as the client the issuer knows, redirected back to this run's port, and calls the gateway.
    /// </summary>
    private void AddWebSettings(string gateway)
    {
        var port = ServiceHost<WebService>.FreePort();
        var web = $"http://127.0.0.1:{port}";
        _ports["web"] = (port, 0);
        _settings["web"] = new Dictionary<string, string?>
        {
            ["Authentication:Authority"] = gateway + "/",
            ["Authentication:RequireHttpsMetadata"] = "false",
            ["Gateway:Url"] = gateway,
            ["Logging:LogLevel:Default"] = "Warning",
        };
        _settings["gateway"]["Identity:DevIssuer:WebClients:0:RedirectUris:0"] = $"{web}/signin-oidc";
        _settings["gateway"]["Identity:DevIssuer:WebClients:0:PostLogoutRedirectUris:0"] = $"{web}/signout-callback-oidc";
    }

    /// <summary>Starts (or restarts after <see cref="StopService"/>) one process with its settings.</summary>
    public async Task StartService(string name)
    {
        var (http, grpc) = _ports[name];
        await StartHost(name, name, http, grpc);
    }

    /// <summary>
    /// A second process of one service (named "{name}-{replica}"): the same database, virtual host and
    /// settings, its own ports, competing for the same queues and outbox rows as a replica in production.
    /// </summary>
    public async Task<IServiceHost> StartReplica(string name, string replica = "2")
    {
        var key = $"{name}-{replica}";
        var ports = (ServiceHost<GatewayService>.FreePort(), ServiceHost<GatewayService>.FreePort());
        _ports.TryAdd(key, ports);
        var (http, grpc) = _ports[key];
        await StartHost(key, name, http, grpc);
        return _hosts[key];
    }

    private async Task StartHost(string key, string name, int http, int grpc)
    {
        if (_hosts.ContainsKey(key)) throw new InvalidOperationException($"{key} is already running.");
        Action<IServiceCollection> services = s =>
        {
            if (name == "gateway") s.AddOpenTelemetry().WithTracing(t => t.AddInMemoryExporter(Spans));
            s.AddSingleton(Logs.ProviderFor(name));
            _options.Services?.Invoke(name, s);
        };
        IServiceHost host = name switch
        {
            "orchestrator" => new ServiceHost<OrchestratorService>(key, http, grpc, _settings[name], Clock, services),
            "gateway" => new ServiceHost<GatewayService>(key, http, grpc, _settings[name], Clock, services),
            "web" => new ServiceHost<WebService>(key, http, grpc, _settings[name], Clock, services),
            _ when InspectorateRegistry.Current.IsInspectorate(name) =>
                (IServiceHost)Activator.CreateInstance(typeof(ServiceHost<>).MakeGenericType(MarkerOf(name)), key, http, grpc, _settings[name], Clock, services)!,
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown service"),
        };
        host.Start();
        _hosts[key] = host;
        await WaitUntil(async () =>
        {
            using var client = new HttpClient { BaseAddress = host.HttpAddress };
            try { return (await client.GetAsync("/health/ready")).IsSuccessStatusCode; }
            catch (HttpRequestException) { return false; }
        }, TimeSpan.FromSeconds(60), $"{key} to be ready");
    }

    /// <summary>
    /// The type naming an inspectorate's service (its Program's assembly): {Assembly}.{Assembly without "Jtai."}Service,
    /// e.g. Jtai.Hmicfrs.HmicfrsService, from the registry's project; every service under services/ is referenced.
    /// </summary>
    private static Type MarkerOf(string inspectorate)
    {
        var assembly = InspectorateRegistry.Current.Inspectorate(inspectorate).Assembly;
        var name = $"{assembly}.{assembly["Jtai.".Length..]}Service";
        return Assembly.Load(assembly).GetType(name, throwOnError: false)
            ?? throw new InvalidOperationException($"The {inspectorate} service names itself with no type {name}.");
    }

    /// <summary>Waits until every running process reports Healthy (after a fault test, the bus reconnects).</summary>
    public async Task WaitUntilHealthy(TimeSpan? timeout = null)
    {
        foreach (var host in _hosts.Values)
        {
            using var client = new HttpClient { BaseAddress = host.HttpAddress, Timeout = TimeSpan.FromSeconds(15) };
            await WaitUntil(async () =>
            {
                try
                {
                    var response = await client.GetAsync("/health/ready");
                    if (!response.IsSuccessStatusCode) return false;
                    using var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                    return body.RootElement.GetProperty("status").GetString() == "Healthy";
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { return false; }
            }, timeout ?? TimeSpan.FromSeconds(120), $"{host.Name} to report Healthy");
        }
    }

    /// <summary>Stops one process, as an operator would (the others keep running).</summary>
    public async Task StopService(string name)
    {
        if (_hosts.Remove(name, out var host)) await host.DisposeAsync();
    }

    /// <summary>A client for the gateway (the only public entry point), with a bearer token if given.</summary>
    public HttpClient Client(string? token = null) => ClientFor(GatewayAddress, token);

    /// <summary>A client straight to one service's REST port, bypassing the gateway.</summary>
    public HttpClient DirectClient(string service, string? token = null) => ClientFor(_hosts[service].HttpAddress, token);

    private static HttpClient ClientFor(Uri address, string? token)
    {
        var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        if (token is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Polls until the condition holds (messages are asynchronous), or fails saying what was awaited.</summary>
    public static async Task WaitUntil(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (await condition()) return;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Timed out after {timeout} waiting for {what}.");
            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var name in _hosts.Keys.ToList()) await StopService(name);
        foreach (var name in Running) await Infrastructure.DropDatabase($"jtai_{RunId}_{name}");
        await Infrastructure.Management.DeleteVhost(Vhost);
    }
}
