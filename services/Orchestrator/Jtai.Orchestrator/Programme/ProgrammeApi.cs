using System.Security.Claims;
using Jtai.Calendar.Frameworks;
using Jtai.Calendar.WorkingDays;
using Jtai.Messaging.Data;
using Jtai.Orchestrator.Data;
using Jtai.ServiceDefaults.Access;
using Jtai.ServiceDefaults.Paging;
using Jtai.ServiceDefaults.Problems;
using Jtai.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jtai.Orchestrator.Programme;

/// <summary>
/// The year's programme per theme (programme note ¶4–8): candidates ranked with their reasons; Ofsted
/// proposes the list, each inspectorate taking part agrees it and offers its inspectors; Ofsted plans it
/// and the areas become scheduled inspections with their teams.
/// </summary>
public static class ProgrammeApi
{
    public static WebApplicationBuilder AddProgramme(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<RankingOptions>().Bind(builder.Configuration.GetSection(RankingOptions.Section));
        builder.Services.AddOptions<PlanningOptions>().Bind(builder.Configuration.GetSection(PlanningOptions.Section))
            .Validate(o => o.Valid, "Programme:Planning:ChristmasFrom must be a December day and ChristmasTo a January day, as MM-dd.")
            .ValidateOnStart();
        builder.Services.AddScoped<ProgrammeData>();
        builder.Services.AddScoped(sp => new FieldworkPlanner(
            sp.GetRequiredService<Jtai.Calendar.Timeline.TimelineCalculator>(), sp.GetRequiredService<IOptions<PlanningOptions>>().Value));
        builder.Services.AddScoped<ProgrammePlanning>();
        builder.Services.AddScoped<YearPlanner>();
        return builder;
    }

    public static void AddProgrammeConsumers(this MassTransit.IBusRegistrationConfigurator bus) => bus.AddConsumer<ProgrammeIntelligenceConsumer>();

    public static IEndpointRouteBuilder MapProgramme(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/orchestrator").WithTags("Programme").RequireStanding(Rules.Staff);
        group.MapGet("/programme-candidates", Candidates);
        group.MapGet("/programmes", List);
        group.MapPost("/programmes", Propose).RequireStanding(ProgrammeRules.OfstedManagers);
        group.MapGet("/programmes/{programmeId:guid}", Get);
        group.MapPost("/programmes/{programmeId:guid}/agreements", Agree).RequireStanding(ProgrammeRules.Managers);
        group.MapPut("/programmes/{programmeId:guid}/inspectors/{inspectorate}", Offer).RequireStanding(ProgrammeRules.ManagersOfNamedInspectorate);
        group.MapPost("/programmes/{programmeId:guid}/plan", Plan).RequireStanding(ProgrammeRules.OfstedManagers);
        return app;
    }

    /// <summary>What the steps on a programme need: storage, the frameworks, the caller, the clock.</summary>
    public sealed record ProgrammeServices(OrchestratorDbContext Db, FrameworkCatalog Frameworks, Standing Standing, ClaimsPrincipal User,
        TimeProvider Clock, CancellationToken Ct)
    {
        public DateOnly Today => LondonTime.Today(Clock);

        public async Task<Ok<ProgrammeView>> Saved(InspectionProgramme programme, Framework framework)
        {
            await Db.SaveProgramme(Ct);
            return TypedResults.Ok(ProgrammeView.From(programme, framework));
        }
    }

    private static async Task<Results<Ok<CandidatesView>, ValidationProblem>> Candidates(
        string? theme, int? year, ProgrammeData data, FrameworkCatalog frameworks, IOptions<RankingOptions> points, TimeProvider clock, CancellationToken ct)
    {
        var errors = new RequestErrors();
        var today = LondonTime.Today(clock);
        ProgrammeYear.Validate(theme, year, today, frameworks, errors);
        if (errors.Any) return TypedResults.ValidationProblem(errors.ToDictionary());
        var ranked = CandidateRanking.Rank(await data.Areas(ct), theme!, year!.Value, today, points.Value);
        return TypedResults.Ok(new CandidatesView(theme!, year.Value, points.Value, ranked));
    }

    /// <summary>Programmes (of one year, or all), the latest year first then by theme, a page at a time (<c>?limit=&amp;after=</c>).</summary>
    private static async Task<Results<Ok<Page<ProgrammeSummary>>, ValidationProblem>> List(
        int? year, [AsParameters] PageQuery page, OrchestratorDbContext db, CancellationToken ct) =>
        page.Problems<YearNameCursor>() is { } problems
            ? TypedResults.ValidationProblem(problems)
            : TypedResults.Ok(await db.ProgrammesPage(year, page, ct));

    private static async Task<Results<Ok<ProgrammeView>, NotFound>> Get(Guid programmeId, OrchestratorDbContext db, FrameworkCatalog frameworks, CancellationToken ct) =>
        await db.Programme(programmeId, tracked: false, ct) is { } programme
            ? TypedResults.Ok(ProgrammeView.From(programme, frameworks.Get(programme.Theme, programme.FrameworkVersion)))
            : TypedResults.NotFound();

    /// <summary>Ofsted proposes the year's list for a theme: the areas named, or the top of the ranking; each keeps its reasons.</summary>
    private static async Task<Results<Created<ProgrammeView>, ValidationProblem>> Propose(
        ProposeProgrammeRequest? request, ProgrammeData data, IOptions<RankingOptions> points, [AsParameters] ProgrammeServices s)
    {
        if (request is null) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["A JSON body is required."] });
        var today = s.Today;
        if (request.Check(today, s.Frameworks) is { Any: true } invalid) return TypedResults.ValidationProblem(invalid.ToDictionary());
        var ranked = CandidateRanking.Rank(await data.Areas(s.Ct), request.Theme!, request.Year!.Value, today, points.Value);
        var chosen = request.Choose(ranked, out var errors);
        if (errors.Any) return TypedResults.ValidationProblem(errors.ToDictionary());

        var framework = s.Frameworks.Latest(request.Theme!);
        var programme = InspectionProgramme.Propose(framework, request.Year!.Value, ranked, chosen, s.Standing.Subject!, s.User.DisplayName(), s.Clock.GetUtcNow());
        await s.Db.AddProgramme(programme, s.Ct);
        return TypedResults.Created($"/api/orchestrator/programmes/{programme.Id}", ProgrammeView.From(programme, framework));
    }

    private static async Task<Results<Ok<ProgrammeView>, NotFound>> Agree(Guid programmeId, [AsParameters] ProgrammeServices s)
    {
        if (await s.Db.Programme(programmeId, tracked: true, s.Ct) is not { } programme) return TypedResults.NotFound();
        var framework = s.Frameworks.Get(programme.Theme, programme.FrameworkVersion);
        programme.Agree(s.Standing.Inspectorate!, framework.Inspectorates, s.Standing.Subject!, s.User.DisplayName(), s.Clock.GetUtcNow());
        return await s.Saved(programme, framework);
    }

    private static async Task<Results<Ok<ProgrammeView>, ValidationProblem, NotFound>> Offer(
        Guid programmeId, string inspectorate, OfferInspectorsRequest? request, [AsParameters] ProgrammeServices s)
    {
        if (request?.Inspectors is null)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["inspectors"] = ["'inspectors' is required: the people offered for fieldwork, each with a team role."],
            });
        if (await s.Db.Programme(programmeId, tracked: true, s.Ct) is not { } programme) return TypedResults.NotFound();
        var framework = s.Frameworks.Get(programme.Theme, programme.FrameworkVersion);
        programme.EnsureTakesPart(inspectorate, framework.Inspectorates);
        var roles = framework.Team.Where(p => p.Inspectorate == inspectorate).Select(p => p.TeamRole).Distinct().ToList();
        var offered = request.Check(programme.Id, inspectorate, roles, out var errors);
        if (errors.Any) return TypedResults.ValidationProblem(errors.ToDictionary());
        programme.Offer(inspectorate, framework.Inspectorates, offered, s.Clock.GetUtcNow());
        return await s.Saved(programme, framework);
    }

    /// <summary>The agreed areas become scheduled inspections, each with its fieldwork week, timeline and team, in one commit.</summary>
    private static async Task<Results<Ok<ProgrammeView>, NotFound>> Plan(Guid programmeId, ProgrammePlanning planning, [AsParameters] ProgrammeServices s)
    {
        await using var transaction = await s.Db.Database.BeginOrJoinTransactionAsync(s.Ct);
        if (await s.Db.Programme(programmeId, tracked: true, s.Ct) is not { } programme) return TypedResults.NotFound();
        var framework = await planning.Plan(programme, s.Standing.Subject!, s.Today, s.Clock.GetUtcNow(), s.Ct);
        var saved = await s.Saved(programme, framework);
        await transaction.CommitAsync(s.Ct);
        return saved;
    }
}
