using Jtai.Inspectorate.Data;
using Jtai.Inspectorate.Inspections;
using Jtai.ServiceDefaults.Criteria;
using Jtai.ServiceDefaults.Problems;
using Jtai.ServiceDefaults.Security;
using Microsoft.EntityFrameworkCore;

namespace Jtai.Inspectorate.Evidence;

/// <summary>What every inspectorate's evidence record obeys, whichever service hosts it.</summary>
public static class EvidenceRules
{
    /// <summary>Team roles that keep an evidence record: the QA and line managers do not gather evidence.</summary>
    public static readonly IReadOnlyList<string> KeepRecords = [JtaiRoles.Inspector, JtaiRoles.LeadInspector, JtaiRoles.Hmi];

    public sealed record Valid(string Source, string? SourceDetail, DateTimeOffset GatheredAt, DateTimeOffset? MeetingAt,
        List<string> Criteria, List<string> Agencies, string Text, List<PersonReference> People, List<string> FocusAreas);

    public static (Valid? Value, RequestErrors Errors) Validate(EvidenceRequest request, InspectionCopy inspection, IEvaluationCriteria criteria, TimeProvider clock)
    {
        var errors = new RequestErrors();
        var now = clock.GetUtcNow();
        string? detail = null;
        if (errors.Required(request.Source, "source") && errors.OneOf(request.Source, EvidenceSources.All, "source"))
        {
            if (EvidenceSources.Details.TryGetValue(request.Source, out var details))
            {
                if (errors.Required(request.SourceDetail, "sourceDetail") && errors.OneOf(request.SourceDetail, details, "sourceDetail"))
                    detail = request.SourceDetail;
            }
            else if (request.SourceDetail is not null)
                errors.Add("sourceDetail", $"'sourceDetail' applies only to {string.Join(" and ", EvidenceSources.Details.Keys)}.");
            if (EvidenceSources.NeedMeetingTime.Contains(request.Source))
                errors.Required(request.MeetingAt, "meetingAt");
        }
        // A little slack for clocks on inspectors' devices; evidence is never gathered in the future.
        if (errors.Required(request.GatheredAt, "gatheredAt") && request.GatheredAt > now.AddMinutes(5))
            errors.Add("gatheredAt", "'gatheredAt' is in the future.");
        if (request.MeetingAt > now.AddMinutes(5)) errors.Add("meetingAt", "'meetingAt' is in the future.");

        var ecs = errors.Validate(request.Criteria, criteria.For(inspection.Theme, inspection.FieldworkStart), "criteria", required: true);
        var focusAreas = errors.ValidateFocusAreas(request.FocusAreas, criteria.FocusAreas(inspection.Theme, inspection.FieldworkStart), "focusAreas");
        var agencies = new List<string>();
        if (request.Agencies is not { Count: > 0 }) errors.Add("agencies", "'agencies' must name at least one agency concerned.");
        else
            for (var i = 0; i < request.Agencies.Count; i++)
                if (errors.OneOf(request.Agencies[i], Agencies.All, $"agencies[{i}]") && !agencies.Contains(request.Agencies[i]!))
                    agencies.Add(request.Agencies[i]!);

        if (errors.Required(request.Text, "text")) errors.MaxLength(request.Text, 20_000, "text");
        if (request.People is { Count: > 50 }) errors.Add("people", "At most 50 people per record.");
        var people = Names.Validate(request.People, errors);
        if (request.Text is not null)
            foreach (var name in Names.UnexplainedNamesIn(request.Text, people))
                errors.Add("text", $"The text names '{name}': refer to people by case reference, initials or role, or list them in 'people' with the reason their name is needed (¶76).");

        return errors.Any
            ? (null, errors)
            : (new Valid(request.Source!, detail, request.GatheredAt!.Value, request.MeetingAt, ecs, agencies, request.Text!.Trim(), people, focusAreas), errors);
    }

    /// <summary>
    /// Strips names from the inspection's records (or one record) and from their edit history, so
    /// a removed name cannot be read back from an earlier version.
    /// </summary>
    public static async Task<NamesRemovedView> RemoveNames(InspectorateDbContext db, Guid inspectionId, Guid? recordId, DateTimeOffset now, CancellationToken ct)
    {
        var records = await db.Set<EvidenceRecord>()
            .Where(r => r.InspectionId == inspectionId && (recordId == null || r.Id == recordId))
            .ToListAsync(ct);
        var recordsChanged = 0;
        foreach (var record in records)
        {
            var text = record.Text;
            var people = record.People;
            if (!Names.Strip(ref text, ref people)) continue;
            record.Text = text;
            record.People = people;
            record.NamesRemovedAt = now;
            recordsChanged++;
        }
        var ids = records.Select(r => r.Id).ToList();
        var revisions = await db.Set<EvidenceRevision>().Where(r => ids.Contains(r.RecordId)).ToListAsync(ct);
        var revisionsChanged = 0;
        foreach (var revision in revisions)
        {
            var text = revision.Before.Text;
            var people = revision.Before.People;
            if (!Names.Strip(ref text, ref people)) continue;
            revision.Before = revision.Before with { Text = text, People = people };
            revisionsChanged++;
        }
        return new NamesRemovedView(inspectionId, recordsChanged, revisionsChanged, now);
    }

    public static async Task<CompletenessView> Completeness(InspectorateDbContext db, string inspectorate, Guid inspectionId, CancellationToken ct)
    {
        var members = await db.TeamMembers.AsNoTracking()
            .Where(m => m.InspectionId == inspectionId && m.Inspectorate == inspectorate && KeepRecords.Contains(m.TeamRole))
            .OrderBy(m => m.Name)
            .ToListAsync(ct);
        var completions = await db.Set<EvidenceCompletion>().AsNoTracking()
            .Where(c => c.InspectionId == inspectionId).ToDictionaryAsync(c => c.UserId, c => c.CompletedAt, ct);
        var counts = await db.Set<EvidenceRecord>().AsNoTracking()
            .Where(r => r.InspectionId == inspectionId)
            .GroupBy(r => r.AuthorId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var views = members.Select(m => new MemberCompletenessView(m.UserId, m.Name, m.TeamRole,
            completions.ContainsKey(m.UserId), completions.TryGetValue(m.UserId, out var at) ? at : null,
            counts.GetValueOrDefault(m.UserId))).ToList();
        return new CompletenessView(inspectorate, inspectionId, views.Count > 0 && views.All(v => v.Complete), views);
    }
}
