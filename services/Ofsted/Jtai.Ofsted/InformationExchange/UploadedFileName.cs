namespace Jtai.Ofsted.InformationExchange;

/// <summary>
/// The name a partner's upload is filed under, checked once for lists and documents alike: the
/// last segment only (no folders, no traversal), printable text (PostgreSQL stores no NUL), and no
/// longer than the column that keeps it.
/// </summary>
public static class UploadedFileName
{
    /// <summary>The column's length (annex_a_uploads.file_name, information_documents.file_name).</summary>
    public const int MaxLength = 260;

    public static string Of(string sent) => Path.GetFileName(sent.Replace('\\', '/')).Trim();

    /// <summary>What is wrong with the name, or null when it can be filed.</summary>
    public static string? Problem(string sent)
    {
        var name = Of(sent);
        if (name.Length == 0 || name.Trim('.').Length == 0) return "The file has no name; send it with its file name (e.g. list-1.csv).";
        if (name.Any(char.IsControl)) return "The file name holds control characters (such as NUL); rename the file.";
        if (!IsWellFormed(name)) return "The file name is not valid text (an unpaired surrogate); rename the file.";
        if (name.Length > MaxLength) return $"The file name is {name.Length} characters long; at most {MaxLength} are kept. Rename the file.";
        return null;
    }

    private static bool IsWellFormed(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { i++; continue; }
            if (char.IsSurrogate(text[i])) return false;
        }
        return true;
    }
}
