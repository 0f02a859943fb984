namespace Jtai.HmiProbation;

/// <summary>The HMI Probation service; this type names it (and marks its assembly for tests).</summary>
public sealed class HmiProbationService
{
    /// <summary>Its key in the registry of inspectorates (shared/inspectorates.json).</summary>
    public const string Name = "hmiprobation";
}
