using Npgsql;

namespace Jtai.Benchmarks.Scenarios;

/// <summary>Small helpers for reading the services' benchmark databases directly (figures, seeding).</summary>
internal static class Db
{
    public static async Task<long> Scalar(string connectionString, string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        for (var i = 0; i < parameters.Length; i++) command.Parameters.AddWithValue($"p{i}", parameters[i]);
        return Convert.ToInt64(await command.ExecuteScalarAsync() ?? 0L);
    }

    public static async Task Execute(string connectionString, string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 300 };
        for (var i = 0; i < parameters.Length; i++) command.Parameters.AddWithValue($"p{i}", parameters[i]);
        await command.ExecuteNonQueryAsync();
    }

    public static async Task<Dictionary<Guid, DateTimeOffset>> Times(string connectionString, string sql, Guid[] ids)
    {
        var result = new Dictionary<Guid, DateTimeOffset>(ids.Length);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("p0", ids);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) result[reader.GetGuid(0)] = reader.GetFieldValue<DateTimeOffset>(1);
        return result;
    }
}
