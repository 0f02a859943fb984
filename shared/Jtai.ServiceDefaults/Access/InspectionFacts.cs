namespace Jtai.ServiceDefaults.Access;

/// <summary>A place on an inspection's team: the member's inspectorate and team role (lead-inspector, inspector, qa-manager, hmi, manager).</summary>
public sealed record TeamPlace(string Inspectorate, string TeamRole);

/// <summary>
/// What one service knows of an inspection, from its own data, that decides who may do what:
/// its area, whether the area has been notified (partners see nothing before, ¶16), and the
/// caller's place on its team, if any.
/// </summary>
/// <remarks>
/// <c>HealthBodies</c>: the health bodies CQC named for the inspection (¶105), where the service holds them (Ofsted's exchange);
/// null where it does not.
/// </remarks>
public sealed record InspectionFacts(string LocalAreaCode, bool Notified, TeamPlace? Place, IReadOnlySet<string>? HealthBodies = null);

/// <summary>
/// Each service answers from its own data (the orchestrator from its team table, each inspectorate
/// from its copies of the inspection and team). Null when the inspection is unknown to the service.
/// </summary>
public interface IInspectionFactsSource
{
    Task<InspectionFacts?> Find(Guid inspectionId, string? staffSubject, CancellationToken ct);
}
