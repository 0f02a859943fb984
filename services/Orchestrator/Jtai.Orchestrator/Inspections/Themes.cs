namespace Jtai.Orchestrator.Inspections;

/// <summary>The five current JTAI themes (guidance/jtai-overview-five-themes.txt).</summary>
public static class Themes
{
    public const string FrontDoor = "front-door";
    public static readonly IReadOnlyList<string> All =
        [FrontDoor, "early-help", "criminal-exploitation", "serious-youth-violence", "domestic-abuse"];
}
