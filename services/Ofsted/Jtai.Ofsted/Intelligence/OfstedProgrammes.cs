namespace Jtai.Ofsted.Intelligence;

/// <summary>Ofsted's routine inspection of local authority children's services (ILACS, programme note ¶9–10).</summary>
public static class OfstedProgrammes
{
    public static readonly string[] Keys =
    [
        "ilacs-standard-inspection",
        "ilacs-short-inspection",
        "ilacs-focused-visit",
        "ilacs-monitoring-visit",
        "ilacs-annual-engagement",
    ];
}
