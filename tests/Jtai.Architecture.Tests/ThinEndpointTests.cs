using Mono.Cecil;
using Mono.Cecil.Cil;
using Xunit;

namespace Jtai.Architecture.Tests;

/// <summary>
/// Endpoint classes bind, call the domain and map the result: they stay small, and the rules of the
/// process (a <c>DomainRuleException</c>, 409 or 403) are thrown by the entities, not by the
/// endpoints. Checked for every <c>*Api</c> class of the services and the shared domain code: any
/// of them growing past 150 lines or throwing a rule fails, naming the class.
/// </summary>
public sealed class ThinEndpointTests
{
    private const int MaxLines = 150;
    private const string DomainRule = "Jtai.ServiceDefaults.Problems.DomainRuleException";

    [Fact]
    public void Endpoint_classes_stay_under_150_lines()
    {
        var root = RepositoryRoot();
        var sources = new[] { "services", "shared" }.SelectMany(d => Directory.EnumerateFiles(Path.Combine(root, d), "*Api.cs", SearchOption.AllDirectories))
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/')).ToList();
        var failures = new List<string>();
        foreach (var (assembly, api) in EndpointClasses())
        {
            // An endpoint class lives in a file named after it, in the folder its namespace names (Jtai.Orchestrator.Letter → Jtai.Orchestrator/Letter/).
            var folder = api.Namespace[assembly.Name.Name.Length..].TrimStart('.').Replace('.', '/');
            var expected = $"/{assembly.Name.Name}/{(folder.Length > 0 ? folder + "/" : "")}{api.Name}.cs";
            var file = sources.SingleOrDefault(f => f.EndsWith(expected, StringComparison.Ordinal));
            if (file is null) { failures.Add($"{api.FullName}: no file ending {expected}"); continue; }
            var lines = File.ReadLines(Path.Combine(root, file)).Count();
            if (lines > MaxLines) failures.Add($"{file}: {lines} lines (at most {MaxLines}: move the rules onto the entity)");
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public void Endpoint_classes_throw_no_rule_of_the_process()
    {
        var failures = new List<string>();
        foreach (var (_, api) in EndpointClasses())
        {
            var throws = WithNested(api).SelectMany(t => t.Methods).Where(m => m.HasBody)
                .SelectMany(m => m.Body.Instructions)
                .Count(i => i.OpCode == OpCodes.Newobj && i.Operand is MethodReference ctor && IsDomainRule(ctor.DeclaringType));
            if (throws > 0) failures.Add($"{api.FullName}: {throws} rule(s) of the process thrown by the endpoint class (move them onto the entity)");
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public void Endpoint_classes_are_found()
    {
        // Guards the two facts above against passing over nothing: the services' and shared endpoint classes are read.
        var names = EndpointClasses().Select(e => e.Api.FullName).ToList();
        Assert.Contains("Jtai.Orchestrator.Letter.LetterApi", names);
        Assert.Contains("Jtai.Inspectorate.Evidence.EvidenceApi", names);
        Assert.Contains("Jtai.Ofsted.CaseSelection.CaseSelectionApi", names);
        Assert.True(names.Count >= 40, $"{names.Count} endpoint classes found");
    }

    /// <summary>Every top-level <c>*Api</c> class of the assemblies with domain code (services and shared), read from their IL.</summary>
    private static List<(AssemblyDefinition Assembly, TypeDefinition Api)> EndpointClasses()
    {
        var found = new List<(AssemblyDefinition, TypeDefinition)>();
        foreach (var assembly in Assemblies.WithDomainCode)
        {
            var resolver = new DefaultAssemblyResolver();
            resolver.AddSearchDirectory(Path.GetDirectoryName(assembly.Location)!);
            var definition = AssemblyDefinition.ReadAssembly(assembly.Location, new ReaderParameters { AssemblyResolver = resolver });
            found.AddRange(definition.MainModule.Types.Where(t => t.IsClass && t.Name.EndsWith("Api", StringComparison.Ordinal)).Select(t => (definition, t)));
        }
        return found;
    }

    /// <summary>Lambdas and async methods compile to nested types: their throws are the endpoint's.</summary>
    private static IEnumerable<TypeDefinition> WithNested(TypeDefinition type) => [type, .. type.NestedTypes.SelectMany(WithNested)];

    private static bool IsDomainRule(TypeReference? type)
    {
        for (var t = type; t is not null; t = t.Resolve()?.BaseType)
            if (t.FullName == DomainRule) return true;
        return false;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Jtai.Platform.sln"))) return dir.FullName;
        throw new InvalidOperationException($"No Jtai.Platform.sln above {AppContext.BaseDirectory}.");
    }
}
