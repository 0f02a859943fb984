using Npgsql;

namespace Jtai.Benchmarks.Load;

/// <summary>
/// CPU time spent by the benchmark's own processes (read from /proc) and by the PostgreSQL backends
/// serving its databases, so a figure can be given per operation. Unlike latency or throughput, CPU
/// per operation hardly moves when other work shares the machine: on a loaded box it is the figure
/// that can be compared between runs and between versions of the code.
/// </summary>
public sealed class CpuMeter(IReadOnlyDictionary<string, int> processes, IReadOnlyCollection<string> databases, string anyDatabase)
{
    public const string PostgreSql = "postgresql";

    /// <summary>CPU seconds (user + system) so far of each named process and of each backend serving the databases.</summary>
    public sealed record Sample(Dictionary<string, double> Processes, Dictionary<int, double> Backends);

    public async Task<Sample> Snapshot()
    {
        var backends = new Dictionary<int, double>();
        await using (var connection = new NpgsqlConnection(anyDatabase))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT pid FROM pg_stat_activity WHERE datname = ANY(@names) AND pid <> pg_backend_pid()", connection);
            command.Parameters.AddWithValue("names", databases.ToArray());
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) backends[reader.GetInt32(0)] = 0;
        }
        foreach (var pid in backends.Keys.ToList()) backends[pid] = Seconds(pid);
        return new Sample(processes.ToDictionary(p => p.Key, p => Seconds(p.Value)), backends);
    }

    /// <summary>
    /// CPU milliseconds per operation between two samples, per process and for PostgreSQL. Backends are
    /// per connection and live as long as the services' pools keep them: one that started in between
    /// counts from zero; one that ended in between is lost (the pools rarely close one under load).
    /// </summary>
    public static Dictionary<string, double> PerOperation(Sample before, Sample after, long operations)
    {
        var result = after.Processes.ToDictionary(a => a.Key, a => a.Value - before.Processes.GetValueOrDefault(a.Key));
        result[PostgreSql] = after.Backends.Sum(b => b.Value - before.Backends.GetValueOrDefault(b.Key));
        return result.ToDictionary(r => r.Key, r => operations == 0 ? double.NaN : r.Value * 1000 / operations);
    }

    /// <summary>The server's WAL written so far, in bytes (pg_stat_wal, the whole server).</summary>
    public async Task<long> WalBytes()
    {
        await using var connection = new NpgsqlConnection(anyDatabase);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT wal_bytes::bigint FROM pg_stat_wal", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>
    /// CPU seconds so far of each of the runtime's tiered-compilation threads (".NET Tiered Com") of every named
    /// process, by thread id: how much of a process's CPU is still the JIT compiler re-compiling hot methods.
    /// </summary>
    public Dictionary<int, double> Compilers()
    {
        var threads = new Dictionary<int, double>();
        foreach (var pid in processes.Values)
        {
            try
            {
                foreach (var task in Directory.EnumerateDirectories($"/proc/{pid}/task"))
                    if (Stat(Path.Combine(task, "stat")) is { } s && s.Name.StartsWith(".NET Tiered Com", StringComparison.Ordinal))
                        threads[int.Parse(Path.GetFileName(task))] = s.Seconds;
            }
            catch (IOException) { }
        }
        return threads;
    }

    /// <summary>
    /// The compilers' CPU seconds between two samples: a thread that started in between counts from zero; one
    /// that ended in between (the runtime ends an idle compiler thread) is lost, so it is a lower bound.
    /// </summary>
    public static double CompilerSeconds(Dictionary<int, double> before, Dictionary<int, double> after) =>
        after.Sum(t => t.Value - before.GetValueOrDefault(t.Key));

    private static readonly double TicksPerSecond = 100; // USER_HZ on Linux

    /// <summary>A /proc stat file's command name and CPU seconds (user + system), or null when it is gone.</summary>
    private static (string Name, double Seconds)? Stat(string path)
    {
        try
        {
            var stat = File.ReadAllText(path);
            // Fields after the command name (which may contain spaces) start after the last ')'.
            var name = stat[(stat.IndexOf('(') + 1)..stat.LastIndexOf(')')];
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            // utime and stime are fields 14 and 15 of stat, i.e. 12 and 13 after the name; children's (cutime, cstime) follow.
            return (name, (long.Parse(fields[11]) + long.Parse(fields[12])) / TicksPerSecond);
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static double Seconds(int pid) => Stat($"/proc/{pid}/stat")?.Seconds ?? 0;

    /// <summary>
    /// CPU seconds so far of the whole machine (every core, busy and idle, from /proc/stat), of this benchmark
    /// process (the load generator) and of the broker (RabbitMQ's Erlang VM, beam.smp): who else shares the
    /// platform's cores while it is measured.
    /// </summary>
    public sealed record MachineSample(double Busy, double Idle, double Steal, double LoadGenerator, double Broker);

    public static MachineSample Machine()
    {
        // cpu  user nice system idle iowait irq softirq steal (guest time is already in user): steal is time
        // the hypervisor gave to another machine.
        var f = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Take(8).Select(v => long.Parse(v) / TicksPerSecond).ToArray();
        return new MachineSample(f[0] + f[1] + f[2] + f[5] + f[6], f[3] + f[4], f[7], Seconds(Environment.ProcessId),
            Broker() is { } broker ? Seconds(broker) : 0);
    }

    private static int? Broker()
    {
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            try
            {
                if (File.ReadAllText(Path.Combine(dir, "comm")).Trim() == "beam.smp") return pid;
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
        return null;
    }
}
