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
        ["gateway"] = "gateway/Jtai.Gateway",
    };

    static ProcessPlatform()
    {
        foreach (var inspectorate in Jtai.Calendar.Registry.InspectorateRegistry.Current.Inspectorates) Projects[inspectorate.Key] = inspectorate.Project;
    }

    private readonly List<(string Name, Process Process)> _running = [];
    private readonly Dictionary<string, (int Http, int Grpc)> _ports = new();
    private readonly string _runId = "p" + Guid.NewGuid().ToString("N")[..10];

    private ProcessPlatform(Infrastructure infrastructure) => Infrastructure = infrastructure;

    public Infrastructure Infrastructure { get; }
    public string Vhost => $"jtai-{_runId}";
    public Uri DashboardAddress { get; private set; } = null!;
    public Uri GatewayAddress => new($"http://127.0.0.1:{_ports["gateway"].Http}");
    /// <summary>Each service's connection string, as the role it runs as.</summary>
    public Dictionary<string, string> Databases { get; } = new();
    /// <summary>Each service's connection string as the role that owns and migrates its database.</summary>
    public Dictionary<string, string> OwnerDatabases { get; } = new();
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
        foreach (var name in ServiceNames)
            (Databases[name], OwnerDatabases[name]) = await Infrastructure.CreateServiceDatabase(name, $"jtai_{_runId}_{name}");

        var otlpGrpc = await StartDashboard(root);
        // The five processes need each other's addresses before they start, so their ports are chosen
        // here. On this shared machine another run can take a chosen port before a process binds it:
        // then every process is started again on fresh ports (the databases and vhost stay).
        for (var attempt = 1; ; attempt++)
        {
            var stolen = await StartProcesses(root, otlpGrpc);
            if (stolen is null) break;
            if (attempt == 3) throw new InvalidOperationException($"{stolen} could not bind its port three times (log: {LogDirectory}/{stolen}.log).");
            await StopProcesses(exceptDashboard: true);
        }
        Tokens = new Tokens(Client());
    }

    /// <summary>
    /// Starts the dashboard on ports the system chooses (port 0: no window for another run to take
    /// them) and reads the bound addresses back from its start-up log. Returns the OTLP/gRPC address.
    /// </summary>
    private async Task<Uri> StartDashboard(string root)
    {
        var ui = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var otlp = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var dashboard = Launch("dashboard", "bash", [Path.Combine(root, "infra/dashboard.sh")], root, new()
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["JTAI_DASHBOARD_PORT"] = "0",
            ["JTAI_DASHBOARD_OTLP_GRPC_PORT"] = "0",
            ["JTAI_DASHBOARD_OTLP_HTTP_PORT"] = "0",
        }, line =>
        {
            // The dashboard's own start-up lines ("Now listening on: http://127.0.0.1:38769",
            // "OTLP/gRPC listening on: http://127.0.0.1:44113") name the ports it was given.
            if (BoundAddress(line, "Now listening on: ") is { } u) ui.TrySetResult(u);
            if (BoundAddress(line, "OTLP/gRPC listening on: ") is { } o) otlp.TrySetResult(o);
        });
        var exited = dashboard.WaitForExitAsync();
        var bound = Task.WhenAll(ui.Task, otlp.Task);
        var first = await Task.WhenAny(bound, exited, Task.Delay(TimeSpan.FromSeconds(120)));
        if (first != bound)
            throw new InvalidOperationException(
                (dashboard.HasExited ? $"The dashboard exited ({dashboard.ExitCode})" : "The dashboard did not say where it listens within 2 min")
                + $" (log: {LogDirectory}/dashboard.log).");
        DashboardAddress = ui.Task.Result;
        await WaitUntilAnswering("dashboard", dashboard, new Uri(DashboardAddress, "/api/telemetry/resources"));
        return otlp.Task.Result;
    }

    private static Uri? BoundAddress(string line, string marker)
    {
        var at = line.IndexOf(marker, StringComparison.Ordinal);
        return at < 0 ? null : new Uri(line[(at + marker.Length)..].Trim());
    }

    /// <summary>Starts the five processes and waits until each is ready; returns the name of one that lost its port, if any.</summary>
    private async Task<string?> StartProcesses(string root, Uri otlpGrpc)
    {
        foreach (var name in Processes) _ports[name] = (ServiceHost<GatewayService>.FreePort(), ServiceHost<GatewayService>.FreePort());
        var gateway = GatewayAddress.ToString().TrimEnd('/');
        var mail = await MailServer.Shared;
        var common = new Dictionary<string, string>
        {
            ["Notices__Channel"] = "smtp",
            ["Notices__Smtp__Host"] = "127.0.0.1",
            ["Notices__Smtp__Port"] = mail.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = otlpGrpc.ToString().TrimEnd('/'),
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
        // The registry's other inspectorates do not run here: no address, so nothing asks them.
        foreach (var name in Jtai.Calendar.Registry.InspectorateRegistry.Current.Keys.Except(ServiceNames))
            common[$"Services__{name}__Grpc"] = common[$"Services__{name}__Http"] = "";

        var configuration = typeof(ProcessPlatform).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var started = new Dictionary<string, Process>();
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
                env[$"ConnectionStrings__{name}Owner"] = OwnerDatabases[name];
            }
            started[name] = Launch(name, "dotnet", [dll], project, env);
        }

        foreach (var name in Processes)
        {
            try
            {
                await WaitUntilAnswering(name, started[name], new Uri($"http://127.0.0.1:{_ports[name].Http}/health/ready"));
            }
            catch (ProcessExitedException) when (File.ReadAllText(Path.Combine(LogDirectory, name + ".log")).Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
                return name;
            }
        }
        return null;
    }

    /// <summary>
    /// Waits for a success from <paramref name="address"/>; fails at once if the process exits first. Generous: five processes
    /// starting together (JIT, migrations) on a loaded 2-core machine took the orchestrator over two minutes to start listening,
    /// and a process that is still running is starting, not broken (one that broke has exited and fails at once).
    /// </summary>
    private async Task WaitUntilAnswering(string name, Process process, Uri address)
    {
        using var client = new HttpClient();
        await Platform.WaitUntil(async () =>
        {
            if (process.HasExited)
            {
                process.WaitForExit(); // drains the redirected output into the log
                throw new ProcessExitedException($"{name} exited ({process.ExitCode}) before answering (log: {LogDirectory}/{name}.log).");
            }
            try { return (await client.GetAsync(address)).IsSuccessStatusCode; }
            catch (HttpRequestException) { return false; }
        }, TimeSpan.FromMinutes(5), $"{name} to answer {address.AbsolutePath} (log: {LogDirectory}/{name}.log)");
    }

    private sealed class ProcessExitedException(string message) : Exception(message);

    private Process Launch(string name, string file, string[] arguments, string workingDirectory, Dictionary<string, string> environment, Action<string>? onLine = null)
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
        // A fresh log per launch: a relaunch's log tells only of that launch.
        var log = new StreamWriter(Path.Combine(LogDirectory, name + ".log")) { AutoFlush = true };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (log) log.WriteLine(e.Data);
            onLine?.Invoke(e.Data);
        };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _running.Add((name, process));
        return process;
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
        await StopProcesses(exceptDashboard: false);
        foreach (var name in Databases.Keys) await Infrastructure.DropDatabase($"jtai_{_runId}_{name}");
        await Infrastructure.Management.DeleteVhost(Vhost);
    }

    /// <summary>Stops the processes this platform started (only those: by their own handles).</summary>
    private async Task StopProcesses(bool exceptDashboard)
    {
        // Processes in reverse order: the gateway first, the dashboard last, so the last telemetry still lands.
        foreach (var (name, process) in Enumerable.Reverse(_running.ToList()))
        {
            if (exceptDashboard && name == "dashboard") continue;
            try
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                    using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
                    await process.WaitForExitAsync(timeout.Token);
                }
            }
            catch (Exception ex) when (ex is InvalidOperationException or OperationCanceledException) { }
            process.Dispose();
            _running.Remove((name, process));
        }
    }
}
