using System.Diagnostics;
using System.Net.Http.Headers;
using System.Reflection;
using Jtai.Gateway;

namespace Jtai.Testing;

/// <summary>
/// The platform as infra/run.sh runs it: the telemetry dashboard (infra/dashboard.sh) and the five
/// processes as separate OS processes, each exporting traces, logs and metrics over OTLP under its
/// own service name. Fresh databases and virtual host, free ports; the processes are the built
/// outputs of the service projects (the test build builds them).
/// </summary>
public sealed class ProcessPlatform : IAsyncDisposable
{
    public static readonly string[] ServiceNames = Platform.ServiceNames;
    private static readonly string[] Processes = [.. ServiceNames, "gateway"];
    private static readonly Dictionary<string, string> Projects = new()
    {
        ["orchestrator"] = "services/Orchestrator/Jtai.Orchestrator",
        ["ofsted"] = "services/Ofsted/Jtai.Ofsted",
        ["cqc"] = "services/Cqc/Jtai.Cqc",
        ["hmicfrs"] = "services/Hmicfrs/Jtai.Hmicfrs",
        ["gateway"] = "gateway/Jtai.Gateway",
    };

    private readonly List<Process> _running = [];
    private readonly Dictionary<string, (int Http, int Grpc)> _ports = new();
    private readonly string _runId = "p" + Guid.NewGuid().ToString("N")[..10];

    private ProcessPlatform(Infrastructure infrastructure) => Infrastructure = infrastructure;

    public Infrastructure Infrastructure { get; }
    public string Vhost => $"jtai-{_runId}";
    public Uri DashboardAddress { get; private set; } = null!;
    public Uri GatewayAddress => new($"http://127.0.0.1:{_ports["gateway"].Http}");
    public Dictionary<string, string> Databases { get; } = new();
    public Tokens Tokens { get; private set; } = null!;
    /// <summary>Where each process writes its console (JSON log lines).</summary>
    public string LogDirectory { get; } = Path.Combine(Path.GetTempPath(), "jtai-process-platform-" + Guid.NewGuid().ToString("N")[..8]);

    public static async Task<ProcessPlatform> Start(Infrastructure infrastructure)
    {
        var platform = new ProcessPlatform(infrastructure);
        try
        {
            await platform.Boot();
        }
        catch
        {
            await platform.DisposeAsync();
            throw;
        }
        return platform;
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Jtai.Platform.sln"))) return dir.FullName;
        throw new InvalidOperationException("The repository root (Jtai.Platform.sln) is not above the test's directory.");
    }

    private async Task Boot()
    {
        Directory.CreateDirectory(LogDirectory);
        var root = RepositoryRoot();
        await Infrastructure.Management.CreateVhost(Vhost);
        foreach (var name in ServiceNames) Databases[name] = await Infrastructure.CreateDatabase($"jtai_{_runId}_{name}");
        foreach (var name in Processes) _ports[name] = (ServiceHost<GatewayService>.FreePort(), ServiceHost<GatewayService>.FreePort());

        var (ui, otlpGrpc, otlpHttp) = (ServiceHost<GatewayService>.FreePort(), ServiceHost<GatewayService>.FreePort(), ServiceHost<GatewayService>.FreePort());
        DashboardAddress = new Uri($"http://127.0.0.1:{ui}");
        Launch("dashboard", "bash", [Path.Combine(root, "infra/dashboard.sh")], root, new()
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["JTAI_DASHBOARD_PORT"] = ui.ToString(),
            ["JTAI_DASHBOARD_OTLP_GRPC_PORT"] = otlpGrpc.ToString(),
            ["JTAI_DASHBOARD_OTLP_HTTP_PORT"] = otlpHttp.ToString(),
        });
        await Platform.WaitUntil(async () =>
        {
            using var client = new HttpClient();
            try { return (await client.GetAsync(new Uri(DashboardAddress, "/api/telemetry/resources"))).IsSuccessStatusCode; }
            catch (HttpRequestException) { return false; }
        }, TimeSpan.FromSeconds(120), "the dashboard to answer");

        var gateway = GatewayAddress.ToString().TrimEnd('/');
        var mail = await MailServer.Shared;
        var common = new Dictionary<string, string>
        {
            ["Notices__Channel"] = "smtp",
            ["Notices__Smtp__Host"] = "127.0.0.1",
            ["Notices__Smtp__Port"] = mail.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = $"http://127.0.0.1:{otlpGrpc}",
            // Short export intervals so a short run shows up within seconds.
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "1000",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "500",
            ["OTEL_BLRP_SCHEDULE_DELAY"] = "500",
            ["Authentication__Authority"] = gateway,
            ["Authentication__RequireHttpsMetadata"] = "false",
            ["ConnectionStrings__RabbitMq"] = Infrastructure.AmqpFor(Vhost).ToString(),
            ["RabbitMqManagement__Url"] = Infrastructure.RabbitManagement.ToString(),
            ["Messaging__Retry__Intervals__0"] = "00:00:00.100",
            ["Messaging__Retry__Intervals__1"] = "00:00:00.200",
            ["Messaging__Retry__Intervals__2"] = "00:00:00.300",
            ["Messaging__Monitoring__SampleInterval"] = "00:00:01",
            ["Operations__Thresholds__CheckInterval"] = "00:00:01",
            ["Services__gateway__Http"] = gateway,
        };
        foreach (var name in ServiceNames)
        {
            common[$"Services__{name}__Grpc"] = $"http://127.0.0.1:{_ports[name].Grpc}";
            common[$"Services__{name}__Http"] = $"http://127.0.0.1:{_ports[name].Http}";
        }

        var configuration = typeof(ProcessPlatform).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        foreach (var name in Processes)
        {
            var project = Path.Combine(root, Projects[name]);
            var dll = Path.Combine(project, "bin", configuration, "net10.0", Path.GetFileName(project) + ".dll");
            if (!File.Exists(dll)) throw new InvalidOperationException($"{dll} is not built.");
            var env = new Dictionary<string, string>(common)
            {
                ["Kestrel__Endpoints__Http__Url"] = $"http://127.0.0.1:{_ports[name].Http}",
            };
            if (name == "gateway")
            {
                env["Identity__DevIssuer__Enabled"] = "true";
                env["Identity__DevIssuer__Issuer"] = gateway + "/";
                foreach (var service in ServiceNames)
                    env[$"ReverseProxy__Clusters__{service}__Destinations__primary__Address"] = $"http://127.0.0.1:{_ports[service].Http}";
            }
            else
            {
                env["Kestrel__Endpoints__Grpc__Url"] = $"http://127.0.0.1:{_ports[name].Grpc}";
                env[$"ConnectionStrings__{name}"] = Databases[name];
            }
            Launch(name, "dotnet", [dll], project, env);
        }

        foreach (var name in Processes)
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{_ports[name].Http}") };
            await Platform.WaitUntil(async () =>
            {
                try { return (await client.GetAsync("/health/ready")).IsSuccessStatusCode; }
                catch (HttpRequestException) { return false; }
            }, TimeSpan.FromSeconds(120), $"{name} to be ready (log: {LogDirectory}/{name}.log)");
        }
        Tokens = new Tokens(Client());
    }

    private void Launch(string name, string file, string[] arguments, string workingDirectory, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        // The test run's own settings (e.g. a test host's environment) must not leak into the processes.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("ASPNETCORE_", StringComparison.Ordinal) || k.StartsWith("OTEL_", StringComparison.Ordinal)).ToList())
            start.Environment.Remove(key);
        foreach (var (key, value) in environment) start.Environment[key] = value;
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{name} did not start.");
        var log = new StreamWriter(Path.Combine(LogDirectory, name + ".log")) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _running.Add(process);
    }

    /// <summary>A client for the gateway, with a bearer token if given.</summary>
    public HttpClient Client(string? token = null)
    {
        var client = new HttpClient { BaseAddress = GatewayAddress, Timeout = TimeSpan.FromSeconds(30) };
        if (token is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A client for the dashboard's UI and telemetry API.</summary>
    public HttpClient Dashboard() => new() { BaseAddress = DashboardAddress, Timeout = TimeSpan.FromSeconds(30) };

    public async ValueTask DisposeAsync()
    {
        // Processes in reverse order: the gateway first, the dashboard last, so the last telemetry still lands.
        foreach (var process in Enumerable.Reverse(_running))
        {
            try
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                    await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(20)).Token);
                }
            }
            catch (Exception ex) when (ex is InvalidOperationException or OperationCanceledException) { }
            process.Dispose();
        }
        foreach (var name in Databases.Keys) await Infrastructure.DropDatabase($"jtai_{_runId}_{name}");
        await Infrastructure.Management.DeleteVhost(Vhost);
    }
}
