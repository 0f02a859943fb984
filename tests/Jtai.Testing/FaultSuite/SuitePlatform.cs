using System.Diagnostics;
using System.Reflection;

namespace Jtai.Testing.FaultSuite;

/// <summary>
/// The platform as separate OS processes (the built service programs), on the suite's private broker
/// and PostgreSQL: the migration run of each service first (Database:MigrateOnly, as infra/run.sh and
/// the Kubernetes Job do), then <see cref="Replicas"/> instances of each service behind one gateway
/// that balances across them with active health checks. Any process can be killed (-9) and started
/// again on its own ports.
/// </summary>
public sealed class SuitePlatform : IAsyncDisposable
{
    public static readonly string[] ServiceNames = Platform.ServiceNames;
    private static readonly Dictionary<string, string> Projects = new()
    {
        ["orchestrator"] = "services/Orchestrator/Jtai.Orchestrator",
        ["ofsted"] = "services/Ofsted/Jtai.Ofsted",
        ["cqc"] = "services/Cqc/Jtai.Cqc",
        ["hmicfrs"] = "services/Hmicfrs/Jtai.Hmicfrs",
        ["gateway"] = "gateway/Jtai.Gateway",
    };

    private readonly string _directory;
    private readonly PrivateDatabase _database;
    private readonly PrivateBroker _broker;
    private readonly TextWriter _log;
    private readonly Dictionary<string, Instance> _instances = new();

    /// <summary>One process of the platform: a service's replica, or the gateway.</summary>
    public sealed class Instance
    {
        public required string Name { get; init; }
        public required string Service { get; init; }
        public required int HttpPort { get; init; }
        public required int GrpcPort { get; init; }
        public required Dictionary<string, string> Environment { get; init; }
        internal Process? Process { get; set; }
        public bool Running => Process is { HasExited: false };
    }

    private SuitePlatform(string directory, PrivateDatabase database, PrivateBroker broker, int replicas, TextWriter log)
    {
        _directory = directory;
        _database = database;
        _broker = broker;
        Replicas = replicas;
        _log = log;
    }

    public int Replicas { get; }
    public IReadOnlyDictionary<string, Instance> Instances => _instances;
    public Uri Gateway => new($"http://127.0.0.1:{_instances["gateway"].HttpPort}");

    public static async Task<SuitePlatform> Start(string directory, PrivateDatabase database, PrivateBroker broker, int replicas, bool quorumQueues, TextWriter log)
    {
        var platform = new SuitePlatform(directory, database, broker, replicas, log);
        try
        {
            platform.Describe(quorumQueues);
            await platform.Migrate();
            // The services first, then the gateway (its health checks find them ready).
            await Task.WhenAll(platform._instances.Values.Where(i => i.Service != "gateway").Select(platform.Launch));
            await platform.Launch(platform._instances["gateway"]);
            log.WriteLine($"platform: {replicas} instance(s) of each service, gateway {platform.Gateway}");
        }
        catch
        {
            await platform.DisposeAsync();
            throw;
        }
        return platform;
    }

    public static string InstanceName(string service, int replica) => replica == 1 ? service : $"{service}-{replica}";

    private void Describe(bool quorumQueues)
    {
        var gatewayPort = ServiceHost<Jtai.Gateway.GatewayService>.FreePort();
        var gateway = $"http://127.0.0.1:{gatewayPort}";
        foreach (var service in ServiceNames)
            for (var r = 1; r <= Replicas; r++)
                _instances[InstanceName(service, r)] = new Instance
                {
                    Name = InstanceName(service, r), Service = service, Environment = new(),
                    HttpPort = ServiceHost<Jtai.Gateway.GatewayService>.FreePort(), GrpcPort = ServiceHost<Jtai.Gateway.GatewayService>.FreePort(),
                };
        var common = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Authentication__Authority"] = gateway,
            ["Authentication__RequireHttpsMetadata"] = "false",
            ["ConnectionStrings__RabbitMq"] = _broker.Amqp.ToString(),
            ["RabbitMqManagement__Url"] = $"http://guest:guest@127.0.0.1:{_broker.Nodes[0].ManagementPort}",
            // Notices need a channel; no area has contacts here, so none is sent.
            ["Notices__Channel"] = "smtp",
            ["Notices__Smtp__Host"] = "127.0.0.1",
            ["Notices__Smtp__Port"] = "25",
            ["Logging__LogLevel__Default"] = "Warning",
            // No area has contacts here: each notification's "no contact on record" warning is expected.
            ["Logging__LogLevel__Jtai.Inspectorate.Notification"] = "Error",
        };
        if (quorumQueues) common["Messaging__Queues__Quorum"] = "true";
        if (_broker.Nodes.Count > 1)
            for (var n = 0; n < _broker.Nodes.Count; n++) common[$"Messaging__Broker__ClusterNodes__{n}"] = _broker.Nodes[n].Address;
        foreach (var service in ServiceNames)
        {
            // Another service's gRPC and REST: its first replica.
            common[$"Services__{service}__Grpc"] = $"http://127.0.0.1:{_instances[service].GrpcPort}";
            common[$"Services__{service}__Http"] = $"http://127.0.0.1:{_instances[service].HttpPort}";
        }
        common["Services__gateway__Http"] = gateway;

        foreach (var instance in _instances.Values)
        {
            foreach (var (key, value) in common) instance.Environment[key] = value;
            instance.Environment["OTEL_SERVICE_NAME"] = instance.Service;
            instance.Environment["Kestrel__Endpoints__Http__Url"] = $"http://127.0.0.1:{instance.HttpPort}";
            instance.Environment["Kestrel__Endpoints__Grpc__Url"] = $"http://127.0.0.1:{instance.GrpcPort}";
            instance.Environment[$"ConnectionStrings__{instance.Service}"] = _database.RuntimeOf(instance.Service);
            // Migrations are the migration run's: the running services hold no owner connection.
            instance.Environment[$"ConnectionStrings__{instance.Service}Owner"] = "";
        }

        var gatewayInstance = new Instance { Name = "gateway", Service = "gateway", HttpPort = gatewayPort, GrpcPort = 0, Environment = new(common) };
        gatewayInstance.Environment["Kestrel__Endpoints__Http__Url"] = gateway;
        gatewayInstance.Environment["Identity__DevIssuer__Enabled"] = "true";
        gatewayInstance.Environment["Identity__DevIssuer__Issuer"] = gateway + "/";
        // Health checks every 2 s here (10 s in appsettings): a killed replica leaves the rotation sooner.
        foreach (var service in ServiceNames)
        {
            gatewayInstance.Environment[$"ReverseProxy__Clusters__{service}__HealthCheck__Active__Interval"] = "00:00:02";
            for (var r = 1; r <= Replicas; r++)
                gatewayInstance.Environment[$"ReverseProxy__Clusters__{service}__Destinations__{(r == 1 ? "primary" : $"replica{r}")}__Address"] =
                    $"http://127.0.0.1:{_instances[InstanceName(service, r)].HttpPort}";
        }
        _instances["gateway"] = gatewayInstance;
    }

    private static string Dll(string service)
    {
        var configuration = typeof(SuitePlatform).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var project = Path.Combine(ProcessPlatform.RepositoryRoot(), Projects[service]);
        var dll = Path.Combine(project, "bin", configuration, "net10.0", Path.GetFileName(project) + ".dll");
        return File.Exists(dll) ? dll : throw new InvalidOperationException($"{dll} is not built.");
    }

    /// <summary>Each service's migration run: its own program with Database:MigrateOnly and the owner connection.</summary>
    private async Task Migrate()
    {
        await Task.WhenAll(ServiceNames.Select(async service =>
        {
            var environment = new Dictionary<string, string>(_instances[service].Environment)
            {
                ["Database__MigrateOnly"] = "true",
                [$"ConnectionStrings__{service}Owner"] = _database.OwnerOf(service),
            };
            var output = await Commands.Run("dotnet", [Dll(service)], environment, timeout: TimeSpan.FromMinutes(3));
            await File.WriteAllTextAsync(Path.Combine(_directory, $"{service}-migrations.log"), output);
        }));
        _log.WriteLine("platform: migrations applied by each service's migration run");
    }

    private async Task Launch(Instance instance)
    {
        var start = Commands.Start("dotnet", [Dll(instance.Service)], instance.Environment);
        start.WorkingDirectory = Path.GetDirectoryName(Dll(instance.Service))!;
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("OTEL_EXPORTER", StringComparison.Ordinal)).ToList()) start.Environment.Remove(key);
        var process = Process.Start(start)!;
        var log = new StreamWriter(Path.Combine(_directory, instance.Name + ".log"), append: true) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        instance.Process = process;
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        await Platform.WaitUntil(async () =>
        {
            if (process.HasExited) throw new InvalidOperationException($"{instance.Name} exited ({process.ExitCode}) before it was ready (log: {_directory}/{instance.Name}.log).");
            try { return (await http.GetAsync($"http://127.0.0.1:{instance.HttpPort}/health/ready")).IsSuccessStatusCode; }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException) { return false; }
        }, TimeSpan.FromMinutes(5), $"{instance.Name} to be ready (log: {_directory}/{instance.Name}.log)");
    }

    /// <summary>SIGKILL: no shutdown, no flush, in-flight work lost as in a crash.</summary>
    public async Task Kill(string name)
    {
        var instance = _instances[name];
        if (instance.Process is not { } process) return;
        process.Kill(entireProcessTree: false);
        await process.WaitForExitAsync();
        process.Dispose();
        instance.Process = null;
    }

    /// <summary>Starts a killed process again on its own ports and waits until it is ready.</summary>
    public Task Restart(string name) => Launch(_instances[name]);

    public async ValueTask DisposeAsync()
    {
        foreach (var instance in _instances.Values.Reverse())
        {
            if (instance.Process is not { } process) continue;
            try
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                    using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
                    await process.WaitForExitAsync(cts.Token);
                }
            }
            catch (Exception ex) when (ex is InvalidOperationException or OperationCanceledException) { }
            process.Dispose();
            instance.Process = null;
        }
    }
}
