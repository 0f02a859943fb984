using System.Diagnostics;
using Jtai.Messaging.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Jtai.Messaging.Inbox;

/// <summary>
/// The inbox's one statement per consumed message: records (message id, consumer), or finds it
/// recorded already (a duplicate); and, when it was new and parking is on, makes the messages parked
/// for the same inspection due now, since what they wait for may be what is being handled. With an
/// <see cref="InboxEffect"/> the handler's whole effect is part of the same statement, gated on the mark
/// being new. Everything commits or rolls back together (in the handler's transaction, or as one
/// statement on its own), so a parked message is only released by a message that was handled. Nothing
/// is parked almost always: one index probe.
/// Written against Npgsql directly: it runs for every message, and EF's raw-SQL path adds nothing here.
/// </summary>
internal static class InboxMark
{
    private const string Marks = """
        WITH recorded AS (
            INSERT INTO inbox_messages (message_id, consumer, message_type, inspection_id, trace_id, received_at)
            VALUES (@message_id, @consumer, @message_type, @inspection_id, @trace_id, now())
            ON CONFLICT (message_id, consumer) DO NOTHING
            RETURNING 1),
        released AS (
            UPDATE parked_messages SET due_at = @now
            WHERE @release AND inspection_id = @inspection_id AND due_at > @now AND EXISTS (SELECT FROM recorded)
            RETURNING 1)
        """;

    private const string MarkOnly = Marks + "\nSELECT EXISTS (SELECT FROM recorded), EXISTS (SELECT FROM released), 0::bigint";

    /// <param name="releaseAt">Parking's clock when parking is on; null when it is not (nothing is released).</param>
    /// <param name="effect">The handler's effect as part of the statement, or null (none, or the handler writes in the transaction).</param>
    /// <returns>
    /// Whether the message is new here, whether parked messages were made due (notify after the commit), and how
    /// many rows the effect changed. Outside a transaction the statement commits on its own.
    /// </returns>
    public static async Task<(bool Recorded, bool Released, long Changed)> Record(
        MessagingDbContext db, Guid messageId, string consumer, string messageType, Guid? inspectionId, DateTimeOffset? releaseAt,
        InboxEffect? effect, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var transaction = (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction();
        var sql = effect is null ? MarkOnly : $"{Marks},\neffect AS (\n{effect.Sql})\nSELECT EXISTS (SELECT FROM recorded), EXISTS (SELECT FROM released), (SELECT count(*) FROM effect)";
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<Guid>("message_id", messageId));
        command.Parameters.Add(new NpgsqlParameter<string>("consumer", consumer));
        command.Parameters.Add(new NpgsqlParameter<string>("message_type", messageType));
        command.Parameters.Add(new NpgsqlParameter("inspection_id", NpgsqlDbType.Uuid) { Value = (object?)inspectionId ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("trace_id", NpgsqlDbType.Text) { Value = (object?)Activity.Current?.TraceId.ToString() ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("now", releaseAt ?? DateTimeOffset.UnixEpoch));
        command.Parameters.Add(new NpgsqlParameter<bool>("release", releaseAt is not null));
        if (effect is not null) command.Parameters.AddRange(effect.Parameters.ToArray());
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return (reader.GetBoolean(0), reader.GetBoolean(1), reader.GetInt64(2));
    }
}
