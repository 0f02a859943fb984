namespace Jtai.HmiProbation.Intelligence;

/// <summary>
/// HMI Probation's own programmes of routine inspection (programme note ¶7–8): of youth justice services (youth
/// offending teams) and of probation services. What they find about an area's children is shared as intelligence.
/// </summary>
public static class HmiProbationProgrammes
{
    public static readonly string[] Keys =
    [
        "youth-justice-inspection",
        "probation-inspection",
    ];
}
