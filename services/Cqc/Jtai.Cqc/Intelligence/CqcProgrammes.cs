namespace Jtai.Cqc.Intelligence;

/// <summary>CQC's inspection activity (programme note ¶17–21): fundamental standards, CLAS, SAAS.</summary>
public static class CqcProgrammes
{
    public static readonly string[] Keys =
    [
        "fundamental-standards-inspection",
        "children-looked-after-and-safeguarding",
        "sexual-assault-and-abuse-services",
    ];
}
