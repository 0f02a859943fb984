using System.Text.Json;
using Jtai.Ofsted.Data;
using Jtai.Ofsted.InformationExchange.AnnexA;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Jtai.Ofsted.InformationExchange;

/// <summary>
/// Writes an upload's rows with PostgreSQL's binary COPY on the request's own connection and
/// transaction: tens of thousands of rows in one round trip, and nothing half-stored if anything
/// after it fails.
/// </summary>
public static class AnnexARowStore
{
    public const string CopyCommand =
        "COPY annex_a_rows (upload_id, inspection_id, list_number, row_number, child_id, gender, ethnicity, date_of_birth, age, event_date, source, disability, fields) FROM STDIN (FORMAT BINARY)";

    public static async Task<ulong> Copy(OfstedDbContext db, Guid uploadId, Guid inspectionId, short list, IReadOnlyList<AnnexARecord> records, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("Rows are copied inside the upload's transaction.");
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var importer = await connection.BeginBinaryImportAsync(CopyCommand, ct);
        foreach (var r in records)
        {
            await importer.StartRowAsync(ct);
            await importer.WriteAsync(uploadId, NpgsqlDbType.Uuid, ct);
            await importer.WriteAsync(inspectionId, NpgsqlDbType.Uuid, ct);
            await importer.WriteAsync(list, NpgsqlDbType.Smallint, ct);
            await importer.WriteAsync(r.Row, NpgsqlDbType.Integer, ct);
            await importer.WriteAsync(r.ChildId, NpgsqlDbType.Varchar, ct);
            await WriteNullable(importer, r.Gender, NpgsqlDbType.Varchar, ct);
            await WriteNullable(importer, r.Ethnicity, NpgsqlDbType.Varchar, ct);
            if (r.DateOfBirth is { } dob) await importer.WriteAsync(dob, NpgsqlDbType.Date, ct); else await importer.WriteNullAsync(ct);
            await importer.WriteAsync(r.Age, NpgsqlDbType.Smallint, ct);
            if (r.EventDate is { } date) await importer.WriteAsync(date, NpgsqlDbType.Date, ct); else await importer.WriteNullAsync(ct);
            await WriteNullable(importer, r.Source, NpgsqlDbType.Varchar, ct);
            await WriteNullable(importer, r.Disability, NpgsqlDbType.Varchar, ct);
            await importer.WriteAsync(JsonSerializer.Serialize(r.Fields), NpgsqlDbType.Text, ct);
        }
        return await importer.CompleteAsync(ct);
    }

    private static Task WriteNullable(NpgsqlBinaryImporter importer, string? value, NpgsqlDbType type, CancellationToken ct) =>
        value is null ? importer.WriteNullAsync(ct) : importer.WriteAsync(value, type, ct);
}
