using Jtai.Testing;

namespace Jtai.Benchmarks;

/// <summary>
/// The processes tests/benchmarks/run.sh started for this run (on its own ports, databases and
/// virtual host), described by environment variables, and the run's settings.
/// </summary>
public sealed class Stack
{
    public required Uri Gateway { get; init; }
    /// <summary>A second gateway process whose routes lead to the bare Kestrel endpoint, to compare with bare YARP.</summary>
    public required Uri ProxyGateway { get; init; }
    public required Uri Kestrel { get; init; }
    public required Uri Yarp { get; init; }
    /// <summary>The services' databases as the services' own roles (rows only).</summary>
    public required IReadOnlyDictionary<string, string> Databases { get; init; }
    /// <summary>The same databases as their owner roles (tables, ANALYZE).</summary>
    public required IReadOnlyDictionary<string, string> OwnerDatabases { get; init; }
    public int Runs { get; init; } = 3;
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(60);
    public TimeSpan ShortDuration { get; init; } = TimeSpan.FromSeconds(10);
    public int AnnexARows { get; init; } = 50_000;
    /// <summary>The started processes by name (orchestrator, ofsted, cqc, hmicfrs, gateway, ...) and their ids.</summary>
    public IReadOnlyDictionary<string, int> Processes { get; init; } = new Dictionary<string, int>();

    /// <summary>CPU of the platform's processes and of the PostgreSQL backends serving its databases.</summary>
    public Load.CpuMeter Cpu => new(Processes, Databases.Values.Select(c => new Npgsql.NpgsqlConnectionStringBuilder(c).Database!).ToList(), OwnerDatabases["orchestrator"]);

    private Tokens? _tokens;
    public Tokens Tokens => _tokens ??= new Tokens(new HttpClient { BaseAddress = Gateway, Timeout = TimeSpan.FromSeconds(30) });

    public static Stack FromEnvironment()
    {
        static string Get(string name) => Environment.GetEnvironmentVariable(name) ?? throw new InvalidOperationException($"{name} is not set (run tests/benchmarks/run.sh).");
        var duration = int.Parse(Environment.GetEnvironmentVariable("BENCH_DURATION") ?? "60");
        return new Stack
        {
            Gateway = new Uri(Get("BENCH_GATEWAY")),
            ProxyGateway = new Uri(Get("BENCH_PROXY_GATEWAY")),
            Kestrel = new Uri(Get("BENCH_KESTREL")),
            Yarp = new Uri(Get("BENCH_YARP")),
            Databases = Platform.ServiceNames.ToDictionary(n => n, n => Get($"BENCH_DB_{n.ToUpperInvariant()}")),
            OwnerDatabases = Platform.ServiceNames.ToDictionary(n => n, n => Get($"BENCH_DB_OWNER_{n.ToUpperInvariant()}")),
            Runs = int.Parse(Environment.GetEnvironmentVariable("BENCH_RUNS") ?? "3"),
            Duration = TimeSpan.FromSeconds(duration),
            ShortDuration = TimeSpan.FromSeconds(Math.Max(5, Math.Min(10, duration))),
            AnnexARows = int.Parse(Environment.GetEnvironmentVariable("BENCH_ANNEX_A_ROWS") ?? "50000"),
            Processes = (Environment.GetEnvironmentVariable("BENCH_PIDS") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)
                .Select(p => p.Split('=')).ToDictionary(p => p[0], p => int.Parse(p[1])),
        };
    }

    public static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";
}
