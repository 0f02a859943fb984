using System.Globalization;

namespace Jtai.ServiceDefaults.Paging;

/// <summary>
/// The position after a row in a list ordered by a moment, then a name, then an id and a key (the last two
/// break ties): e.g. overdue milestones by due time and local area, one inspection having several due at once.
/// </summary>
public readonly record struct InstantNameCursor(DateTimeOffset At, string Name, Guid Id, string Key) : IPageCursor<InstantNameCursor>
{
    public override string ToString() => CursorText.Join(CursorText.Instant(At), CursorText.Text(Name), Id.ToString("N"), CursorText.Text(Key));

    public static bool TryRead(string? text, out InstantNameCursor cursor)
    {
        cursor = default;
        if (CursorText.Split(text, 4, NamePart.MaxCursorLength) is not { } parts
            || CursorText.ReadInstant(parts[0]) is not { } at
            || CursorText.ReadText(parts[1]) is not { } name
            || !Guid.TryParseExact(parts[2], "N", out var id)
            || CursorText.ReadText(parts[3]) is not { } key) return false;
        cursor = new InstantNameCursor(at, name, id, key);
        return true;
    }
}

/// <summary>The position after a row in a list ordered by a year then a name unique within the year (e.g. programmes by year and theme).</summary>
public readonly record struct YearNameCursor(int Year, string Name) : IPageCursor<YearNameCursor>
{
    public override string ToString() => CursorText.Join(Year.ToString(CultureInfo.InvariantCulture), CursorText.Text(Name));

    public static bool TryRead(string? text, out YearNameCursor cursor)
    {
        cursor = default;
        if (CursorText.Split(text, 2, NamePart.MaxCursorLength) is not { } parts
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || CursorText.ReadText(parts[1]) is not { } name) return false;
        cursor = new YearNameCursor(year, name);
        return true;
    }
}

/// <summary>How long a cursor carrying names may be: a name of 200 characters and a key of 100, each of four-byte characters at worst, with the rest.</summary>
internal static class NamePart
{
    public const int MaxCursorLength = 2400;
}

/// <summary>
/// The position after a row in a list gathered from several services, ordered by a moment, then the row's key
/// within its service (compared ordinally), then the service: what each service is asked to read on from.
/// </summary>
public readonly record struct ServicesCursor(DateTimeOffset At, string Key, string Service) : IPageCursor<ServicesCursor>
{
    public override string ToString() => CursorText.Join(CursorText.Instant(At), CursorText.Text(Key), CursorText.Text(Service));

    public static bool TryRead(string? text, out ServicesCursor cursor)
    {
        cursor = default;
        if (CursorText.Split(text, 3, NamePart.MaxCursorLength) is not { } parts
            || CursorText.ReadInstant(parts[0]) is not { } at
            || CursorText.ReadText(parts[1]) is not { } key
            || CursorText.ReadText(parts[2]) is not { Length: > 0 } service) return false;
        cursor = new ServicesCursor(at, key, service);
        return true;
    }
}
