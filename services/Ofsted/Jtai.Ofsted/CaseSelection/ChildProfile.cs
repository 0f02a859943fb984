using Jtai.Ofsted.Data;
using Jtai.Ofsted.InformationExchange;
using Jtai.Ofsted.InformationExchange.AnnexA;
using Microsoft.EntityFrameworkCore;

namespace Jtai.Ofsted.CaseSelection;

/// <summary>
/// A child as the current lists 1–5 show them, with the values of the dimensions the lead
/// balances the 30 across (¶97).
/// </summary>
public sealed record ChildProfile(
    string ChildId, string? Gender, string? Ethnicity, DateOnly? DateOfBirth, int Age, string Disability,
    string NeedLevel, DateOnly? LastContactOrReferral, string ReferringAgency, IReadOnlyList<int> Lists)
{
    public static readonly string[] Dimensions = ["ageBand", "sex", "ethnicity", "disability", "timeSinceLastContact", "needLevel", "referringAgency"];

    public string[] DimensionValues(DateOnly today) =>
    [
        AgeBand(Age), Gender ?? "not recorded", EthnicGroup(Ethnicity), Disability,
        SinceLastContact(LastContactOrReferral, today), NeedLevel, ReferringAgency,
    ];

    public static string AgeBand(int age) => age switch
    {
        < 0 => "unborn",
        <= 4 => "0-4",
        <= 9 => "5-9",
        <= 15 => "10-15",
        _ => "16+",
    };

    public static string EthnicGroup(string? code) => code switch
    {
        "WBRI" or "WIRI" or "WIRT" or "WOTH" or "WROM" => "White",
        "MWBC" or "MWBA" or "MWAS" or "MOTH" => "Mixed",
        "AIND" or "APKN" or "ABAN" or "AOTH" => "Asian",
        "BCRB" or "BAFR" or "BOTH" => "Black",
        "CHNE" or "OOTH" => "Chinese or other",
        _ => "refused or not obtained",
    };

    public static string SinceLastContact(DateOnly? last, DateOnly today)
    {
        if (last is null) return "no contact or referral";
        var days = today.DayNumber - last.Value.DayNumber;
        return days switch
        {
            <= 30 => "within a month",
            <= 91 => "1-3 months",
            <= 183 => "3-6 months",
            _ => "over 6 months",
        };
    }
}

public static class ChildProfiles
{
    /// <summary>Every child on the current uploads of the lists, one profile each.</summary>
    public static async Task<List<ChildProfile>> Load(OfstedDbContext db, Guid inspectionId, CancellationToken ct)
    {
        var current = db.Set<AnnexAUpload>().Where(u => u.InspectionId == inspectionId && u.SupersededAt == null).Select(u => u.Id);
        var rows = await db.Set<AnnexARow>().AsNoTracking()
            .Where(r => r.InspectionId == inspectionId && current.Contains(r.UploadId))
            .Select(r => new { r.ChildId, r.ListNumber, r.Gender, r.Ethnicity, r.DateOfBirth, r.Age, r.EventDate, r.Source, r.Disability })
            .ToListAsync(ct);

        return rows.GroupBy(r => r.ChildId, StringComparer.Ordinal).Select(g =>
        {
            var latest = g.OrderByDescending(r => r.EventDate ?? DateOnly.MinValue).First();
            var contacts = g.Where(r => r.ListNumber is 1 or 3 && r.EventDate is not null).OrderByDescending(r => r.EventDate).FirstOrDefault();
            var disability = g.Any(r => r.Disability == "Yes") ? "Yes"
                : g.Any(r => r.Disability == "No") ? "No"
                : g.Any(r => r.Disability == "Unknown") ? "Unknown" : "not recorded";
            var need = g.Select(r => AnnexAList.Find(r.ListNumber)!.NeedLevel).MaxBy(NeedLevels.Rank)!;
            return new ChildProfile(g.Key, latest.Gender, latest.Ethnicity, g.Select(r => r.DateOfBirth).FirstOrDefault(d => d is not null),
                g.Max(r => r.Age), disability, need, contacts?.EventDate,
                CodeLists.AgencyOfSource(contacts?.Source), g.Select(r => (int)r.ListNumber).Distinct().Order().ToList());
        }).ToList();
    }
}
