using Jtai.ServiceDefaults.Security;

namespace Jtai.Ofsted;

/// <summary>The Ofsted service; this type names it (and marks its assembly for tests).</summary>
public sealed class OfstedService
{
    public const string Name = Inspectorates.Ofsted;
}
