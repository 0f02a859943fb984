namespace Jtai.Ofsted.InformationExchange;

/// <summary>Configuration section "InformationExchange" of the Ofsted service.</summary>
public sealed class InformationExchangeOptions
{
    public const string Section = "InformationExchange";

    /// <summary>Largest Annex A list file (CSV or XLSX). The gateway's route allows 32 MB.</summary>
    public long MaxListBytes { get; set; } = 32 * 1024 * 1024;
    /// <summary>Largest document (performance information, case record, audit).</summary>
    public long MaxDocumentBytes { get; set; } = 25 * 1024 * 1024;
    /// <summary>Document types accepted, by extension; each is checked against the file's first bytes.</summary>
    public string[] DocumentTypes { get; set; } = [];
    /// <summary>How many problems a refused file's answer lists (all are counted).</summary>
    public int MaxProblemsListed { get; set; } = 1000;

    public static readonly string[] DefaultDocumentTypes = [".pdf", ".docx", ".doc", ".xlsx", ".xls", ".csv", ".txt", ".odt", ".ods", ".png", ".jpg", ".jpeg"];
    public IReadOnlyList<string> AllowedDocumentTypes => DocumentTypes.Length > 0 ? DocumentTypes : DefaultDocumentTypes;
}
