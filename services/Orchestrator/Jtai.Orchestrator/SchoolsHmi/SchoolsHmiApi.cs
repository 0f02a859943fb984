using System.Security.Claims;
using Jtai.Calendar.WorkingDays;
using Jtai.Orchestrator.Data;
using Jtai.Orchestrator.Meetings;
using Jtai.Orchestrator.SetUp;
using Jtai.ServiceDefaults.Access;
using Jtai.ServiceDefaults.Problems;
using Jtai.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Jtai.Orchestrator.SchoolsHmi;

public sealed record SchoolsSampleBody(string? Kind, DateTimeOffset? At, string? Mode, string? School, string? SchoolUrn, string? CaseReference,
    DateOnly? ReferralMadeOn, string? SpokeWith);

/// <summary>¶69: the role of the schools HMI. The HMI records the sample; the team and the named managers read it.</summary>
public static class SchoolsHmiApi
{
    public const string Path = "/api/orchestrator/inspections/{inspectionId:guid}/schools-hmi/sample";

    /// <summary>Ofsted's schools HMI on the team (¶10, ¶69).</summary>
    public static readonly AccessRule SchoolsHmi = new("schools-hmi", "Ofsted's schools HMI on the team",
        s => s.OnTeamAs(JtaiRoles.Hmi, Inspectorates.Ofsted), onInspection: true);

    public static IEndpointRouteBuilder MapSchoolsHmiApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Path).WithTags("Schools HMI");
        group.MapGet("/", Get).RequireStanding(Rules.TeamOrNamedManagers);
        group.MapPost("/", Record).RequireStanding(SchoolsHmi);
        return app;
    }

    private static async Task<Ok<SchoolsSampleView>> Get(Guid inspectionId, OrchestratorDbContext db, CancellationToken ct)
    {
        var items = await db.Set<SchoolsSampleItem>().AsNoTracking().Where(s => s.InspectionId == inspectionId).OrderBy(s => s.At).ToListAsync(ct);
        return TypedResults.Ok(new SchoolsSampleView(inspectionId,
            items.Count(i => i.Kind == SchoolsSampleKinds.CaseSampling),
            items.Count(i => i.Kind == SchoolsSampleKinds.SchoolContact),
            items.Select(i => i.SchoolUrn ?? i.School.ToLowerInvariant()).Distinct().Count(),
            items.Select(SchoolsSampleItemView.From).ToList()));
    }

    private static async Task<Results<Created<SchoolsSampleItemView>, ValidationProblem>> Record(
        Guid inspectionId, SchoolsSampleBody body, ClaimsPrincipal user, OrchestratorDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var errors = new RequestErrors();
        if (errors.Required(body.Kind, "kind")) errors.OneOf(body.Kind, SchoolsSampleKinds.All, "kind");
        if (errors.Required(body.Mode, "mode")) errors.OneOf(body.Mode, MeetingModes.All, "mode");
        if (errors.Required(body.At, "at") && body.At > now.AddMinutes(5))
            errors.Add("at", "'at' is in the future: the sample is recorded as it is carried out.");
        if (errors.Required(body.School, "school")) errors.MaxLength(body.School, 200, "school");
        if (body.SchoolUrn is { } urn && !(urn.Length == 6 && urn.All(char.IsAsciiDigit)))
            errors.Add("schoolUrn", "'schoolUrn' is a school's unique reference number: six digits.");
        if (body.Kind == SchoolsSampleKinds.CaseSampling)
        {
            if (errors.Required(body.CaseReference, "caseReference")) errors.MaxLength(body.CaseReference, 40, "caseReference");
        }
        else if (body.CaseReference is not null)
            errors.Add("caseReference", "'caseReference' belongs to a case sampled, not to a contact with a school.");
        // ¶69: the schools contacted are a sample of those that have made referrals.
        if (body.ReferralMadeOn is null)
            errors.Add("referralMadeOn", "'referralMadeOn' is required: the schools HMI samples schools that have made referrals (¶69).");
        else if (body.At is { } at && body.ReferralMadeOn > DateOnly.FromDateTime(LondonTime.ToLondon(at).DateTime))
            errors.Add("referralMadeOn", "'referralMadeOn' is after the sampling: the referral comes first.");
        errors.MaxLength(body.SpokeWith, 200, "spokeWith");
        if (errors.Any) return TypedResults.ValidationProblem(errors.ToDictionary());
        await SetUpStage.EnsureSetUpOpen(db, inspectionId, ct);

        var item = new SchoolsSampleItem
        {
            Id = Guid.NewGuid(), InspectionId = inspectionId, Kind = body.Kind!, At = body.At!.Value, Mode = body.Mode!, School = body.School!.Trim(),
            SchoolUrn = body.SchoolUrn, CaseReference = body.CaseReference?.Trim(), ReferralMadeOn = body.ReferralMadeOn!.Value,
            SpokeWith = string.IsNullOrWhiteSpace(body.SpokeWith) ? null : body.SpokeWith.Trim(), RecordedAt = now, RecordedBy = user.Id(),
        };
        db.Add(item);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/orchestrator/inspections/{inspectionId}/schools-hmi/sample/{item.Id}", SchoolsSampleItemView.From(item));
    }
}
