namespace Jtai.Ofsted.InformationExchange;

/// <summary>
/// A document's type is judged by its extension and confirmed by its first bytes, so a renamed
/// executable is not filed as a PDF.
/// </summary>
public static class DocumentChecks
{
    private static readonly byte[] Pdf = "%PDF"u8.ToArray();
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] Ole = [0xD0, 0xCF, 0x11, 0xE0];
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];

    public static string ContentTypeOf(string extension) => extension switch
    {
        ".pdf" => "application/pdf",
        ".docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ".doc" => "application/msword",
        ".xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ".xls" => "application/vnd.ms-excel",
        ".odt" => "application/vnd.oasis.opendocument.text",
        ".ods" => "application/vnd.oasis.opendocument.spreadsheet",
        ".csv" => "text/csv",
        ".txt" => "text/plain",
        ".png" => "image/png",
        ".jpg" or ".jpeg" => "image/jpeg",
        _ => "application/octet-stream",
    };

    /// <summary>Do the content's first bytes fit the extension?</summary>
    public static bool ContentMatches(string extension, ReadOnlySpan<byte> content) => extension switch
    {
        ".pdf" => content.StartsWith(Pdf),
        ".docx" or ".xlsx" or ".odt" or ".ods" => content.StartsWith(Zip),
        ".doc" or ".xls" => content.StartsWith(Ole),
        ".png" => content.StartsWith(Png),
        ".jpg" or ".jpeg" => content.StartsWith(Jpeg),
        ".csv" or ".txt" => !content[..Math.Min(content.Length, 8192)].Contains((byte)0),
        _ => false,
    };
}
