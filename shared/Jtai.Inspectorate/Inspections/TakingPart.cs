using Jtai.Calendar.Frameworks;

namespace Jtai.Inspectorate.Inspections;

/// <summary>
/// Which inspectorates take part in an inspection, as its messages say: the framework's (an Ofsted-only
/// inspection names Ofsted alone); a message that names none is a joint inspection of all three (¶10).
/// </summary>
public static class TakingPart
{
    public static IReadOnlyList<string> Of(IReadOnlyList<string>? named) => named is { Count: > 0 } ? named : Framework.JointInspectorates;

    public static bool Includes(IReadOnlyList<string>? named, string inspectorate) => Of(named).Contains(inspectorate);
}
