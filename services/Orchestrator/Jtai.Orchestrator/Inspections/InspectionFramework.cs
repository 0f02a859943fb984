using Jtai.Calendar.Frameworks;

namespace Jtai.Orchestrator.Inspections;

/// <summary>
/// The framework version an inspection pinned: who takes part, its letter's form, what answers the letter.
/// Everything that waits on "each inspectorate" waits on those taking part, never on a fixed three.
/// </summary>
public static class InspectionFramework
{
    public static Framework Of(this FrameworkCatalog frameworks, Inspection inspection) =>
        frameworks.Get(inspection.Theme, inspection.FrameworkVersion);

    public static IReadOnlyList<string> TakingPart(this FrameworkCatalog frameworks, Inspection inspection) =>
        frameworks.Of(inspection).Inspectorates;
}
