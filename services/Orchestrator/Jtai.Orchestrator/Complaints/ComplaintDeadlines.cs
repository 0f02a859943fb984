using Jtai.Calendar.WorkingDays;
using Jtai.Contracts.Events;
using Jtai.Messaging.Deadlines;
using Jtai.Orchestrator.Data;
using Microsoft.EntityFrameworkCore;

namespace Jtai.Orchestrator.Complaints;

/// <summary>A complaint's acknowledgement and response deadlines as rows: fired ones show the complaint as overdue.</summary>
public static class ComplaintDeadlines
{
    public const string Acknowledgement = "acknowledgement";
    public const string Response = "response";

    public static string Key(Complaint c, string deadline) => $"complaint/{c.Id}/{deadline}";

    public static async Task Schedule(this IDeadlines deadlines, Complaint c, CancellationToken ct)
    {
        await Schedule(deadlines, c, Acknowledgement, c.AcknowledgementDueOn, ct);
        await Schedule(deadlines, c, Response, c.ResponseDueOn, ct);
    }

    public static Task CancelAcknowledgement(this IDeadlines deadlines, Complaint c, DateTimeOffset now, CancellationToken ct) =>
        deadlines.Cancel(Key(c, Acknowledgement), now, ct);

    public static Task CancelAll(this IDeadlines deadlines, Complaint c, DateTimeOffset now, CancellationToken ct) =>
        deadlines.Cancel([Key(c, Acknowledgement), Key(c, Response)], now, ct);

    public static async Task<IReadOnlySet<string>> Fired(OrchestratorDbContext db, Guid inspectionId, CancellationToken ct) =>
        (await db.Deadlines.AsNoTracking().Where(d => d.InspectionId == inspectionId && d.FiredAt != null && d.Key.StartsWith("complaint/"))
            .Select(d => d.Key).ToListAsync(ct)).ToHashSet();

    private static Task Schedule(IDeadlines deadlines, Complaint c, string deadline, DateOnly dueOn, CancellationToken ct)
    {
        var at = LondonTime.At(dueOn.AddDays(1), TimeOnly.MinValue).ToUniversalTime();
        return deadlines.Schedule(Key(c, deadline), at, new PostInspectionDeadlineReached(c.InspectionId, $"complaint-{deadline}", c.Id, dueOn, at), ct);
    }
}
