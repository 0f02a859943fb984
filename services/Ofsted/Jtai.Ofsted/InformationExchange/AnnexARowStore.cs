using Jtai.Ofsted.Data;
using Jtai.Ofsted.InformationExchange.AnnexA;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Jtai.Ofsted.InformationExchange;

/// <summary>
/// Writes an upload's rows with PostgreSQL's binary COPY on the request's own connection and transaction, each
/// row as soon as it is validated: PostgreSQL stores the first rows while the rest of the file is still being read,
/// and nothing is kept if the upload is refused or anything after the copy fails (the transaction rolls back).
/// Only the list's own columns are copied; a column the list does not have stays empty.
/// </summary>
public sealed class AnnexARowStore : IAsyncDisposable
{
    private readonly NpgsqlBinaryImporter _importer;
    private readonly Guid _uploadId;
    private readonly Guid _inspectionId;
    private readonly short _list;
    private readonly AnnexAColumn[] _columns;

    private AnnexARowStore(NpgsqlBinaryImporter importer, Guid uploadId, Guid inspectionId, AnnexAList list)
    {
        _importer = importer;
        _uploadId = uploadId;
        _inspectionId = inspectionId;
        _list = (short)list.Number;
        _columns = [.. list.Columns];
    }

    /// <summary>The COPY of one list's rows: the row's keys, then the list's columns in its order (the normalised contact outcome after the outcome).</summary>
    public static string CopyCommand(OfstedDbContext db, AnnexAList list)
    {
        var entity = db.Model.FindEntityType(typeof(AnnexARow))!;
        string Column(string property) => entity.FindProperty(property)!.GetColumnName();
        var properties = new List<string> { nameof(AnnexARow.UploadId), nameof(AnnexARow.InspectionId), nameof(AnnexARow.ListNumber), nameof(AnnexARow.RowNumber) };
        foreach (var column in list.Columns)
        {
            properties.Add(column.Slot.ToString());
            if (column.Kind == CellKind.ContactOutcome) properties.Add(nameof(AnnexAValues.ContactOutcomeNormalised));
        }
        return $"COPY {entity.GetTableName()} ({string.Join(", ", properties.Select(Column))}) FROM STDIN (FORMAT BINARY)";
    }

    public static async Task<AnnexARowStore> Begin(OfstedDbContext db, AnnexAList list, Guid uploadId, Guid inspectionId, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("Rows are copied inside the upload's transaction.");
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var importer = await connection.BeginBinaryImportAsync(CopyCommand(db, list), ct);
        return new AnnexARowStore(importer, uploadId, inspectionId, list);
    }

    /// <summary>
    /// Reads every row of the sheet, copying each valid one as it comes, and ends the copy when the rows are to be
    /// kept: the file has no problem, or the uploader asked to keep the valid rows and there are some. Otherwise it
    /// stops copying at the first problem but reads on, so that every problem is named, and answers false: the
    /// caller refuses the upload and rolls back what was copied.
    /// </summary>
    public async Task<bool> CopyValidRows(ITabularRows rows, AnnexARowReader reader, bool keepValidRows, CancellationToken ct)
    {
        var copying = true;
        while (rows.Next())
        {
            if (reader.Read(rows) is not { } record) copying &= keepValidRows;
            else if (copying) await Write(record, ct);
        }
        if (reader.ValidRows == 0 || (reader.Problems.Count > 0 && !keepValidRows)) return false;
        await _importer.CompleteAsync(ct);
        return true;
    }

    private async Task Write(AnnexARecord row, CancellationToken ct)
    {
        await _importer.StartRowAsync(ct);
        await _importer.WriteAsync(_uploadId, NpgsqlDbType.Uuid, ct);
        await _importer.WriteAsync(_inspectionId, NpgsqlDbType.Uuid, ct);
        await _importer.WriteAsync(_list, NpgsqlDbType.Smallint, ct);
        await _importer.WriteAsync(row.Row, NpgsqlDbType.Integer, ct);
        foreach (var column in _columns)
        {
            switch (column.Kind)
            {
                case CellKind.Age:
                    await _importer.WriteAsync(row.Age, NpgsqlDbType.Smallint, ct);
                    break;
                case CellKind.Date:
                    if (row.Date(column.Slot) is { } date) await _importer.WriteAsync(date, NpgsqlDbType.Date, ct);
                    else await _importer.WriteNullAsync(ct);
                    break;
                case CellKind.Count:
                    if (row.Count(column.Slot) is { } count) await _importer.WriteAsync(count, NpgsqlDbType.Integer, ct);
                    else await _importer.WriteNullAsync(ct);
                    break;
                case CellKind.ContactOutcome:
                    await Text(row.ContactOutcome, ct);
                    await Text(row.ContactOutcomeNormalised, ct);
                    break;
                default:
                    await Text(row.Text(column.Slot), ct);
                    break;
            }
        }
    }

    /// <summary>Unless the rows were kept, cancels the copy: PostgreSQL keeps none of its rows.</summary>
    public ValueTask DisposeAsync() => _importer.DisposeAsync();

    private Task Text(string? value, CancellationToken ct) =>
        value is null ? _importer.WriteNullAsync(ct) : _importer.WriteAsync(value, NpgsqlDbType.Varchar, ct);
}
