namespace Jtai.Inspectorate.Intelligence;

/// <summary>
/// The routine programmes one inspectorate runs (programme note, Annex A), the sources its intelligence
/// comes from. Each service names its own; the other inspectorates' programmes arrive with what they share.
/// </summary>
public sealed record IntelligenceProgrammes(IReadOnlyList<string> Keys);
