using System.Globalization;
using Microsoft.IdentityModel.Tokens;

namespace Jtai.ServiceDefaults.Paging;

/// <summary>
/// One page of a list and the cursor of the next (null on the last page). Lists are paged by a
/// cursor (keyset) rather than page numbers and totals: the cost of a page is the same with a
/// thousand rows or a million, where an offset or a count grows with the table.
/// </summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? Next);

/// <summary>The query of a paged list: <c>?limit=</c> (1–200, default 50) and <c>?after=</c> (the previous page's <c>next</c>).</summary>
public sealed record PageQuery(int? Limit, string? After)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    public int Size => Limit ?? DefaultLimit;

    /// <summary>Problems naming the field, or null when the query is usable.</summary>
    public Dictionary<string, string[]>? Problems()
    {
        var problems = new Dictionary<string, string[]>();
        if (Limit is < 1 or > MaxLimit) problems["limit"] = [$"'limit' must be from 1 to {MaxLimit}."];
        if (After is not null && !DateCursor.TryRead(After, out _)) problems["after"] = ["'after' is not a cursor this list gave out; use the 'next' of the previous page."];
        return problems.Count == 0 ? null : problems;
    }

    /// <summary>Makes the page from rows read with one more than the page size (the extra one says another page follows).</summary>
    public Page<T> PageOf<T>(List<T> rows, Func<T, DateCursor> key)
    {
        if (rows.Count <= Size) return new Page<T>(rows, null);
        rows.RemoveRange(Size, rows.Count - Size);
        return new Page<T>(rows, key(rows[^1]).ToString());
    }
}

/// <summary>The position after a row in a list ordered by a date then an id (the id breaks ties), opaque to callers.</summary>
public readonly record struct DateCursor(DateOnly Date, Guid Id)
{
    public override string ToString() =>
        Base64UrlEncoder.Encode($"{Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.{Id:N}");

    public static bool TryRead(string? text, out DateCursor cursor)
    {
        cursor = default;
        if (string.IsNullOrEmpty(text) || text.Length > 64) return false;
        string decoded;
        try { decoded = Base64UrlEncoder.Decode(text); }
        catch (Exception e) when (e is FormatException or ArgumentException) { return false; }
        var parts = decoded.Split('.');
        if (parts.Length != 2
            || !DateOnly.TryParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            || !Guid.TryParseExact(parts[1], "N", out var id)) return false;
        cursor = new DateCursor(date, id);
        return true;
    }

    public static DateCursor Parse(string text) => TryRead(text, out var cursor) ? cursor : throw new FormatException("Not a list cursor.");
}
