using Jtai.Inspectorate.Data;
using Jtai.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jtai.Inspectorate.FollowUp;

/// <summary>
/// The shape of every change endpoint: refuse a bad request with all its problems (400, nothing
/// written), find the follow-up (404), apply the service's change (a broken rule throws 409), save
/// the change, its history and its events together, answer with the new view.
/// </summary>
public sealed class FollowUpChange(FollowUps followUps, InspectorateDbContext db, IFollowUpDetails details)
{
    public FollowUps FollowUps => followUps;

    public async Task<Results<Ok<FollowUpView>, NotFound, ValidationProblem>> Apply(
        Guid followUpId, RequestErrors errors, Func<FollowUpCase, Task> change, CancellationToken ct)
    {
        if (errors.Any) return TypedResults.ValidationProblem(errors.ToDictionary());
        var followUp = await followUps.Find(followUpId, ct);
        if (followUp is null) return TypedResults.NotFound();
        await change(followUp);
        await followUps.Save(ct);
        return TypedResults.Ok(await FollowUpApi.View(followUp, db, details, ct));
    }

    public Task<Results<Ok<FollowUpView>, NotFound, ValidationProblem>> Apply(
        Guid followUpId, RequestErrors errors, Action<FollowUpCase> change, CancellationToken ct) =>
        Apply(followUpId, errors, f => { change(f); return Task.CompletedTask; }, ct);
}
