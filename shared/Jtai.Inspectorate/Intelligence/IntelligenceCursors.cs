using System.Globalization;
using Jtai.ServiceDefaults.Paging;

namespace Jtai.Inspectorate.Intelligence;

/// <summary>The position after a record in an area's intelligence, newest first: the day observed, the moment shared, the id.</summary>
public readonly record struct AreaIntelligenceCursor(DateOnly ObservedOn, DateTimeOffset SharedAt, Guid Id) : IPageCursor<AreaIntelligenceCursor>
{
    public override string ToString() => CursorText.Join(ObservedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        SharedAt.UtcTicks.ToString(CultureInfo.InvariantCulture), Id.ToString("N"));

    public static bool TryRead(string? text, out AreaIntelligenceCursor cursor)
    {
        cursor = default;
        if (CursorText.Split(text, 3) is not { } parts
            || !DateOnly.TryParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var observedOn)
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) || ticks > DateTimeOffset.MaxValue.UtcTicks
            || !Guid.TryParseExact(parts[2], "N", out var id)) return false;
        cursor = new AreaIntelligenceCursor(observedOn, new DateTimeOffset(ticks, TimeSpan.Zero), id);
        return true;
    }
}

/// <summary>The position after an entry of the read log, latest first: the moment read and the entry's number.</summary>
public readonly record struct IntelligenceReadCursor(DateTimeOffset ReadAt, long Id) : IPageCursor<IntelligenceReadCursor>
{
    public override string ToString() => CursorText.Join(ReadAt.UtcTicks.ToString(CultureInfo.InvariantCulture), Id.ToString(CultureInfo.InvariantCulture));

    public static bool TryRead(string? text, out IntelligenceReadCursor cursor)
    {
        cursor = default;
        if (CursorText.Split(text, 2) is not { } parts
            || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) || ticks > DateTimeOffset.MaxValue.UtcTicks
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id)) return false;
        cursor = new IntelligenceReadCursor(new DateTimeOffset(ticks, TimeSpan.Zero), id);
        return true;
    }
}
