using Npgsql;

namespace Jtai.Testing.FaultSuite;

/// <summary>
/// A PostgreSQL 15 cluster of the suite's own (initdb in its directory, its own port and socket
/// directory), so restarting it touches nobody else's databases. PostgreSQL's default
/// max_connections (100), as a fresh machine has. Per service the two roles infra/setup.sh makes:
/// the owner, which migrates, and the role the service runs as (rows only).
/// </summary>
public sealed class PrivateDatabase : IAsyncDisposable
{
    private const string Bin = "/usr/lib/postgresql/15/bin";
    private const string Password = "jtai";
    // PostgreSQL refuses to run as root: as root, its files and processes belong to the postgres user.
    private static readonly string? AsUser = Commands.IsRoot ? "postgres" : null;
    private readonly string _data;
    private readonly string _directory;
    private bool _running;

    private PrivateDatabase(string directory, int port)
    {
        _directory = directory;
        _data = Path.Combine(directory, "data");
        Port = port;
    }

    public int Port { get; }
    private string Admin(string database = "postgres") =>
        $"Host=127.0.0.1;Port={Port};Username=jtai;Password={Password};Database={database};Pooling=false";

    /// <summary>The superuser's connection to a service's database (for the suite's checks).</summary>
    public string AdminOf(string service) => Admin($"jtai_{service}");
    public string RuntimeOf(string service) => $"Host=127.0.0.1;Port={Port};Username=jtai_{service};Password={Password};Database=jtai_{service}";
    public string OwnerOf(string service) => $"Host=127.0.0.1;Port={Port};Username=jtai_{service}_owner;Password={Password};Database=jtai_{service}";

    public static async Task<PrivateDatabase> Start(string directory, IEnumerable<string> services, TextWriter log)
    {
        Directory.CreateDirectory(directory);
        if (AsUser is not null) await Commands.Run("chown", [AsUser, directory]);
        var database = new PrivateDatabase(directory, ServiceHost<Jtai.Gateway.GatewayService>.FreePort());
        try
        {
            var passwordFile = Path.Combine(directory, "password");
            await File.WriteAllTextAsync(passwordFile, Password);
            if (AsUser is not null) await Commands.Run("chown", [AsUser, passwordFile]);
            await Commands.Run($"{Bin}/initdb", ["-D", database._data, "-U", "jtai", "--pwfile", passwordFile, "--auth=scram-sha-256",
                "-E", "UTF8", "--no-instructions"], asUser: AsUser);
            await database.StartServer();
            foreach (var service in services) await database.CreateServiceDatabase(service);
            log.WriteLine($"postgresql: private cluster on 127.0.0.1:{database.Port} ({database._data})");
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
        return database;
    }

    private async Task StartServer()
    {
        await Commands.Run($"{Bin}/pg_ctl", ["-D", _data, "-l", Path.Combine(_directory, "postgresql.log"), "-w", "-t", "120",
            "-o", $"-p {Port} -k {_directory} -c listen_addresses=127.0.0.1", "start"], asUser: AsUser);
        _running = true;
    }

    /// <summary>A fast restart (open sessions ended, in-flight transactions rolled back), as pg_ctlcluster restart does.</summary>
    public async Task Restart()
    {
        await Commands.Run($"{Bin}/pg_ctl", ["-D", _data, "-m", "fast", "-w", "-t", "120", "stop"], asUser: AsUser);
        _running = false;
        await StartServer();
    }

    private async Task CreateServiceDatabase(string service)
    {
        await using var conn = new NpgsqlConnection(Admin());
        await conn.OpenAsync();
        foreach (var sql in new[]
        {
            $"CREATE ROLE jtai_{service} LOGIN PASSWORD '{Password}'",
            $"CREATE ROLE jtai_{service}_owner LOGIN PASSWORD '{Password}'",
            $"CREATE DATABASE jtai_{service} OWNER jtai_{service}_owner",
            $"REVOKE ALL ON DATABASE jtai_{service} FROM PUBLIC",
            $"GRANT CONNECT, TEMPORARY ON DATABASE jtai_{service} TO jtai_{service}",
        })
        {
            await using var cmd = new NpgsqlCommand(sql, conn);
            await cmd.ExecuteNonQueryAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_running) return;
        try
        {
            await Commands.Run($"{Bin}/pg_ctl", ["-D", _data, "-m", "immediate", "-w", "stop"], asUser: AsUser);
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException) { }
        _running = false;
    }
}
