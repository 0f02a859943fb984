namespace Jtai.Orchestrator.Letter;

/// <summary>Where the letter's endpoints live: the letter, QA, factual accuracy and publication share it.</summary>
public static class LetterRoutes
{
    public const string Path = "/api/orchestrator/inspections/{inspectionId:guid}/letter";
}
