using System.Buffers;

namespace Jtai.Ofsted.InformationExchange.AnnexA;

/// <summary>One value of an Annex A code list: its letter (a, b, ... p1), its code and label.</summary>
public sealed record CodeEntry(string Letter, string Code, string Label, params string[] Aliases);

/// <summary>
/// An Annex A code list. Cells carry the letter and the code ("q) 6: Police", "a) WBRI"); local
/// authorities also send the code alone ("6", "WBRI") or the label: all are accepted and stored
/// as the code. A letter that names a different value from the code beside it is refused.
/// </summary>
public sealed class CodeList
{
    private static readonly SearchValues<char> AfterCode = SearchValues.Create(": -–.,");
    // Every accepted spelling (code, label, alias) to its entry, case-insensitively: a file has
    // tens of thousands of cells, so a lookup, not a scan, and by the cell's characters, not a copy of them.
    private readonly Dictionary<string, CodeEntry>.AlternateLookup<ReadOnlySpan<char>> _byName;
    private readonly Dictionary<string, CodeEntry>.AlternateLookup<ReadOnlySpan<char>> _byLetter;

    public CodeList(string name, params CodeEntry[] entries)
    {
        Name = name;
        Entries = entries;
        var byName = new Dictionary<string, CodeEntry>(StringComparer.OrdinalIgnoreCase);
        var byLetter = new Dictionary<string, CodeEntry>(StringComparer.OrdinalIgnoreCase);
        foreach (var e in entries)
        {
            byLetter[e.Letter] = e;
            foreach (var spelling in (string[])[e.Code, e.Label, .. e.Aliases]) byName.TryAdd(spelling, e);
        }
        _byName = byName.GetAlternateLookup<ReadOnlySpan<char>>();
        _byLetter = byLetter.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public string Name { get; }
    public IReadOnlyList<CodeEntry> Entries { get; }

    /// <summary>The code the cell names, or null when it names none of this list's values.</summary>
    public string? Normalise(string cell) => Normalise(cell.AsSpan());

    /// <inheritdoc cref="Normalise(string)"/>
    public string? Normalise(ReadOnlySpan<char> cell)
    {
        var text = cell.Trim();
        if (LetterPrefix(text, out var letter, out var rest))
        {
            if (!_byLetter.TryGetValue(letter, out var byLetter)) return null;
            if (rest.IsEmpty) return byLetter.Code;
            return ReferenceEquals(Find(rest), byLetter) ? byLetter.Code : null;
        }
        return Find(text)?.Code;
    }

    public string Describe() => string.Join(", ", Entries.Select(e => $"{e.Letter}) {e.Code}"));

    /// <summary>"6", "Police", or the code then its label: "6: Police", "1A individual - family", "WBRI - White British".</summary>
    private CodeEntry? Find(ReadOnlySpan<char> text)
    {
        if (_byName.TryGetValue(text, out var entry)) return entry;
        var cut = text.IndexOfAny(AfterCode);
        return cut > 0 && _byName.TryGetValue(text[..cut], out entry) && text[..cut].Equals(entry.Code, StringComparison.OrdinalIgnoreCase)
            ? entry : null;
    }

    /// <summary>"q) ...", "p1)...": a letter, an optional digit, then a closing bracket.</summary>
    private static bool LetterPrefix(ReadOnlySpan<char> text, out ReadOnlySpan<char> letter, out ReadOnlySpan<char> rest)
    {
        letter = rest = default;
        var close = text.IndexOf(')');
        if (close is < 1 or > 3) return false;
        var head = text[..close].TrimEnd();
        if (head.Length is < 1 or > 2 || !char.IsAsciiLetter(head[0]) || (head.Length == 2 && !char.IsAsciiDigit(head[1]))) return false;
        letter = head;
        rest = text[(close + 1)..].Trim();
        return true;
    }
}

/// <summary>The code lists of ILACS Annex A lists 1–5 (the ILACS framework's Annex A data specification).</summary>
public static class CodeLists
{
    public static readonly CodeList Gender = new("gender",
        new("a", "Male", "Male", "M"), new("b", "Female", "Female", "F"),
        new("c", "Not stated/recorded", "Not stated/recorded", "Not stated", "Not recorded", "Unknown"),
        new("d", "Neither", "Neither"));

    public static readonly CodeList Ethnicity = new("ethnicity",
        new("a", "WBRI", "White British"), new("b", "WIRI", "White Irish"), new("c", "WIRT", "Traveller of Irish heritage"),
        new("d", "WOTH", "Any other White background"), new("e", "WROM", "Gypsy/Roma"),
        new("f", "MWBC", "White and Black Caribbean"), new("g", "MWBA", "White and Black African"),
        new("h", "MWAS", "White and Asian"), new("i", "MOTH", "Any other mixed background"),
        new("j", "AIND", "Indian"), new("k", "APKN", "Pakistani"), new("l", "ABAN", "Bangladeshi"),
        new("m", "AOTH", "Any other Asian background"), new("n", "BCRB", "Caribbean"), new("o", "BAFR", "African"),
        new("p", "BOTH", "Any other Black background"), new("q", "CHNE", "Chinese"), new("r", "OOTH", "Any other ethnic group"),
        new("s", "REFU", "Refused"), new("t", "NOBT", "Information not yet obtained"));

    public static readonly CodeList Source = new("contact or referral source",
        new("a", "1A", "Individual - family, relative or carer"), new("b", "1B", "Individual - acquaintance"),
        new("c", "1C", "Individual - self"), new("d", "1D", "Individual - other"),
        new("e", "2A", "Schools"), new("f", "2B", "Education services"),
        new("g", "3A", "Health - GP"), new("h", "3B", "Health visitor"), new("i", "3C", "School nurse"),
        new("j", "3D", "Other primary health"), new("k", "3E", "A&E"), new("l", "3F", "Health - other"),
        new("m", "4", "Housing"), new("n", "5A", "LA social care"), new("o", "5B", "LA - other internal"),
        new("p", "5C", "LA - external"), new("p1", "5D", "LA - early help"), new("q", "6", "Police"),
        new("r", "7", "Other legal agency"), new("s", "8", "Other"), new("t", "9", "Anonymous"), new("u", "10", "Unknown"));

    public static readonly CodeList YesNo = new("yes/no", new("a", "Yes", "Yes", "Y"), new("b", "No", "No", "N"));

    public static readonly CodeList YesNoUnknown = new("yes/no/unknown",
        new("a", "Yes", "Yes", "Y"), new("b", "No", "No", "N"), new("c", "Unknown", "Unknown", "U", "Not known"));

    /// <summary>Which agency a source code belongs to, for the balance of referring agencies (¶97).</summary>
    public static string AgencyOfSource(string? code) => code switch
    {
        null or "" => "not recorded",
        "1A" or "1B" or "1C" or "1D" => "individual",
        "2A" or "2B" => "education",
        "3A" or "3B" or "3C" or "3D" or "3E" or "3F" => "health",
        "4" => "housing",
        "5A" or "5B" or "5C" or "5D" => "local authority",
        "6" => "police",
        "7" => "other legal agency",
        _ => "other, anonymous or unknown",
    };
}
