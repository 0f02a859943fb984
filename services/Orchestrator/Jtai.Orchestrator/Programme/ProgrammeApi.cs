using System.Text.Json;
using Jtai.Calendar.Frameworks;
using Jtai.Calendar.WorkingDays;
using Jtai.Contracts.Events;
using Jtai.Messaging.Outbox;
using Jtai.Orchestrator.Data;
using Jtai.Orchestrator.Inspections;
using Jtai.Orchestrator.Team;
using Jtai.Orchestrator.Timeline;
using Jtai.ServiceDefaults.Access;
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

    private static async Task<Results<Ok<CandidatesView>, ValidationProblem>> Candidates(
        string? theme, int? year, ProgrammeData data, FrameworkCatalog frameworks, IOptions<RankingOptions> points, TimeProvider clock, CancellationToken ct)
    {
        var errors = new RequestErrors();
        var today = LondonTime.Today(clock);
        ValidateThemeAndYear(theme, year, today, frameworks, errors);
        if (errors.Any) return TypedResults.ValidationProblem(errors.ToDictionary());
        var ranked = CandidateRanking.Rank(await data.Areas(ct), theme!, year!.Value, today, points.Value);
        return TypedResults.Ok(new CandidatesView(theme!, year.Value, points.Value, ranked));
    }

    private static async Task<Ok<List<ProgrammeSummary>>> List(int? year, OrchestratorDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await db.Set<InspectionProgramme>().AsNoTracking()
            .Where(p => year == null || p.Year == year)
            .OrderByDescending(p => p.Year).ThenBy(p => p.Theme)
            .Select(p => new ProgrammeSummary(p.Id, p.Theme, p.Year, p.Status, p.Areas.Count, p.ProposedAt))
            .ToListAsync(ct));

    private static async Task<Results<Ok<ProgrammeView>, NotFound>> Get(Guid programmeId, OrchestratorDbContext db, FrameworkCatalog frameworks, CancellationToken ct) =>
        await Load(db, programmeId, tracked: false, ct) is { } programme
            ? TypedResults.Ok(ProgrammeView.From(programme, frameworks.Get(programme.Theme, programme.FrameworkVersion)))
            : TypedResults.NotFound();

    /// <summary>Ofsted proposes the year's list for a theme: the areas named, or the top of the ranking; each keeps its reasons.</summary>
    private static async Task<Results<Created<ProgrammeView>, ValidationProblem>> Propose(
        ProposeProgrammeRequest? request, Standing standing, HttpContext http, OrchestratorDbContext db, ProgrammeData data,
        FrameworkCatalog frameworks, IOptions<RankingOptions> points, TimeProvider clock, CancellationToken ct)
    {
        var errors = new RequestErrors();
        var today = LondonTime.Today(clock);
        if (request is null) { errors.Add("body", "A JSON body is required."); return TypedResults.ValidationProblem(errors.ToDictionary()); }
        ValidateThemeAndYear(request.Theme, request.Year, today, frameworks, errors);
        // About ten areas a year (programme note ¶6).
        var size = request.Size ?? request.Areas?.Count ?? 10;
        if (size is < 1 or > 30) errors.Add("size", "'size' must be between 1 and 30 areas.");
        if (errors.Any) return TypedResults.ValidationProblem(errors.ToDictionary());

        var ranked = CandidateRanking.Rank(await data.Areas(ct), request.Theme!, request.Year!.Value, today, points.Value);
        List<Candidate> chosen;
        if (request.Areas is { } named)
        {
            chosen = [];
            for (var i = 0; i < named.Count; i++)
            {
                var code = named[i]?.Trim().ToUpperInvariant();
                if (ranked.FirstOrDefault(c => c.LocalAreaCode == code) is not { } candidate)
                    errors.Add($"areas[{i}]", $"'{named[i]}' is not a candidate: the platform holds no intelligence or inspection of it.");
                else if (chosen.Contains(candidate)) errors.Add($"areas[{i}]", $"{candidate.LocalAreaName} is named twice.");
                else chosen.Add(candidate);
            }
            if (named.Count == 0) errors.Add("areas", "Name at least one area, or leave 'areas' out to take the top of the ranking.");
            if (request.Size is { } s && s != named.Count) errors.Add("size", $"'size' is {s} but {named.Count} areas are named.");
        }
        else
        {
            if (ranked.Count < size) errors.Add("size", $"There are {ranked.Count} candidate areas, fewer than {size}.");
            chosen = ranked.Take(size).ToList();
        }
        if (errors.Any) return TypedResults.ValidationProblem(errors.ToDictionary());

        var framework = frameworks.Latest(request.Theme!);
        var programme = new InspectionProgramme
        {
            Id = Guid.NewGuid(), Theme = framework.Key, FrameworkVersion = framework.Version, Year = request.Year!.Value,
            Status = ProgrammeStatus.Proposed, ProposedBy = standing.Subject!, ProposedByName = http.User.DisplayName(), ProposedAt = clock.GetUtcNow(),
            Ranking = JsonSerializer.Serialize(ranked, InspectionProgramme.Json), ChangedAt = clock.GetUtcNow(),
        };
        programme.Areas.AddRange(chosen.Select(c => new ProgrammeArea
        {
            ProgrammeId = programme.Id, LocalAreaCode = c.LocalAreaCode, LocalAreaName = c.LocalAreaName, Rank = c.Rank, Score = c.Score,
            Reasons = JsonSerializer.Serialize(c.Reasons, InspectionProgramme.Json),
        }));
        db.Add(programme);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException ex) when (ex.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            throw new DomainRuleException("one-programme-per-theme-year", $"There is already a {framework.Key} programme for {programme.Year}.");
        }
        return TypedResults.Created($"/api/orchestrator/programmes/{programme.Id}", ProgrammeView.From(programme, framework));
    }

    private static async Task<Results<Ok<ProgrammeView>, NotFound>> Agree(
        Guid programmeId, Standing standing, HttpContext http, OrchestratorDbContext db, FrameworkCatalog frameworks, TimeProvider clock, CancellationToken ct)
    {
        if (await Load(db, programmeId, tracked: true, ct) is not { } programme) return TypedResults.NotFound();
        var framework = frameworks.Get(programme.Theme, programme.FrameworkVersion);
        programme.Agree(standing.Inspectorate!, framework.Inspectorates, standing.Subject!, http.User.DisplayName(), clock.GetUtcNow());
        await Save(db, ct);
        return TypedResults.Ok(ProgrammeView.From(programme, framework));
    }

    private static async Task<Results<Ok<ProgrammeView>, ValidationProblem, NotFound>> Offer(
        Guid programmeId, string inspectorate, OfferInspectorsRequest? request, OrchestratorDbContext db, FrameworkCatalog frameworks,
        TimeProvider clock, CancellationToken ct)
    {
        var errors = new RequestErrors();
        var list = request?.Inspectors;
        if (list is null) errors.Add("inspectors", "'inspectors' is required: the people offered for fieldwork, each with a team role.");
        if (errors.Any) return TypedResults.ValidationProblem(errors.ToDictionary());
        if (await Load(db, programmeId, tracked: true, ct) is not { } programme) return TypedResults.NotFound();
        var framework = frameworks.Get(programme.Theme, programme.FrameworkVersion);
        programme.EnsureTakesPart(inspectorate, framework.Inspectorates);
        var roles = framework.Team.Where(p => p.Inspectorate == inspectorate).Select(p => p.TeamRole).Distinct().ToList();
        var offered = new List<ProgrammeInspector>();
        for (var i = 0; i < list!.Count; i++)
        {
            var at = $"inspectors[{i}]";
            if (list[i] is not { } person) { errors.Add(at, "An inspector is required."); continue; }
            var ok = errors.Required(person.UserId, $"{at}.userId") & errors.Required(person.Name, $"{at}.name");
            ok &= errors.MaxLength(person.UserId, 200, $"{at}.userId") & errors.MaxLength(person.Name, 200, $"{at}.name");
            ok &= errors.Required(person.TeamRole, $"{at}.teamRole") && errors.OneOf(person.TeamRole, roles, $"{at}.teamRole");
            if (ok && offered.Any(o => o.UserId == person.UserId!.Trim())) { errors.Add($"{at}.userId", "Each person is offered once, in one team role."); ok = false; }
            if (ok) offered.Add(new ProgrammeInspector
            {
                ProgrammeId = programme.Id, Inspectorate = inspectorate, UserId = person.UserId!.Trim(), Name = person.Name!.Trim(), TeamRole = person.TeamRole!,
            });
        }
        if (errors.Any) return TypedResults.ValidationProblem(errors.ToDictionary());
        programme.Offer(inspectorate, framework.Inspectorates, offered, clock.GetUtcNow());
        await Save(db, ct);
        return TypedResults.Ok(ProgrammeView.From(programme, framework));
    }

    /// <summary>The agreed areas become scheduled inspections, each with its fieldwork week and team, in one commit.</summary>
    private static async Task<Results<Ok<ProgrammeView>, NotFound>> Plan(
        Guid programmeId, Standing standing, OrchestratorDbContext db, ProgrammeData data, FieldworkPlanner planner, IOutbox outbox,
        InspectionTimelines timelines, FrameworkCatalog frameworks, TimeProvider clock, CancellationToken ct)
    {
        if (await Load(db, programmeId, tracked: true, ct) is not { } programme) return TypedResults.NotFound();
        programme.EnsurePlannable();
        var framework = frameworks.Latest(programme.Theme);
        var today = LondonTime.Today(clock);
        var offered = programme.Inspectors;
        var busy = await data.Fieldworks(offered.Select(o => o.UserId).ToList(), new DateOnly(programme.Year, 1, 1), new DateOnly(programme.Year, 12, 31), ct);
        var areas = programme.Areas.OrderBy(a => a.Rank).Select(a => (a.LocalAreaCode, a.LocalAreaName)).ToList();
        var plan = planner.Plan(framework, programme.Year, today, areas, offered, busy);

        var at = clock.GetUtcNow();
        foreach (var planned in plan)
        {
            var inspection = await ScheduleInspection.Stage(db, outbox, timelines, frameworks, planned.LocalAreaCode, planned.LocalAreaName,
                programme.Theme, planned.FieldworkStart, standing.Subject!, at, ct);
            foreach (var member in planned.Team)
            {
                db.Add(new TeamAssignment
                {
                    InspectionId = inspection.Id, UserId = member.UserId, Name = member.Name, Inspectorate = member.Inspectorate,
                    TeamRole = member.TeamRole, AssignedAt = at, AssignedBy = standing.Subject!,
                });
                outbox.Publish(new TeamMemberAssigned(inspection.Id, member.UserId, member.Name, member.Inspectorate, member.TeamRole, at,
                    framework.Inspectorates));
            }
            var area = programme.Areas.Single(a => a.LocalAreaCode == planned.LocalAreaCode);
            area.InspectionId = inspection.Id;
            area.FieldworkStart = planned.FieldworkStart;
        }
        programme.Planned(standing.Subject!, at);
        await Save(db, ct);
        return TypedResults.Ok(ProgrammeView.From(programme, framework));
    }

    private static void ValidateThemeAndYear(string? theme, int? year, DateOnly today, FrameworkCatalog frameworks, RequestErrors errors)
    {
        if (errors.Required(theme, "theme")) errors.OneOf(theme, frameworks.Keys, "theme");
        if (errors.Required(year, "year") && (year < today.Year || year > today.Year + 2))
            errors.Add("year", $"'year' is the programme's calendar year, from {today.Year} to {today.Year + 2}.");
    }

    private static async Task<InspectionProgramme?> Load(OrchestratorDbContext db, Guid id, bool tracked, CancellationToken ct)
    {
        var query = db.Set<InspectionProgramme>().Include(p => p.Areas).Include(p => p.Agreements).Include(p => p.Inspectors).AsSplitQuery();
        return await (tracked ? query : query.AsNoTracking()).SingleOrDefaultAsync(p => p.Id == id, ct);
    }

    private static async Task Save(OrchestratorDbContext db, CancellationToken ct)
    {
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainRuleException("programme-changed", "The programme was changed by another request at the same time: read it again.");
        }
    }
}
