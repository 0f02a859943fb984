using Jtai.Orchestrator.Data;
using Jtai.ServiceDefaults.Problems;
using Microsoft.EntityFrameworkCore;

namespace Jtai.Orchestrator.Findings;

/// <summary>¶80: a finding rests on evaluative summaries; the QA manager confirms its links, and a changed set is confirmed again.</summary>
public sealed partial class Finding
{
    public bool IsLinkedTo(Guid summaryId) => Links.Any(l => l.SummaryId == summaryId);

    public void Link(Guid summaryId, string by, DateTimeOffset now)
    {
        if (IsLinkedTo(summaryId)) return;
        Links.Add(new FindingLink { FindingId = Id, SummaryId = summaryId, LinkedBy = by, LinkedAt = now });
        Unconfirm();
    }

    /// <summary>Whether the finding was linked to that summary (and now is not).</summary>
    public bool Unlink(Guid summaryId)
    {
        if (Links.SingleOrDefault(l => l.SummaryId == summaryId) is not { } link) return false;
        Links.Remove(link);
        Unconfirm();
        return true;
    }

    public void ConfirmLinks(string by, DateTimeOffset now)
    {
        if (Links.Count == 0)
            throw new DomainRuleException("findings-link-to-evidence", "This finding is not linked to any evaluative summary: there is nothing to confirm.");
        LinksConfirmedBy = by;
        LinksConfirmedAt = now;
    }

    private void Unconfirm()
    {
        LinksConfirmedAt = null;
        LinksConfirmedBy = null;
    }
}

/// <summary>¶81: the findings are agreed only when every one is linked to evidence and the QA manager has confirmed the links.</summary>
public sealed partial class FindingsAgreement
{
    public static FindingsAgreement Of(Guid inspectionId, IReadOnlyList<Finding> findings, string by, DateTimeOffset now)
    {
        if (findings.Count == 0) throw new DomainRuleException("findings-to-agree", "There are no findings to agree.");
        var unlinked = findings.Where(f => f.Links.Count == 0).ToList();
        if (unlinked.Count > 0)
            throw new DomainRuleException("findings-link-to-evidence",
                $"{unlinked.Count} finding(s) are not linked to an evaluative summary ({string.Join(", ", unlinked.Select(f => f.Id))}): every finding must rest on evidence (¶80).");
        var unconfirmed = findings.Where(f => f.LinksConfirmedAt is null).ToList();
        if (unconfirmed.Count > 0)
            throw new DomainRuleException("qa-confirms-links",
                $"The QA manager has not confirmed the links of {unconfirmed.Count} finding(s) ({string.Join(", ", unconfirmed.Select(f => f.Id))}).");
        return new FindingsAgreement { InspectionId = inspectionId, AgreedBy = by, AgreedAt = now, Findings = findings.Count };
    }
}

/// <summary>The inspection's findings register as stored: closed to changes once agreed.</summary>
public static class FindingsRegister
{
    public static async Task EnsureFindingsNotAgreed(this OrchestratorDbContext db, Guid inspectionId, CancellationToken ct)
    {
        if (await db.Set<FindingsAgreement>().AnyAsync(a => a.InspectionId == inspectionId, ct))
            throw new DomainRuleException("findings-agreed", "The findings of this inspection are agreed; the register no longer changes.");
    }

    /// <summary>The finding with its links, only if it belongs to that inspection.</summary>
    public static Task<Finding?> Finding(this OrchestratorDbContext db, Guid inspectionId, Guid findingId, CancellationToken ct) =>
        db.Set<Finding>().Include(f => f.Links).SingleOrDefaultAsync(f => f.Id == findingId && f.InspectionId == inspectionId, ct);

    /// <summary>Two agreements at once: the second finds the first's row.</summary>
    public static async Task SaveAgreement(this OrchestratorDbContext db, CancellationToken ct)
    {
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException)
        {
            throw new DomainRuleException("findings-agreed", "The findings were agreed by another request.");
        }
    }

    public static async Task<FindingsRegisterView> Read(OrchestratorDbContext db, Guid inspectionId, CancellationToken ct)
    {
        var findings = await db.Set<Finding>().AsNoTracking().Include(f => f.Links)
            .Where(f => f.InspectionId == inspectionId).OrderBy(f => f.CreatedAt).ToListAsync(ct);
        var agreement = await db.Set<FindingsAgreement>().AsNoTracking().SingleOrDefaultAsync(a => a.InspectionId == inspectionId, ct);
        return new FindingsRegisterView(inspectionId, agreement is not null, agreement?.AgreedBy, agreement?.AgreedAt,
            findings.Select(FindingView.From).ToList());
    }
}
