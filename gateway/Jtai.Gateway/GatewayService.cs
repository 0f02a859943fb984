namespace Jtai.Gateway;

/// <summary>The only public entry point; this type names it (and marks its assembly for tests).</summary>
public sealed class GatewayService
{
    public const string Name = "gateway";
}
