namespace Jtai.Web;

/// <summary>The web service for partner agencies and inspectors; this type names it (and marks its assembly for tests).</summary>
public sealed class WebService
{
    public const string Name = "web";
}
