using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;

namespace Jtai.Testing.FaultSuite;

/// <summary>
/// RabbitMQ nodes of the suite's own (one, or a cluster of three on one machine): own node names,
/// ports, data and log directories, plugins file and Erlang cookie, so stopping or restarting them
/// touches nothing of the machine's shared broker or anyone else's run. Run as the current user with
/// a private home (where the node and rabbitmqctl find the same cookie).
/// </summary>
public sealed class PrivateBroker : IAsyncDisposable
{
    private const string Bin = "/usr/lib/rabbitmq/bin";
    private readonly string _directory;
    private readonly List<Node> _nodes = [];

    private PrivateBroker(string directory) => _directory = directory;

    public sealed class Node
    {
        public required string Name { get; init; }
        public required int AmqpPort { get; init; }
        public required int ManagementPort { get; init; }
        public required int DistributionPort { get; init; }
        public required Dictionary<string, string> Environment { get; init; }
        internal Process? Process { get; set; }
        public string Address => $"127.0.0.1:{AmqpPort}";
    }

    public IReadOnlyList<Node> Nodes => _nodes;
    /// <summary>The first node's AMQP address (guest on loopback).</summary>
    public Uri Amqp => new($"amqp://guest:guest@127.0.0.1:{_nodes[0].AmqpPort}/");
    public Uri Management => new($"http://127.0.0.1:{_nodes[0].ManagementPort}/");

    public static async Task<PrivateBroker> Start(string directory, string runId, int nodes, TextWriter log)
    {
        var broker = new PrivateBroker(directory);
        try
        {
            Directory.CreateDirectory(Path.Combine(directory, "home"));
            for (var i = 1; i <= nodes; i++) broker._nodes.Add(broker.Describe($"jtai-{runId}-{i}@localhost", i));
            // The first node makes the cookie; the others start after it so they find the same one.
            await broker.Launch(broker._nodes[0]);
            await Task.WhenAll(broker._nodes.Skip(1).Select(broker.Launch));
            foreach (var node in broker._nodes.Skip(1))
            {
                await broker.Ctl(node, "stop_app");
                await broker.Ctl(node, "join_cluster", broker._nodes[0].Name);
                await broker.Ctl(node, "start_app");
            }
            foreach (var node in broker._nodes) await AwaitReady(node);
            log.WriteLine($"broker: {nodes} private node(s) {string.Join(", ", broker._nodes.Select(n => $"{n.Name} amqp {n.AmqpPort}"))}");
        }
        catch
        {
            await broker.DisposeAsync();
            throw;
        }
        return broker;
    }

    private Node Describe(string name, int index)
    {
        var dir = Path.Combine(_directory, $"node{index}");
        Directory.CreateDirectory(Path.Combine(dir, "mnesia"));
        Directory.CreateDirectory(Path.Combine(dir, "log"));
        var amqp = ServiceHost<Jtai.Gateway.GatewayService>.FreePort();
        var management = ServiceHost<Jtai.Gateway.GatewayService>.FreePort();
        var distribution = ServiceHost<Jtai.Gateway.GatewayService>.FreePort();
        File.WriteAllText(Path.Combine(dir, "rabbitmq.conf"), $"""
            listeners.tcp.default = 127.0.0.1:{amqp}
            management.tcp.port = {management}
            management.tcp.ip = 127.0.0.1
            """);
        // Management only: the machine's broker already has the Prometheus plugin's port.
        File.WriteAllText(Path.Combine(dir, "enabled_plugins"), "[rabbitmq_management].\n");
        File.WriteAllText(Path.Combine(dir, "rabbitmq-env.conf"), "");
        return new Node
        {
            Name = name, AmqpPort = amqp, ManagementPort = management, DistributionPort = distribution,
            Environment = new()
            {
                ["HOME"] = Path.Combine(_directory, "home"),
                ["RABBITMQ_NODENAME"] = name,
                ["RABBITMQ_DIST_PORT"] = distribution.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["RABBITMQ_MNESIA_BASE"] = Path.Combine(dir, "mnesia"),
                ["RABBITMQ_LOG_BASE"] = Path.Combine(dir, "log"),
                ["RABBITMQ_CONFIG_FILE"] = Path.Combine(dir, "rabbitmq.conf"),
                ["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(dir, "enabled_plugins"),
                // Never the machine's /etc/rabbitmq/rabbitmq-env.conf (it names the shared node).
                ["RABBITMQ_CONF_ENV_FILE"] = Path.Combine(dir, "rabbitmq-env.conf"),
                ["RABBITMQ_ADVANCED_CONFIG_FILE"] = Path.Combine(dir, "advanced.config"),
                ["RABBITMQ_PID_FILE"] = Path.Combine(dir, "pid"),
            },
        };
    }

    private async Task Launch(Node node)
    {
        var start = Commands.Start($"{Bin}/rabbitmq-server", [], node.Environment);
        var process = Process.Start(start)!;
        var log = new StreamWriter(Path.Combine(_directory, node.Name.Split('@')[0] + ".out")) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        node.Process = process;
        await AwaitReady(node);
    }

    /// <summary>Until the node's management API answers (the node and its app are up).</summary>
    private static async Task AwaitReady(Node node)
    {
        using var http = Client(node);
        await Platform.WaitUntil(async () =>
        {
            if (node.Process is { HasExited: true }) throw new InvalidOperationException($"RabbitMQ node {node.Name} exited ({node.Process.ExitCode}).");
            try { return (await http.GetAsync("api/overview")).IsSuccessStatusCode; }
            catch (HttpRequestException) { return false; }
        }, TimeSpan.FromMinutes(5), $"RabbitMQ node {node.Name} to start");
    }

    public static HttpClient Client(Node node)
    {
        var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{node.ManagementPort}/"), Timeout = TimeSpan.FromSeconds(10) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.ASCII.GetBytes("guest:guest")));
        return http;
    }

    // rabbitmqctl starts an Erlang VM of its own each time: on a loaded machine minutes, not seconds.
    private Task<string> Ctl(Node node, params string[] arguments) =>
        Commands.Run($"{Bin}/rabbitmqctl", ["-n", node.Name, .. arguments], node.Environment, timeout: TimeSpan.FromMinutes(6));

    /// <summary>
    /// What rabbitmqctl stop_app / start_app / stop do (rabbit:stop(), rabbit:start(), rabbit:stop_and_halt()),
    /// called from a bare Erlang node: rabbitmqctl boots Elixir first, seconds of CPU that become minutes
    /// on a loaded machine, while the fault must happen when planned.
    /// </summary>
    private async Task Rpc(Node node, string function)
    {
        var output = await Commands.Run("erl", ["-noshell", "-sname", $"ctl{Guid.NewGuid().ToString("N")[..8]}@localhost", "-eval",
            $"io:format(\"~p~n\", [rpc:call('{node.Name}', rabbit, {function}, [], 300000)]), halt()."], node.Environment, timeout: TimeSpan.FromMinutes(6));
        if (output.Trim() != "ok") throw new InvalidOperationException($"rabbit:{function}() on {node.Name} answered {output.Trim()}");
    }

    /// <summary>The broker's application stops (connections refused, the Erlang node stays), as rabbitmqctl stop_app.</summary>
    public Task StopApp(Node node) => Rpc(node, "stop");

    public async Task StartApp(Node node)
    {
        await Rpc(node, "start");
        await AwaitReady(node);
    }

    /// <summary>The whole node stops (as rabbitmqctl stop), until its process is gone.</summary>
    public async Task Stop(Node node)
    {
        try
        {
            await Rpc(node, "stop_and_halt");
        }
        catch (InvalidOperationException ex) when (ex.Message.Contains("nodedown", StringComparison.Ordinal)) { } // it halted before answering
        if (node.Process is { } process)
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            await process.WaitForExitAsync(cts.Token);
            process.Dispose();
            node.Process = null;
        }
    }

    public Task Start(Node node) => Launch(node);

    /// <summary>Messages waiting in every queue named *_error, by queue.</summary>
    public async Task<Dictionary<string, long>> ErrorQueues()
    {
        using var http = Client(_nodes[0]);
        var queues = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync("api/queues/%2F?columns=name,messages")).RootElement;
        var result = new Dictionary<string, long>();
        foreach (var q in queues.EnumerateArray())
        {
            var name = q.GetProperty("name").GetString()!;
            if (!name.EndsWith("_error", StringComparison.Ordinal)) continue;
            result[name] = q.TryGetProperty("messages", out var m) && m.ValueKind == System.Text.Json.JsonValueKind.Number ? m.GetInt64() : 0;
        }
        return result;
    }

    /// <summary>The bodies of up to <paramref name="count"/> messages of a queue, left in it.</summary>
    public async Task<List<string>> Peek(string queue, int count)
    {
        using var http = Client(_nodes[0]);
        var response = await http.PostAsync($"api/queues/%2F/{Uri.EscapeDataString(queue)}/get", new StringContent(
            $$"""{"count":{{count}},"ackmode":"ack_requeue_true","encoding":"auto"}""", Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
        return System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.EnumerateArray()
            .Select(m => m.GetProperty("payload").GetString() ?? "").ToList();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            if (node.Process is not { HasExited: false } process) continue;
            try { await Rpc(node, "stop_and_halt"); } catch (Exception ex) when (ex is InvalidOperationException or TimeoutException) { }
            try
            {
                using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                await process.WaitForExitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }
}
