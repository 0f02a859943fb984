using System.Globalization;
using Microsoft.IdentityModel.Tokens;

namespace Jtai.ServiceDefaults.Paging;

/// <summary>
/// One page of a list and the cursor of the next (null on the last page). Lists are paged by a
/// cursor (keyset) rather than page numbers and totals: the cost of a page is the same with a
/// thousand rows or a million, where an offset or a count grows with the table.
/// </summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? Next);

/// <summary>A position in a list, opaque to callers: what a page's <c>next</c> carries and <c>?after=</c> gives back.</summary>
public interface IPageCursor<TSelf> where TSelf : IPageCursor<TSelf>
{
    static abstract bool TryRead(string? text, out TSelf cursor);
}

/// <summary>The query of a paged list: <c>?limit=</c> (1–200, default 50) and <c>?after=</c> (the previous page's <c>next</c>).</summary>
public sealed record PageQuery(int? Limit, string? After)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    public int Size => Limit ?? DefaultLimit;

    /// <summary>Problems naming the field, or null when the query is usable (a list ordered by date).</summary>
    public Dictionary<string, string[]>? Problems() => Problems<DateCursor>();

    /// <summary>Problems naming the field, or null when the query is usable for a list whose cursor is a <typeparamref name="TCursor"/>.</summary>
    public Dictionary<string, string[]>? Problems<TCursor>() where TCursor : IPageCursor<TCursor>
    {
        var problems = new Dictionary<string, string[]>();
        if (Limit is < 1 or > MaxLimit) problems["limit"] = [$"'limit' must be from 1 to {MaxLimit}."];
        if (After is not null && !TCursor.TryRead(After, out _)) problems["after"] = ["'after' is not a cursor this list gave out; use the 'next' of the previous page."];
        return problems.Count == 0 ? null : problems;
    }

    /// <summary>The cursor given in <c>?after=</c>, or null on the first page (call after <see cref="Problems{TCursor}"/>).</summary>
    public TCursor? AfterAs<TCursor>() where TCursor : struct, IPageCursor<TCursor> =>
        After is not null && TCursor.TryRead(After, out var cursor) ? cursor : null;

    /// <summary>Makes the page from rows read with one more than the page size (the extra one says another page follows).</summary>
    public Page<T> PageOf<T, TCursor>(List<T> rows, Func<T, TCursor> key) where TCursor : IPageCursor<TCursor>
    {
        if (rows.Count <= Size) return new Page<T>(rows, null);
        rows.RemoveRange(Size, rows.Count - Size);
        return new Page<T>(rows, key(rows[^1]).ToString());
    }
}

/// <summary>The position after a row in a list ordered by a date then an id (the id breaks ties), opaque to callers.</summary>
public readonly record struct DateCursor(DateOnly Date, Guid Id) : IPageCursor<DateCursor>
{
    public override string ToString() => CursorText.Join(CursorText.Day(Date), Id.ToString("N"));

    public static bool TryRead(string? text, out DateCursor cursor)
    {
        cursor = default;
        if (CursorText.Split(text, 2) is not { } parts
            || CursorText.ReadDay(parts[0]) is not { } date
            || !Guid.TryParseExact(parts[1], "N", out var id)) return false;
        cursor = new DateCursor(date, id);
        return true;
    }

    public static DateCursor Parse(string text) => TryRead(text, out var cursor) ? cursor : throw new FormatException("Not a list cursor.");
}

/// <summary>
/// The position after a row in a list ordered by a moment then an id (the id breaks ties). The moment is kept to
/// the tick, so the row it came from compares equal (PostgreSQL keeps microseconds).
/// </summary>
public readonly record struct InstantCursor(DateTimeOffset At, Guid Id) : IPageCursor<InstantCursor>
{
    public override string ToString() => CursorText.Join(CursorText.Instant(At), Id.ToString("N"));

    public static bool TryRead(string? text, out InstantCursor cursor)
    {
        cursor = default;
        if (CursorText.Split(text, 2) is not { } parts
            || CursorText.ReadInstant(parts[0]) is not { } at
            || !Guid.TryParseExact(parts[1], "N", out var id)) return false;
        cursor = new InstantCursor(at, id);
        return true;
    }
}

/// <summary>
/// The position after a row in a list ordered by one number unique in it (an identity column, a day's number), opaque to callers.
/// </summary>
public readonly record struct SequenceCursor(long Position) : IPageCursor<SequenceCursor>
{
    public override string ToString() => CursorText.Join(Position.ToString(CultureInfo.InvariantCulture));

    public static bool TryRead(string? text, out SequenceCursor cursor)
    {
        cursor = default;
        if (CursorText.Split(text, 1) is not { } parts
            || !long.TryParse(parts[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var position)) return false;
        cursor = new SequenceCursor(position);
        return true;
    }
}

/// <summary>
/// How cursors are written: their parts joined by dots and base64url-encoded, so a caller sees one opaque token. A list whose
/// order is its own (several keys in mixed directions) writes its cursor type with these, beside the list.
/// </summary>
public static class CursorText
{
    public static string Join(params string[] parts) => Base64UrlEncoder.Encode(string.Join('.', parts));

    /// <summary>The parts of a cursor this platform gave out, or null when the text is not one (see <see cref="Join"/>).</summary>
    /// <param name="maxLength">The longest cursor of the kind (a bound on what is decoded): one carrying names is longer.</param>
    public static string[]? Split(string? text, int count, int maxLength = 256)
    {
        if (string.IsNullOrEmpty(text) || text.Length > maxLength) return null;
        string decoded;
        try { decoded = Base64UrlEncoder.Decode(text); }
        catch (Exception e) when (e is FormatException or ArgumentException) { return null; }
        var parts = decoded.Split('.');
        return parts.Length == count ? parts : null;
    }

    /// <summary>A moment as a part: its UTC ticks, so the row it came from compares equal (PostgreSQL keeps microseconds).</summary>
    public static string Instant(DateTimeOffset at) => at.UtcTicks.ToString(CultureInfo.InvariantCulture);

    /// <summary>A part written by <see cref="Instant"/>, or null when it is not one.</summary>
    public static DateTimeOffset? ReadInstant(string part) =>
        long.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) && ticks <= DateTimeOffset.MaxValue.UtcTicks
            ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    /// <summary>A day as a part (ISO 8601).</summary>
    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A part written by <see cref="Day"/>, or null when it is not one.</summary>
    public static DateOnly? ReadDay(string part) =>
        DateOnly.TryParseExact(part, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    /// <summary>A text part that may hold dots, written so that the cursor still splits into its parts.</summary>
    public static string Text(string value) => Base64UrlEncoder.Encode(value);

    /// <summary>A part written by <see cref="Text"/>, or null when it is not one (PostgreSQL text holds no NUL, so neither does a cursor's).</summary>
    public static string? ReadText(string part)
    {
        try { return Base64UrlEncoder.Decode(part) is var text && !text.Contains('\0') ? text : null; }
        catch (Exception e) when (e is FormatException or ArgumentException) { return null; }
    }
}
