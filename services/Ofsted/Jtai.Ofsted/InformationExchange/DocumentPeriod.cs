using System.Globalization;
using Jtai.Calendar.WorkingDays;
using Jtai.Contracts.InformationRequests;
using Jtai.Inspectorate.Notification;
using Jtai.Ofsted.Data;
using Jtai.ServiceDefaults.Problems;
using Microsoft.EntityFrameworkCore;

namespace Jtai.Ofsted.InformationExchange;

/// <summary>
/// The period a performance document is filed against (Annex A ¶108, ¶8): the item's period for this inspection, and the dates
/// the partner states the document covers. A stated span outside a span of months the item asks for is kept and flagged, as a
/// child-level row outside the lists' period is: the partnership may have good reason, and the inspectors decide (¶109).
/// </summary>
public sealed record DocumentPeriod(string Kind, string Text, DateOnly? From, DateOnly To, DateOnly? CoversFrom, DateOnly? CoversTo, string? Warning)
{
    /// <summary>The item's period counted back from notification (the latest, when a deferral notified it again), as the lists' is.</summary>
    public static async Task<DateOnly> NotifiedOn(OfstedDbContext db, Guid inspectionId, TimeProvider clock, CancellationToken ct)
    {
        var notified = await db.Set<InspectionNotification>().Where(n => n.InspectionId == inspectionId).MaxAsync(n => (DateTimeOffset?)n.RecordedAt, ct);
        return DateOnly.FromDateTime(LondonTime.ToLondon(notified ?? clock.GetUtcNow()).DateTime);
    }

    /// <summary>The period recorded with an upload of <paramref name="number"/>, or the problems of the stated dates by field.</summary>
    public static DocumentPeriod? For(string number, AnnexAPeriod period, DateOnly notifiedOn, string? coversFrom, string? coversTo, RequestErrors errors)
    {
        var from = Date(coversFrom, "coversFrom", errors);
        var to = Date(coversTo, "coversTo", errors);
        if (from is { } f && to is { } t && f > t) errors.Add("coversTo", "'coversTo' is before 'coversFrom'.");
        if (errors.Any) return null;
        var (windowFrom, windowTo) = period.Window(notifiedOn);
        string? warning = null;
        if (windowFrom is { } start && ((from ?? to) < start || (to ?? from) > windowTo))
            warning = $"The document is stated to cover {Say(from)} to {Say(to)}; {number} asks for {period.Text.ToLowerInvariant()}, "
                + $"{start:dd/MM/yyyy} to {windowTo:dd/MM/yyyy} ({period.Guidance}). Kept, flagged for the inspectors.";
        return new DocumentPeriod(period.Kind, period.Text, windowFrom, windowTo, from, to, warning);
    }

    private static string Say(DateOnly? date) => date is { } d ? d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) : "an unstated date";

    private static DateOnly? Date(string? value, string field, RequestErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        errors.Add(field, $"'{field}' must be a date written yyyy-MM-dd (the first or last day the document covers).");
        return null;
    }
}
