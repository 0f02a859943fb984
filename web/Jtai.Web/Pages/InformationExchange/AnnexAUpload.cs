using System.Text.Json;

namespace Jtai.Web.Pages.InformationExchange;

/// <summary>Ofsted's answer to an upload (201): the version stored and its rows.</summary>
public sealed record AnnexAUploadView(Guid Id, int List, int Version, string FileName, int RowsStored, int RowsRefused,
    bool KeptValidRows, DateTimeOffset UploadedAt, DateTimeOffset? SupersededAt, DateOnly? PeriodFrom = null, int RowsBeforePeriod = 0,
    List<FileProblem>? Warnings = null);

/// <summary>One problem of a refused list, by row and column (row 0: the header).</summary>
public sealed record FileProblem(int Row, string Column, string? Value, string Rule, string Message)
{
    public string Where => Row == 0 ? $"Column {Column}" : $"Row {Row}, column {Column}";

    public static List<FileProblem> From(JsonElement problem) =>
        problem.ValueKind == JsonValueKind.Object && problem.TryGetProperty("problems", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.Deserialize<List<FileProblem>>(Gateway.GatewayClient.Json) ?? []
            : [];

    public static int Count(JsonElement problem, string name) =>
        problem.ValueKind == JsonValueKind.Object && problem.TryGetProperty(name, out var n) && n.TryGetInt32(out var value) ? value : 0;
}

public static class ExchangePaths
{
    public static string Base(Guid inspectionId) => $"/api/ofsted/inspections/{inspectionId}/information-exchange";
    public static string List(Guid inspectionId, int list, bool keepValidRows) =>
        $"{Base(inspectionId)}/annex-a/lists/{list}" + (keepValidRows ? "?keepValidRows=true" : "");
    public static string Uploads(Guid inspectionId) => $"{Base(inspectionId)}/annex-a/uploads";
}

/// <summary>A document a partner filed through the exchange (no content: that is a separate, audited read).</summary>
public sealed record DocumentView(Guid Id, string Kind, string Item, string? ChildId, string Agency, int Version, string FileName,
    string ContentType, long SizeBytes, string Sha256, string UploadedBy, DateTimeOffset UploadedAt, DateTimeOffset? SupersededAt,
    DocumentPeriodView? Period = null);

/// <summary>The period a performance document was filed against, the dates the partner stated it covers, and why they fall outside it.</summary>
public sealed record DocumentPeriodView(string Kind, string Text, DateOnly? From, DateOnly To, DateOnly? CoversFrom, DateOnly? CoversTo, string? Warning);

public static class DocumentPaths
{
    public static string List(Guid id) => $"{ExchangePaths.Base(id)}/documents";
    public static string AuditList(Guid id) => $"{List(id)}/audit-list";
    public static string Performance(Guid id, string item, DateOnly? coversFrom = null, DateOnly? coversTo = null) =>
        $"{List(id)}/performance/{Uri.EscapeDataString(item)}"
        + string.Concat(new[] { ("coversFrom", coversFrom), ("coversTo", coversTo) }.Where(p => p.Item2 is not null)
            .Select((p, i) => $"{(i == 0 ? '?' : '&')}{p.Item1}={p.Item2!.Value:yyyy-MM-dd}"));
    public static string CaseRecord(Guid id, string agency, string childId, string? recordType) =>
        $"{List(id)}/case-records/{Uri.EscapeDataString(agency)}/{Uri.EscapeDataString(childId)}?recordType={Uri.EscapeDataString(recordType ?? "")}";
    public static string Evaluation(Guid id, string childId, string evaluation) =>
        $"{List(id)}/partnership-audits/{Uri.EscapeDataString(childId)}?evaluation={Uri.EscapeDataString(evaluation)}";
    public static string ThemesSummary(Guid id) => $"{List(id)}/partnership-audits/themes-summary";
}
