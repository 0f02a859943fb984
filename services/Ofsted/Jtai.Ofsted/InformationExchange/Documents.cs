using System.Security.Claims;
using System.Security.Cryptography;
using Jtai.Contracts.InformationRequests;
using Jtai.Messaging.Data;
using Jtai.Messaging.Outbox;
using Jtai.Ofsted.CaseSelection;
using Jtai.Ofsted.Data;
using Jtai.ServiceDefaults.Access;
using Jtai.ServiceDefaults.Paging;
using Jtai.ServiceDefaults.Problems;
using Jtai.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jtai.Ofsted.InformationExchange;

public sealed record DocumentView(
    Guid Id, string Kind, string Item, string? ChildId, string Agency, int Version, string FileName, string ContentType,
    long SizeBytes, string Sha256, string UploadedBy, DateTimeOffset UploadedAt, DateTimeOffset? SupersededAt, DocumentPeriod? Period,
    string? HealthBody = null)
{
    public static DocumentView From(InformationDocument d) => new(d.Id, d.Kind, d.Item, d.ChildId, d.Agency, d.Version, d.FileName, d.ContentType,
        d.SizeBytes, d.Sha256, d.UploadedBy, d.UploadedAt, d.SupersededAt,
        d.PeriodKind is { } kind ? new DocumentPeriod(kind, d.PeriodText!, d.PeriodFrom, d.PeriodTo!.Value, d.CoversFrom, d.CoversTo, d.PeriodWarning) : null,
        d.HealthBody);
}

/// <summary>
/// Documents partners file against the request: the list of audits (¶96), performance and
/// management information against its item number (¶108), case records of the children selected
/// for audit (¶102–104) and the partnership's audits (¶28, ¶106). Each has a size and type limit
/// and a SHA-256; a re-upload of the same slot supersedes the previous version and keeps it.
/// </summary>
public static class Documents
{
    public sealed record Slot(string Kind, string Item, string? ChildId, string ItemKey, string Summary, DocumentPeriod? Period = null);

    public static Task<Results<Created<DocumentView>, ValidationProblem, NotFound, ProblemHttpResult>> UploadAuditList(
        Guid inspectionId, IFormFile? file, ClaimsPrincipal user, Standing standing, OfstedDbContext db, IOutbox outbox, TimeProvider clock,
        IOptions<InformationExchangeOptions> options, CancellationToken ct) =>
        Store(inspectionId, file, user, standing, db, outbox, clock, options.Value, ct,
            _ => Task.FromResult<Outcome>(new Slot(DocumentKinds.AuditList, "audits-last-6-months", null, AnnexAItems.AuditList, "List of multi-agency audits")));

    /// <summary>
    /// A performance item (¶108), recorded with the period the item covers for this inspection and, when the partner states them
    /// (<c>coversFrom</c>, <c>coversTo</c>, yyyy-MM-dd), the dates the document covers; outside the item's span of months it is flagged.
    /// </summary>
    public static Task<Results<Created<DocumentView>, ValidationProblem, NotFound, ProblemHttpResult>> UploadPerformance(
        Guid inspectionId, string item, [FromQuery] string? coversFrom, [FromQuery] string? coversTo, IFormFile? file, ClaimsPrincipal user,
        Standing standing, OfstedDbContext db, IOutbox outbox, TimeProvider clock, IOptions<InformationExchangeOptions> options, CancellationToken ct) =>
        Store(inspectionId, file, user, standing, db, outbox, clock, options.Value, ct, async token =>
        {
            var known = AnnexAItems.PerformanceItems.FirstOrDefault(p => p.Number == item);
            if (known.Number is null)
                return FileProblems.Field("item", $"'{item}' is not a performance information item (1.1–1.12, 2.1–2.10, 3.1–3.8, 4.1–4.6, ¶108).");
            var errors = new RequestErrors();
            var period = DocumentPeriod.For(item, known.Period, await DocumentPeriod.NotifiedOn(db, inspectionId, clock, token), coversFrom, coversTo, errors);
            if (errors.Any) return TypedResults.ValidationProblem(errors.ToDictionary());
            return new Slot(DocumentKinds.Performance, item, null, AnnexAItems.Performance(item), $"{item} {known.Title}", period);
        });

    public static Task<Results<Created<DocumentView>, ValidationProblem, NotFound, ProblemHttpResult>> UploadCaseRecord(
        Guid inspectionId, string agency, string childId, [FromQuery] string? recordType, IFormFile? file, ClaimsPrincipal user, Standing standing,
        OfstedDbContext db, IOutbox outbox, TimeProvider clock, IOptions<InformationExchangeOptions> options, CancellationToken ct) =>
        Store(inspectionId, file, user, standing, db, outbox, clock, options.Value, ct, async token =>
        {
            // An agency files only its own records: police cannot file health records, nor the reverse.
            if (!CaseRecordTypes.ByAgency.TryGetValue(agency, out var types))
                return FileProblems.Field("agency", $"Case records are shared by {string.Join(", ", CaseRecordTypes.ByAgency.Keys)} (¶102–104).");
            if (recordType is null || !types.Contains(recordType))
                return FileProblems.Field("recordType", $"'recordType' must be one of: {string.Join(", ", types)}.");
            if (await NotSelectedForAudit(db, inspectionId, childId, token) is { } refused) return refused;
            return new Slot(DocumentKinds.CaseRecord, recordType, childId, AnnexAItems.CaseRecords(agency), $"{recordType} for one child");
        });

    public static Task<Results<Created<DocumentView>, ValidationProblem, NotFound, ProblemHttpResult>> UploadEvaluation(
        Guid inspectionId, string childId, [FromQuery] string? evaluation, IFormFile? file, ClaimsPrincipal user, Standing standing,
        OfstedDbContext db, IOutbox outbox, TimeProvider clock, IOptions<InformationExchangeOptions> options, CancellationToken ct) =>
        Store(inspectionId, file, user, standing, db, outbox, clock, options.Value, ct, async token =>
        {
            if (evaluation is null || !CaseRecordTypes.Evaluations.Contains(evaluation))
                return FileProblems.Field("evaluation", $"'evaluation' must be one of: {string.Join(", ", CaseRecordTypes.Evaluations)} (¶28).");
            if (await NotSelectedForAudit(db, inspectionId, childId, token) is { } refused) return refused;
            return new Slot(DocumentKinds.PartnershipAudit, evaluation, childId, AnnexAItems.PartnershipAudits, $"{evaluation} evaluation of one child");
        });

    public static Task<Results<Created<DocumentView>, ValidationProblem, NotFound, ProblemHttpResult>> UploadThemesSummary(
        Guid inspectionId, IFormFile? file, ClaimsPrincipal user, Standing standing, OfstedDbContext db, IOutbox outbox, TimeProvider clock,
        IOptions<InformationExchangeOptions> options, CancellationToken ct) =>
        Store(inspectionId, file, user, standing, db, outbox, clock, options.Value, ct, _ => Task.FromResult<Outcome>(
            new Slot(DocumentKinds.PartnershipAudit, CaseRecordTypes.ThemesSummary, null, AnnexAItems.PartnershipAudits, "Summary of themes and learning")));

    /// <summary>
    /// Documents' descriptions (no content): the team sees all; a partner what its agency filed. By kind and item, the latest version
    /// first, a page at a time (<c>?limit=&amp;after=</c>; keyset on that order and the id): re-uploads add versions through the weeks.
    /// </summary>
    public static async Task<Results<Ok<Page<DocumentView>>, ValidationProblem>> List(
        Guid inspectionId, [AsParameters] PageQuery page, Standing standing, OfstedDbContext db, CancellationToken ct)
    {
        if (page.Problems<DocumentCursor>() is { } problems) return TypedResults.ValidationProblem(problems);
        var documents = db.Set<InformationDocument>().AsNoTracking().Where(d => d.InspectionId == inspectionId);
        // A partner lists what its agency filed; a named health body what it filed itself (¶105).
        if (standing.IsPartner) documents = documents.Where(d => d.Agency == standing.Agency && d.HealthBody == standing.HealthBody);
        if (page.AfterAs<DocumentCursor>() is { } after)
            // The version runs the other way: compared negated, the four keys compare as one row value.
            documents = documents.Where(d => EF.Functions.GreaterThan(ValueTuple.Create(d.Kind, d.Item, -d.Version, d.Id),
                ValueTuple.Create(after.Kind, after.Item, -after.Version, after.Id)));
        var rows = await documents.OrderBy(d => d.Kind).ThenBy(d => d.Item).ThenByDescending(d => d.Version).ThenBy(d => d.Id)
            .Take(page.Size + 1)
            .Select(d => new
            {
                d.Id, d.Kind, d.Item, d.ChildId, d.Agency, d.Version, d.FileName, d.ContentType, d.SizeBytes, d.Sha256, d.UploadedBy, d.UploadedAt,
                d.SupersededAt, d.PeriodKind, d.PeriodText, d.PeriodFrom, d.PeriodTo, d.CoversFrom, d.CoversTo, d.PeriodWarning, d.HealthBody,
            })
            .ToListAsync(ct);
        var shown = page.PageOf(rows, d => new DocumentCursor(d.Kind, d.Item, d.Version, d.Id));
        return TypedResults.Ok(new Page<DocumentView>(shown.Items.Select(d => new DocumentView(d.Id, d.Kind, d.Item, d.ChildId, d.Agency, d.Version,
                d.FileName, d.ContentType, d.SizeBytes, d.Sha256, d.UploadedBy, d.UploadedAt, d.SupersededAt,
                d.PeriodKind is { } kind ? new DocumentPeriod(kind, d.PeriodText!, d.PeriodFrom, d.PeriodTo!.Value, d.CoversFrom, d.CoversTo, d.PeriodWarning) : null,
                d.HealthBody))
            .ToList(), shown.Next));
    }

    /// <summary>A document's content: the team, or the agency that filed it. Reads of a child's documents are audited.</summary>
    public static async Task<Results<FileContentHttpResult, NotFound>> Content(
        Guid inspectionId, Guid documentId, ClaimsPrincipal user, Standing standing, OfstedDbContext db, ChildDataAudit audit, CancellationToken ct)
    {
        var document = await db.Set<InformationDocument>().AsNoTracking().SingleOrDefaultAsync(d => d.Id == documentId && d.InspectionId == inspectionId, ct);
        // A partner sees only what its own agency filed; another agency's document does not exist for it.
        if (document is null || !ExchangeAccess.Filed(standing, document.Agency, document.HealthBody)) return TypedResults.NotFound();
        if (document.IsChildLevel)
            await audit.Record(user, inspectionId, $"document {document.Id}", $"{document.Kind} {document.Item} of child {document.ChildId}", ct);
        return TypedResults.File(document.Content, document.ContentType, document.FileName);
    }

    // ---- storing ---------------------------------------------------------------------------

    /// <summary>Where a document goes, or why it is refused (decided per kind before anything is read).</summary>
    public sealed class Outcome
    {
        public Slot? Slot { get; private init; }
        public IResult? Refusal { get; private init; }
        public static implicit operator Outcome(Slot slot) => new() { Slot = slot };
        public static implicit operator Outcome(ValidationProblem problem) => new() { Refusal = problem };
        public static implicit operator Outcome(NotFound notFound) => new() { Refusal = notFound };
    }

    private static async Task<Outcome?> NotSelectedForAudit(OfstedDbContext db, Guid inspectionId, string childId, CancellationToken ct) =>
        await db.Set<SelectedChild>().AnyAsync(c => c.InspectionId == inspectionId && c.ChildId == childId && c.ForAudit, ct)
            ? null
            : (Outcome)FileProblems.Field("childId", $"Child '{childId}' is not among the children the lead inspector selected for audit (¶99).");

    private static async Task<Results<Created<DocumentView>, ValidationProblem, NotFound, ProblemHttpResult>> Store(
        Guid inspectionId, IFormFile? file, ClaimsPrincipal user, Standing standing, OfstedDbContext db, IOutbox outbox, TimeProvider clock,
        InformationExchangeOptions options, CancellationToken ct, Func<CancellationToken, Task<Outcome>> slotFor)
    {
        var outcome = await slotFor(ct);
        switch (outcome.Refusal)
        {
            case ValidationProblem problem: return problem;
            case NotFound notFound: return notFound;
        }
        var slot = outcome.Slot!;

        if (file is null || file.Length == 0) return FileProblems.Field("file", "Send the document as a non-empty multipart form field named 'file'.");
        if (UploadedFileName.Problem(file.FileName) is { } badName) return FileProblems.Field("file", badName);
        if (file.Length > options.MaxDocumentBytes)
            return TypedResults.Problem(statusCode: 413, title: "The document is too large.", detail: $"A document may be at most {options.MaxDocumentBytes} bytes.");
        var extension = Path.GetExtension(file.FileName).ToLowerInvariant();
        if (!options.AllowedDocumentTypes.Contains(extension))
            return FileProblems.Field("file", $"'{file.FileName}': documents may be {string.Join(", ", options.AllowedDocumentTypes)}.");
        var content = new byte[file.Length];
        await using (var stream = file.OpenReadStream()) await stream.ReadExactlyAsync(content, ct);
        if (!DocumentChecks.ContentMatches(extension, content))
            return FileProblems.Field("file", $"'{file.FileName}' does not hold {extension} content.");

        var now = clock.GetUtcNow();
        var agency = standing.Agency!;
        var document = new InformationDocument
        {
            Id = Guid.NewGuid(),
            InspectionId = inspectionId,
            Kind = slot.Kind,
            Item = slot.Item,
            ChildId = slot.ChildId,
            Agency = agency,
            HealthBody = standing.HealthBody,
            FileName = UploadedFileName.Of(file.FileName),
            ContentType = DocumentChecks.ContentTypeOf(extension),
            SizeBytes = content.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
            Content = content,
            UploadedBy = user.Id(),
            UploadedAt = now,
            PeriodKind = slot.Period?.Kind,
            PeriodText = slot.Period?.Text,
            PeriodFrom = slot.Period?.From,
            PeriodTo = slot.Period?.To,
            CoversFrom = slot.Period?.CoversFrom,
            CoversTo = slot.Period?.CoversTo,
            PeriodWarning = slot.Period?.Warning,
        };
        await using var tx = await db.Database.BeginOrJoinTransactionAsync(ct);
        var sameSlot = db.Set<InformationDocument>().Where(d => d.InspectionId == inspectionId && d.Kind == slot.Kind && d.Item == slot.Item
            && d.ChildId == slot.ChildId && d.Agency == agency && d.HealthBody == standing.HealthBody);
        document.Version = (await sameSlot.MaxAsync(d => (int?)d.Version, ct) ?? 0) + 1;
        await sameSlot.Where(d => d.SupersededAt == null).ExecuteUpdateAsync(s => s.SetProperty(d => d.SupersededAt, now), ct);
        db.Set<InformationDocument>().Add(document);
        await db.Delivered(outbox, inspectionId, slot.ItemKey, agency, document.UploadedBy, now,
            standing.HealthBody is { } body ? $"{slot.Summary} from {body}" : slot.Summary, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);

        return TypedResults.Created($"/api/ofsted/inspections/{inspectionId}/information-exchange/documents/{document.Id}", DocumentView.From(document));
    }
}
