using System.Globalization;
using Jtai.ServiceDefaults.Paging;

namespace Jtai.Ofsted.InformationExchange;

/// <summary>The position after an upload in the list of uploads: by list, then the latest version first (unique within an inspection).</summary>
public readonly record struct UploadCursor(int List, int Version) : IPageCursor<UploadCursor>
{
    public override string ToString() => CursorText.Join(List.ToString(CultureInfo.InvariantCulture), Version.ToString(CultureInfo.InvariantCulture));

    public static bool TryRead(string? text, out UploadCursor cursor)
    {
        cursor = default;
        if (CursorText.Split(text, 2) is not { } parts
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var list)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var version)) return false;
        cursor = new UploadCursor(list, version);
        return true;
    }
}

/// <summary>The position after a document in the list of documents: by kind, item, the latest version first, then the id.</summary>
public readonly record struct DocumentCursor(string Kind, string Item, int Version, Guid Id) : IPageCursor<DocumentCursor>
{
    public override string ToString() => CursorText.Join(CursorText.Text(Kind), CursorText.Text(Item),
        Version.ToString(CultureInfo.InvariantCulture), Id.ToString("N"));

    public static bool TryRead(string? text, out DocumentCursor cursor)
    {
        cursor = default;
        if (CursorText.Split(text, 4) is not { } parts
            || CursorText.ReadText(parts[0]) is not { } kind || CursorText.ReadText(parts[1]) is not { } item
            || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            || !Guid.TryParseExact(parts[3], "N", out var id)) return false;
        cursor = new DocumentCursor(kind, item, version, id);
        return true;
    }
}
