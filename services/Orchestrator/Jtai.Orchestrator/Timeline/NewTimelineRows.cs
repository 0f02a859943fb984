using Jtai.Calendar.Timeline;
using Jtai.Contracts.Events;
using Jtai.Messaging;
using Jtai.Orchestrator.Data;
using Jtai.Orchestrator.Inspections;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Jtai.Orchestrator.Timeline;

/// <summary>
/// A newly scheduled inspection's milestones and their deadline rows, written in one statement (arrays
/// unnested into both tables) in the transaction that stores the inspection. Nothing of the timeline is
/// stored yet, so there is nothing to look up or track: as tracked entities the two rows per milestone
/// cost more CPU, in the service and in PostgreSQL (one INSERT … RETURNING per row), than the rest of
/// the request. The deadline rows are those <c>IDeadlines.ScheduleNew</c> would write: a key that
/// exists fails the statement and so the inspection's transaction.
/// </summary>
internal static class NewTimelineRows
{
    private const string Insert = """
        WITH milestones AS (
            INSERT INTO inspection_milestones (inspection_id, key, date, due_at, description)
            SELECT @inspection, m.key, m.date, m.due_at, m.description
            FROM unnest(@keys, @dates, @due, @descriptions) AS m(key, date, due_at, description))
        INSERT INTO deadlines (key, due_at, message_type, body, inspection_id)
        SELECT d.key, d.due_at, @message_type, d.body, @inspection
        FROM unnest(@deadline_keys, @due, @bodies) AS d(key, due_at, body)
        """;

    private static readonly string MessageType = MessageTypes.NameOf(typeof(DeadlineReached));

    public static async Task Write(OrchestratorDbContext db, Inspection inspection, InspectionTimeline timeline, CancellationToken ct)
    {
        // Outside a transaction the rows would commit on their own, before (or without) the inspection.
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("A new inspection's timeline is written in the transaction that stores the inspection: begin one first.");

        var count = timeline.Milestones.Count;
        var keys = new string[count];
        var dates = new DateOnly[count];
        var due = new DateTimeOffset[count];
        var descriptions = new string[count];
        var deadlineKeys = new string[count];
        var bodies = new string[count];
        for (var i = 0; i < count; i++)
        {
            var milestone = timeline.Milestones[i];
            // PostgreSQL keeps instants in UTC; views show them in London time again.
            var dueAt = milestone.DueAt.ToUniversalTime();
            keys[i] = milestone.Key;
            dates[i] = milestone.Date;
            due[i] = dueAt;
            descriptions[i] = milestone.Description;
            deadlineKeys[i] = InspectionTimelines.DeadlineKey(inspection.Id, milestone.Key);
            bodies[i] = MessageTypes.Serialize(new DeadlineReached(inspection.Id, milestone.Key, milestone.Description, dueAt, inspection.FieldworkStart));
        }

        await db.Database.ExecuteSqlRawAsync(Insert,
        [
            new NpgsqlParameter<Guid>("inspection", inspection.Id),
            new NpgsqlParameter<string[]>("keys", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = keys },
            new NpgsqlParameter<DateOnly[]>("dates", NpgsqlDbType.Array | NpgsqlDbType.Date) { TypedValue = dates },
            new NpgsqlParameter<DateTimeOffset[]>("due", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { TypedValue = due },
            new NpgsqlParameter<string[]>("descriptions", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = descriptions },
            new NpgsqlParameter<string>("message_type", NpgsqlDbType.Text) { TypedValue = MessageType },
            new NpgsqlParameter<string[]>("deadline_keys", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = deadlineKeys },
            new NpgsqlParameter<string[]>("bodies", NpgsqlDbType.Array | NpgsqlDbType.Jsonb) { TypedValue = bodies },
        ], ct);
    }
}
