using System.Globalization;
using Jtai.ServiceDefaults.Paging;

namespace Jtai.Inspectorate.Intelligence;

/// <summary>The position after a record in an area's intelligence, newest first: the day observed, the moment shared, the id.</summary>
public readonly record struct AreaIntelligenceCursor(DateOnly ObservedOn, DateTimeOffset SharedAt, Guid Id) : IPageCursor<AreaIntelligenceCursor>
{
    public override string ToString() => CursorText.Join(CursorText.Day(ObservedOn), CursorText.Instant(SharedAt), Id.ToString("N"));

    public static bool TryRead(string? text, out AreaIntelligenceCursor cursor)
    {
        cursor = default;
        if (CursorText.Split(text, 3) is not { } parts
            || CursorText.ReadDay(parts[0]) is not { } observedOn
            || CursorText.ReadInstant(parts[1]) is not { } sharedAt
            || !Guid.TryParseExact(parts[2], "N", out var id)) return false;
        cursor = new AreaIntelligenceCursor(observedOn, sharedAt, id);
        return true;
    }
}

/// <summary>The position after an entry of the read log, latest first: the moment read and the entry's number.</summary>
public readonly record struct IntelligenceReadCursor(DateTimeOffset ReadAt, long Id) : IPageCursor<IntelligenceReadCursor>
{
    public override string ToString() => CursorText.Join(CursorText.Instant(ReadAt), Id.ToString(CultureInfo.InvariantCulture));

    public static bool TryRead(string? text, out IntelligenceReadCursor cursor)
    {
        cursor = default;
        if (CursorText.Split(text, 2) is not { } parts
            || CursorText.ReadInstant(parts[0]) is not { } readAt
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id)) return false;
        cursor = new IntelligenceReadCursor(readAt, id);
        return true;
    }
}
