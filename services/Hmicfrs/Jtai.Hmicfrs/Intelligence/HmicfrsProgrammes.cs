namespace Jtai.Hmicfrs.Intelligence;

/// <summary>HMICFRS's inspection activity (programme note ¶11–16): PEEL and the national child protection inspections.</summary>
public static class HmicfrsProgrammes
{
    public static readonly string[] Keys =
    [
        "peel",
        "national-child-protection-inspection",
    ];
}
