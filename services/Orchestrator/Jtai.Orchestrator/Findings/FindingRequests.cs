using Jtai.Orchestrator.Inspections;
using Jtai.ServiceDefaults.Criteria;
using Jtai.ServiceDefaults.Problems;

namespace Jtai.Orchestrator.Findings;

/// <summary>
/// A finding as an inspector records it. Its criteria and focus areas are the theme's in force at
/// fieldwork, so the request is checked against them (with its own rules of form, in one problem).
/// </summary>
public sealed record FindingRequest(string? Kind, string? Text, List<string?>? Agencies, string? Services, List<string?>? Criteria,
    List<string?>? FocusAreas = null)
{
    /// <summary>The finding this request describes for the inspection, or null with the errors naming each field.</summary>
    public Finding? ToFinding(Inspection inspection, IEvaluationCriteria criteria, string createdBy, DateTimeOffset at, out RequestErrors errors)
    {
        errors = new RequestErrors();
        if (errors.Required(Kind, "kind")) errors.OneOf(Kind, FindingKinds.All, "kind");
        if (errors.Required(Text, "text")) errors.MaxLength(Text, Finding.TextLength, "text");
        // ¶78: the letter states the services, practice or arrangements each finding relates to.
        if (string.IsNullOrWhiteSpace(Services))
            errors.Add("services", "'services' is required: the services, practice or arrangements the finding relates to (¶78).");
        else errors.MaxLength(Services, Finding.ServicesLength, "services");
        var agencies = new List<string>();
        if (Agencies is not { Count: > 0 }) errors.Add("agencies", "A finding names at least one agency it concerns (¶78).");
        else
            for (var i = 0; i < Agencies.Count; i++)
                if (errors.OneOf(Agencies[i], Jtai.ServiceDefaults.Security.Agencies.All, $"agencies[{i}]") && !agencies.Contains(Agencies[i]!)) agencies.Add(Agencies[i]!);
        var ecs = errors.Validate(Criteria, criteria.For(inspection.Theme, inspection.FieldworkStart), "criteria", required: true);
        var focusAreas = errors.ValidateFocusAreas(FocusAreas, criteria.FocusAreas(inspection.Theme, inspection.FieldworkStart), "focusAreas");
        if (errors.Any) return null;
        return new Finding
        {
            Id = Guid.NewGuid(), InspectionId = inspection.Id, Kind = Kind!, Text = Text!.Trim(), Agencies = agencies,
            Services = Services?.Trim(), Criteria = ecs, FocusAreas = focusAreas, CreatedBy = createdBy, CreatedAt = at,
        };
    }
}

public sealed record LinkRequest(Guid? SummaryId) : IValidatedRequest
{
    public void Validate(RequestErrors errors)
    {
        if (SummaryId is not { } id || id == Guid.Empty) errors.Add("summaryId", "'summaryId' is required.");
    }
}
