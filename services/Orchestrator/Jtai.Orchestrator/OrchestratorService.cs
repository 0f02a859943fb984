namespace Jtai.Orchestrator;

/// <summary>The orchestrator runs the joint inspection; this type names it (and marks its assembly for tests).</summary>
public sealed class OrchestratorService
{
    public const string Name = "orchestrator";
}
