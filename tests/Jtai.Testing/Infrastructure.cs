using System.Net.Http.Headers;
using System.Text;
using DotNet.Testcontainers.Configurations;
using Npgsql;
using Testcontainers.PostgreSql;
using Testcontainers.RabbitMq;

namespace Jtai.Testing;

/// <summary>
/// The real RabbitMQ and PostgreSQL the tests use: containers when a Docker engine answers,
/// otherwise the services .ci/run (or infra/setup.sh) started, named by environment variables:
/// JTAI_TEST_POSTGRES (the setup role's connection string: its database and password; each service's
/// roles, made by infra/setup.sh, create and own the test databases; JTAI_TEST_DB_PASSWORD if their password differs),
/// JTAI_TEST_RABBITMQ (amqp://user:pass@host:port) and JTAI_TEST_RABBITMQ_MANAGEMENT (http://host:15672).
/// Each platform gets its own virtual host and databases, so runs never see each other's messages.
/// </summary>
public sealed class Infrastructure : IAsyncDisposable
{
    private readonly PostgreSqlContainer? _postgres;
    private readonly RabbitMqContainer? _rabbit;

    private Infrastructure(string postgresAdmin, Uri rabbit, Uri management, PostgreSqlContainer? postgres, RabbitMqContainer? rabbitContainer)
    {
        PostgresAdmin = postgresAdmin;
        RabbitAmqp = rabbit;
        RabbitManagement = management;
        _postgres = postgres;
        _rabbit = rabbitContainer;
    }

    public string PostgresAdmin { get; }
    public Uri RabbitAmqp { get; }
    public Uri RabbitManagement { get; }
    public bool InContainers => _rabbit is not null;

    public static async Task<Infrastructure> Start()
    {
        if (Environment.GetEnvironmentVariable("JTAI_TEST_POSTGRES") is null && DockerAnswers())
        {
            var postgres = new PostgreSqlBuilder("postgres:15").Build();
            var rabbit = new RabbitMqBuilder("rabbitmq:3.13-management").WithPortBinding(15672, true).Build();
            await Task.WhenAll(postgres.StartAsync(), rabbit.StartAsync());
            var amqp = new UriBuilder(rabbit.GetConnectionString()) { Path = "" }.Uri;
            var management = new Uri($"http://guest:guest@{rabbit.Hostname}:{rabbit.GetMappedPublicPort(15672)}");
            return new Infrastructure(postgres.GetConnectionString(), amqp, management, postgres, rabbit);
        }
        return new Infrastructure(
            Environment.GetEnvironmentVariable("JTAI_TEST_POSTGRES") ?? "Host=127.0.0.1;Port=5432;Username=jtai;Password=jtai;Database=postgres",
            new Uri(Environment.GetEnvironmentVariable("JTAI_TEST_RABBITMQ") ?? "amqp://guest:guest@127.0.0.1:5672"),
            new Uri(Environment.GetEnvironmentVariable("JTAI_TEST_RABBITMQ_MANAGEMENT") ?? "http://guest:guest@127.0.0.1:15672"),
            null, null);
    }

    private static bool DockerAnswers()
    {
        try { return TestcontainersSettings.OS.DockerEndpointAuthConfig is not null; }
        catch { return false; }
    }

    // ---- PostgreSQL -------------------------------------------------------------------------
    // As infra/setup.sh makes them: per service an owner role (owns and migrates the database;
    // locally it may also create databases, for these fixtures) and the role the service runs as.
    // Every database admits only its own two roles.

    private readonly Dictionary<string, string> _owners = new();

    public static string RuntimeRole(string service) => $"jtai_{service}";
    public static string OwnerRole(string service) => $"jtai_{service}_owner";

    private string RolePassword => Environment.GetEnvironmentVariable("JTAI_TEST_DB_PASSWORD")
        ?? new NpgsqlConnectionStringBuilder(PostgresAdmin).Password ?? "jtai";

    /// <summary>A connection string for one of a service's roles (on the admin's database unless one is named).</summary>
    public string ConnectionAs(string role, string? database = null) =>
        new NpgsqlConnectionStringBuilder(PostgresAdmin)
        {
            Username = role, Password = RolePassword, Database = database ?? new NpgsqlConnectionStringBuilder(PostgresAdmin).Database,
            Pooling = true,
        }.ConnectionString;

    /// <summary>
    /// A fresh database for one service, made and owned by its owner role, which the service's role
    /// (and no other) may connect to. Returns the service's connection string and the owner's.
    /// </summary>
    public async Task<(string Runtime, string Owner)> CreateServiceDatabase(string service, string name)
    {
        if (InContainers) await EnsureRoles(service);
        var owner = OwnerRole(service);
        await using (var conn = new NpgsqlConnection(ConnectionAs(owner)))
        {
            await conn.OpenAsync();
            await Execute(conn, $"CREATE DATABASE \"{name}\"");
            await Execute(conn, $"REVOKE ALL ON DATABASE \"{name}\" FROM PUBLIC");
            await Execute(conn, $"GRANT CONNECT, TEMPORARY ON DATABASE \"{name}\" TO {RuntimeRole(service)}");
        }
        _owners[name] = ConnectionAs(owner, name);
        return (ConnectionAs(RuntimeRole(service), name), _owners[name]);
    }

    /// <summary>In a fresh container the roles do not exist yet: the container's superuser makes them.</summary>
    private async Task EnsureRoles(string service)
    {
        await using var conn = new NpgsqlConnection(PostgresAdmin);
        await conn.OpenAsync();
        var password = RolePassword.Replace("'", "''");
        await Execute(conn, $"""
            DO $$ BEGIN
              IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{RuntimeRole(service)}') THEN
                CREATE ROLE {RuntimeRole(service)} LOGIN PASSWORD '{password}';
              END IF;
              IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{OwnerRole(service)}') THEN
                CREATE ROLE {OwnerRole(service)} LOGIN CREATEDB PASSWORD '{password}' IN ROLE {RuntimeRole(service)};
              END IF;
            END $$
            """);
    }

    public async Task DropDatabase(string name)
    {
        NpgsqlConnection.ClearAllPools();
        if (!_owners.Remove(name, out var owner)) return;
        var builder = new NpgsqlConnectionStringBuilder(owner) { Database = new NpgsqlConnectionStringBuilder(PostgresAdmin).Database, Pooling = false };
        await using var conn = new NpgsqlConnection(builder.ConnectionString);
        await conn.OpenAsync();
        // FORCE terminates the database's other backends, but only those of roles the owner is a member
        // of: an autovacuum worker visiting the freshly migrated tables answers 42501 instead. It ends on
        // its own within moments, so the drop is tried again for a while.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await Execute(conn, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
                return;
            }
            catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.InsufficientPrivilege or PostgresErrorCodes.ObjectInUse && attempt < 50)
            {
                await Task.Delay(200);
            }
        }
    }

    /// <summary>Takes one database away (as if its server were unreachable for that service only), or gives it back.</summary>
    public async Task SetDatabaseReachable(string name, bool reachable)
    {
        await using var conn = await OwnerOutside(name);
        await Execute(conn, $"ALTER DATABASE \"{name}\" ALLOW_CONNECTIONS {(reachable ? "true" : "false")}");
        if (!reachable) await EndSessions(conn, name);
        ClearPools();
    }

    /// <summary>
    /// Refuses the service's role on its database (a revoked CONNECT: every connection fails with a permission error,
    /// which no retry mends, unlike an unreachable server), or admits it again.
    /// </summary>
    public async Task SetServiceAdmitted(string service, string name, bool admitted)
    {
        await using var conn = await OwnerOutside(name);
        await Execute(conn, admitted
            ? $"GRANT CONNECT ON DATABASE \"{name}\" TO {RuntimeRole(service)}"
            : $"REVOKE CONNECT ON DATABASE \"{name}\" FROM {RuntimeRole(service)}");
        if (!admitted) await EndSessions(conn, name);
        ClearPools();
    }

    /// <summary>The database's owner, connected to the maintenance database (not to the one it changes).</summary>
    private async Task<NpgsqlConnection> OwnerOutside(string name)
    {
        var builder = new NpgsqlConnectionStringBuilder(_owners[name]) { Database = new NpgsqlConnectionStringBuilder(PostgresAdmin).Database, Pooling = false };
        var conn = new NpgsqlConnection(builder.ConnectionString);
        await conn.OpenAsync();
        return conn;
    }

    private static async Task EndSessions(NpgsqlConnection conn, string name)
    {
        await using var kill = new NpgsqlCommand("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = @name AND pid <> pg_backend_pid()", conn);
        kill.Parameters.AddWithValue("name", name);
        await kill.ExecuteNonQueryAsync();
    }

    // A pooled connection whose server process was terminated stays idle in this process's pools and
    // would answer its next command with 57P01; the services and the tests share these pools.
    private static void ClearPools() => NpgsqlConnection.ClearAllPools();

    private static async Task Execute(NpgsqlConnection conn, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }

    // ---- RabbitMQ ---------------------------------------------------------------------------

    public RabbitManagementClient Management => new(RabbitManagement);

    public Uri AmqpFor(string vhost) => new UriBuilder(RabbitAmqp) { Path = "/" + Uri.EscapeDataString(vhost) }.Uri;

    public async ValueTask DisposeAsync()
    {
        if (_postgres is not null) await _postgres.DisposeAsync();
        if (_rabbit is not null) await _rabbit.DisposeAsync();
    }
}
