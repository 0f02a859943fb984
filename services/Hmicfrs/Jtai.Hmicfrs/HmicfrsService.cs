using Jtai.ServiceDefaults.Security;

namespace Jtai.Hmicfrs;

/// <summary>The Hmicfrs service; this type names it (and marks its assembly for tests).</summary>
public sealed class HmicfrsService
{
    public const string Name = Inspectorates.Hmicfrs;
}
