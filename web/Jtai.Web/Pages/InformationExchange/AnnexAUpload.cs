using System.Text.Json;

namespace Jtai.Web.Pages.InformationExchange;

/// <summary>Ofsted's answer to an upload (201): the version stored and its rows.</summary>
public sealed record AnnexAUploadView(Guid Id, int List, int Version, string FileName, int RowsStored, int RowsRefused,
    bool KeptValidRows, DateTimeOffset UploadedAt, DateTimeOffset? SupersededAt);

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
