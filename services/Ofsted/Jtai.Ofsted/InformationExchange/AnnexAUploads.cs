using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Jtai.Contracts.InformationRequests;
using Jtai.Calendar.WorkingDays;
using Jtai.Inspectorate.Notification;
using Jtai.Messaging.Data;
using Jtai.Messaging.Outbox;
using Jtai.Ofsted.Data;
using Jtai.Ofsted.InformationExchange.AnnexA;
using Jtai.ServiceDefaults.Access;
using Jtai.ServiceDefaults.Paging;
using Jtai.ServiceDefaults.Problems;
using Jtai.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jtai.Ofsted.InformationExchange;

public sealed record AnnexAUploadView(
    Guid Id, int List, int Version, string FileName, string Format, long SizeBytes, string Sha256, string Agency,
    string UploadedBy, DateTimeOffset UploadedAt, int RowsStored, int RowsRefused, bool KeptValidRows,
    DateTimeOffset? SupersededAt, JsonElement? Problems, DateOnly? PeriodFrom, int RowsBeforePeriod, JsonElement? Warnings)
{
    public static AnnexAUploadView From(AnnexAUpload u) => new(u.Id, u.ListNumber, u.Version, u.FileName, u.Format, u.SizeBytes, u.Sha256,
        u.Agency, u.UploadedBy, u.UploadedAt, u.RowsStored, u.RowsRefused, u.KeptValidRows, u.SupersededAt,
        u.Problems is null ? null : JsonSerializer.Deserialize<JsonElement>(u.Problems), u.PeriodFrom, u.RowsBeforePeriod,
        u.Warnings is null ? null : JsonSerializer.Deserialize<JsonElement>(u.Warnings));
}

/// <summary>
/// The local authority uploads child-level data lists 1–5 (¶95). A file with any problem is
/// refused whole, nothing stored, unless the uploader asks to keep the valid rows
/// (keepValidRows=true), when the valid rows are stored and the problems kept with the upload.
/// A re-upload replaces the list and keeps the previous upload as history.
/// </summary>
public static partial class AnnexAUploads
{
    [GeneratedRegex(@"list\s*0*(\d+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ListInName();

    public static async Task<Results<Created<AnnexAUploadView>, ValidationProblem, NotFound, ProblemHttpResult>> Upload(
        Guid inspectionId, int list, IFormFile? file, [FromQuery] bool? keepValidRows, ClaimsPrincipal user, Standing standing, OfstedDbContext db, IOutbox outbox,
        TimeProvider clock, IOptions<InformationExchangeOptions> options, AnnexAMetrics metrics, CancellationToken ct)
    {
        if (AnnexAList.Find(list) is not { } definition)
            return FileProblems.Field("list", "The front-door JTAI asks for child-level data lists 1 to 5 (¶95).");
        if (file is null || file.Length == 0) return FileProblems.Field("file", "Send the list as a non-empty multipart form field named 'file'.");
        if (UploadedFileName.Problem(file.FileName) is { } badName) return FileProblems.Field("file", badName);
        if (file.Length > options.Value.MaxListBytes)
            return TypedResults.Problem(statusCode: 413, title: "The file is too large.", detail: $"A list may be at most {options.Value.MaxListBytes} bytes.");
        if (TabularFile.FormatOf(file.FileName, file.ContentType) is not { } format)
            return FileProblems.Field("file", $"'{file.FileName}' is neither CSV (.csv) nor XLSX (.xlsx).");

        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, ct);
        var content = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(content.Span));
        ValidationProblem Unreadable(Exception ex) => FileProblems.Field("file", $"'{file.FileName}' could not be read as {format}: {ex.Message}");

        ITabularRows rows;
        try
        {
            var picked = Open(format, buffer, content, definition);
            if (picked.Error is not null) return FileProblems.Refused("The workbook has no sheet for this list: nothing was stored.", [picked.Error], options.Value.MaxProblemsListed);
            rows = picked.Rows!;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return Unreadable(ex);
        }
        using var _ = rows as IDisposable;

        // ¶8: the lists cover the six months before notification (the latest, when a deferral notified it again).
        var notified = await db.Set<InspectionNotification>().Where(n => n.InspectionId == inspectionId).MaxAsync(n => (DateTimeOffset?)n.RecordedAt, ct);
        var periodFrom = DateOnly.FromDateTime(LondonTime.ToLondon(notified ?? clock.GetUtcNow()).DateTime).AddMonths(-6);
        var reader = new AnnexARowReader(definition, rows.Headers, rows.HeaderRow, periodFrom);
        var keep = keepValidRows == true;
        ValidationProblem Refused() => FileProblems.Refused($"List {list} has errors: nothing was stored.", reader.Problems, options.Value.MaxProblemsListed,
            new Dictionary<string, object?> { ["list"] = list, ["rowsRead"] = reader.DataRows, ["rowsRefused"] = reader.DataRows - reader.ValidRows });
        if (reader.HeaderRefused)
        {
            try { reader.SkipAll(rows); }
            catch (UnreadableFileException ex) { return Unreadable(ex); }
            return Refused();
        }

        var now = clock.GetUtcNow();
        var upload = new AnnexAUpload
        {
            Id = Guid.NewGuid(),
            InspectionId = inspectionId,
            ListNumber = (short)list,
            FileName = UploadedFileName.Of(file.FileName),
            Format = format.ToString().ToLowerInvariant(),
            SizeBytes = file.Length,
            Sha256 = sha256,
            Agency = standing.Agency!,
            UploadedBy = user.Id(),
            UploadedAt = now,
            PeriodFrom = periodFrom,
        };

        // The rows go to PostgreSQL as they are validated, inside the upload's transaction, so PostgreSQL stores
        // while the file is still being read: a file refused on its last row rolls back every row copied before it.
        var joined = db.Database.CurrentTransaction is not null;
        await using var tx = await db.Database.BeginOrJoinTransactionAsync(ct);
        if (joined) await db.Database.CurrentTransaction!.CreateSavepointAsync(RowsSavepoint, ct);
        Task UndoRows() => joined ? db.Database.CurrentTransaction!.RollbackToSavepointAsync(RowsSavepoint, ct) : tx.RollbackAsync(ct);
        bool stored;
        try
        {
            await using var store = await AnnexARowStore.Begin(db, definition, upload.Id, inspectionId, ct);
            stored = await store.CopyValidRows(rows, reader, keep, ct);
        }
        catch (UnreadableFileException ex)
        {
            await UndoRows();
            return Unreadable(ex);
        }
        if (!stored)
        {
            await UndoRows();
            return reader.Problems.Count > 0 ? Refused() : FileProblems.Field("file", $"List {list} holds no rows.");
        }

        upload.RowsStored = reader.ValidRows;
        upload.RowsRefused = reader.DataRows - reader.ValidRows;
        upload.KeptValidRows = keep && reader.Problems.Count > 0;
        upload.Problems = Listed(reader.Problems, options.Value.MaxProblemsListed);
        upload.RowsBeforePeriod = reader.Warnings.Count;
        upload.Warnings = Listed(reader.Warnings, options.Value.MaxProblemsListed);
        var previous = await db.Set<AnnexAUpload>()
            .Where(u => u.InspectionId == inspectionId && u.ListNumber == list)
            .MaxAsync(u => (int?)u.Version, ct) ?? 0;
        upload.Version = previous + 1;
        await db.Set<AnnexAUpload>()
            .Where(u => u.InspectionId == inspectionId && u.ListNumber == list && u.SupersededAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.SupersededAt, now), ct);
        db.Set<AnnexAUpload>().Add(upload);
        await db.Delivered(outbox, inspectionId, AnnexAItems.AnnexAList(list), upload.Agency, upload.UploadedBy, now,
            $"List {list} ({definition.Title}): {upload.RowsStored} rows" + (upload.RowsRefused > 0 ? $", {upload.RowsRefused} refused" : "")
            + (upload.RowsBeforePeriod > 0 ? $", {upload.RowsBeforePeriod} dated before {periodFrom:dd/MM/yyyy}" : ""), ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            throw new DomainRuleException("concurrent-upload", $"Another upload of list {list} was stored at the same moment; send it again.");
        }
        await tx.CommitAsync(ct);
        metrics.Stored(list, upload.RowsStored, upload.RowsRefused);

        return TypedResults.Created($"/api/ofsted/inspections/{inspectionId}/information-exchange/annex-a/uploads/{upload.Id}", AnnexAUploadView.From(upload));
    }

    /// <summary>Inside a request-wide transaction (an Idempotency-Key), where a refusal undoes the copied rows alone.</summary>
    private const string RowsSavepoint = "annex_a_rows";

    private static string? Listed(IReadOnlyList<FileProblem> problems, int max) => problems.Count == 0 ? null
        : JsonSerializer.Serialize(problems.Take(max).Select(p => new { row = p.Row, column = p.Column, value = p.Value, rule = p.Rule, message = p.Message }));

    /// <summary>
    /// Uploads of the lists, current and superseded: the team sees all, the local authority its own. By list, the latest version first,
    /// a page at a time (<c>?limit=&amp;after=</c>; keyset on list and version): every re-upload adds one.
    /// </summary>
    public static async Task<Results<Ok<Page<AnnexAUploadView>>, ValidationProblem>> List(
        Guid inspectionId, [AsParameters] PageQuery page, Standing standing, OfstedDbContext db, CancellationToken ct)
    {
        if (page.Problems<UploadCursor>() is { } problems) return TypedResults.ValidationProblem(problems);
        var uploads = db.Set<AnnexAUpload>().AsNoTracking().Where(u => u.InspectionId == inspectionId);
        if (standing.IsPartner) uploads = uploads.Where(u => u.Agency == standing.Agency);
        if (page.AfterAs<UploadCursor>() is { } after)
            uploads = uploads.Where(u => EF.Functions.GreaterThan(ValueTuple.Create((int)u.ListNumber, -u.Version), ValueTuple.Create(after.List, -after.Version)));
        var rows = await uploads.OrderBy(u => u.ListNumber).ThenByDescending(u => u.Version).Take(page.Size + 1).ToListAsync(ct);
        var shown = page.PageOf(rows, u => new UploadCursor(u.ListNumber, u.Version));
        return TypedResults.Ok(new Page<AnnexAUploadView>(shown.Items.Select(AnnexAUploadView.From).ToList(), shown.Next));
    }

    public sealed record RowView(int List, int Row, string ChildId, string? Gender, string? Ethnicity, DateOnly? DateOfBirth, int Age,
        DateOnly? EventDate, string? Source, string? Disability, JsonElement Fields);

    public sealed record RowsPage(int List, Guid UploadId, int Total, int Skip, int Take, List<RowView> Rows);

    /// <summary>The current rows of one list: child-level data, for the inspection team only, and audited.</summary>
    public static async Task<Results<Ok<RowsPage>, NotFound, ValidationProblem>> Rows(
        Guid inspectionId, int list, [FromQuery] int? skip, [FromQuery] int? take, ClaimsPrincipal user, OfstedDbContext db,
        ChildDataAudit audit, CancellationToken ct)
    {
        var errors = new RequestErrors();
        if (skip is < 0) errors.Add("skip", "'skip' must be 0 or more.");
        if (take is < 1 or > 5000) errors.Add("take", "'take' must be from 1 to 5000.");
        if (errors.Any) return TypedResults.ValidationProblem(errors.ToDictionary());
        var upload = await db.Set<AnnexAUpload>().AsNoTracking()
            .SingleOrDefaultAsync(u => u.InspectionId == inspectionId && u.ListNumber == list && u.SupersededAt == null, ct);
        if (upload is null) return TypedResults.NotFound();

        var (from, count) = (skip ?? 0, take ?? 500);
        var rows = await db.Set<AnnexARow>().AsNoTracking()
            .Where(r => r.UploadId == upload.Id)
            .OrderBy(r => r.RowNumber).Skip(from).Take(count)
            .ToListAsync(ct);
        await audit.Record(user, inspectionId, $"annex-a/list-{list} rows", $"{rows.Count} rows from {from} of upload {upload.Id}", ct);
        return TypedResults.Ok(new RowsPage(list, upload.Id, upload.RowsStored, from, count, rows.Select(r => new RowView(
            r.ListNumber, r.RowNumber, r.ChildId, r.Gender, r.Ethnicity, r.DateOfBirth, r.Age, r.EventDate, r.Source, r.Disability,
            JsonSerializer.SerializeToElement(r.FieldsOf(AnnexAList.Find(r.ListNumber)!)))).ToList()));
    }

    private sealed record Opened(ITabularRows? Rows, FileProblem? Error);

    /// <summary>A CSV file row by row; a workbook's list: the sheet named "List n", else the only sheet.</summary>
    private static Opened Open(TabularFormat format, MemoryStream file, ReadOnlyMemory<byte> content, AnnexAList list)
    {
        if (format == TabularFormat.Csv) return new Opened(new CsvRows(content), null);
        file.Position = 0;
        var sheets = TabularFile.ReadXlsx(file);
        var named = sheets.FirstOrDefault(s => ListInName().Match(s.Name) is { Success: true } m && int.Parse(m.Groups[1].Value) == list.Number);
        if (named is not null) return new Opened(new TableRows(named), null);
        if (sheets.Count == 1) return new Opened(new TableRows(sheets[0]), null);
        return new Opened(null, new FileProblem(0, "sheet", string.Join(", ", sheets.Select(s => s.Name)), "sheet-for-list",
            $"The workbook has {sheets.Count} sheets and none is named 'List {list.Number}'."));
    }
}
