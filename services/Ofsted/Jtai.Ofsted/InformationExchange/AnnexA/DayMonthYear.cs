namespace Jtai.Ofsted.InformationExchange.AnnexA;

/// <summary>
/// A date as the lists write it, dd/mm/yyyy, with a one-digit day or month allowed (5/3/2026): exactly what
/// DateOnly.TryParseExact accepts with "dd/MM/yyyy" and "d/M/yyyy", read from the cell's characters without
/// the culture machinery, since a list has a date or two on each of tens of thousands of rows.
/// </summary>
public static class DayMonthYear
{
    public static bool TryParse(ReadOnlySpan<char> text, out DateOnly date)
    {
        date = default;
        var at = 0;
        if (!Digits(text, ref at, 1, 2, out var day) || !Separator(text, ref at)
            || !Digits(text, ref at, 1, 2, out var month) || !Separator(text, ref at)
            || !Digits(text, ref at, 4, 4, out var year) || at != text.Length)
            return false;
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
        date = new DateOnly(year, month, day);
        return true;
    }

    private static bool Digits(ReadOnlySpan<char> text, ref int at, int fewest, int most, out int value)
    {
        value = 0;
        var start = at;
        while (at < text.Length && at - start < most && char.IsAsciiDigit(text[at])) value = value * 10 + (text[at++] - '0');
        return at - start >= fewest;
    }

    private static bool Separator(ReadOnlySpan<char> text, ref int at)
    {
        if (at >= text.Length || text[at] != '/') return false;
        at++;
        return true;
    }
}
