using Jtai.ServiceDefaults.Security;

namespace Jtai.Cqc;

/// <summary>The Cqc service; this type names it (and marks its assembly for tests).</summary>
public sealed class CqcService
{
    public const string Name = Inspectorates.Cqc;
}
