using Jtai.Orchestrator.Data;
using Jtai.Orchestrator.Meetings;
using Jtai.ServiceDefaults.Problems;
using Microsoft.EntityFrameworkCore;

namespace Jtai.Orchestrator.SetUp;

/// <summary>Loading, saving and reading the inspection's set-up.</summary>
public static class SetUpStore
{
    /// <summary>The set-up's row, added when nothing was recorded yet.</summary>
    public static async Task<InspectionSetUp> SetUpRow(this OrchestratorDbContext db, Guid inspectionId, CancellationToken ct)
    {
        if (await db.Set<InspectionSetUp>().SingleOrDefaultAsync(s => s.InspectionId == inspectionId, ct) is { } row) return row;
        row = new InspectionSetUp { InspectionId = inspectionId };
        db.Add(row);
        return row;
    }

    /// <summary>Saves, turning a lost race on the row (its version, or two first records at once) into a 409 rather than a silent overwrite.</summary>
    public static async Task SaveSetUp(this OrchestratorDbContext db, CancellationToken ct)
    {
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainRuleException("set-up-changed", "The set-up changed meanwhile (another request won): read it again.");
        }
        catch (DbUpdateException e) when (e.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            throw new DomainRuleException("set-up-changed", "The set-up was first recorded by another request at the same time: read it again.");
        }
    }

    public static async Task<SetUpView> SetUpView(this OrchestratorDbContext db, Guid inspectionId, CancellationToken ct)
    {
        var setUp = await db.Set<InspectionSetUp>().AsNoTracking().SingleOrDefaultAsync(s => s.InspectionId == inspectionId, ct);
        SetUpAgreementView? agreement = null;
        if (setUp is { SetUpDiscussionId: { } meetingId, AgreedAt: { } agreedAt }
            && await db.Set<InspectionMeeting>().AsNoTracking().SingleOrDefaultAsync(m => m.Id == meetingId, ct) is { } meeting)
            agreement = new SetUpAgreementView(MeetingView.From(meeting), setUp.WellbeingSteps, setUp.WellbeingContacts.Select(SetUpContactView.From).ToList(),
                setUp.EqualitiesAndAdjustments!, setUp.RaisingConcerns!, setUp.IssuesRaised, agreedAt, setUp.AgreedRecordedBy!);
        var link = setUp is { LinkPerson: { } p, LinkPersonAt: { } at }
            ? new LinkPersonView(p.Name, p.Role, p.Organisation, p.Email, p.Phone, at, setUp.LinkPersonRecordedBy!)
            : null;
        var incidents = await db.Set<SafeguardingIncident>().AsNoTracking().Where(i => i.InspectionId == inspectionId).OrderBy(i => i.RecordedAt).ToListAsync(ct);
        var additional = await db.Set<AdditionalInformation>().AsNoTracking().Where(a => a.InspectionId == inspectionId).OrderBy(a => a.AgreedAt).ToListAsync(ct);
        return new SetUpView(inspectionId, agreement, link, incidents.Select(SafeguardingIncidentView.From).ToList(),
            additional.Select(AdditionalInformationView.From).ToList());
    }
}
