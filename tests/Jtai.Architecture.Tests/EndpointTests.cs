using NetArchTest.Rules;
using Xunit;

namespace Jtai.Architecture.Tests;

/// <summary>
/// Endpoint classes bind a request, call the domain and map the result: one endpoint class never
/// calls another's, so a rule shared by two features lives on the entity or a domain service.
/// </summary>
public sealed class EndpointTests
{
    [Fact]
    public void No_endpoint_class_depends_on_another()
    {
        var failures = new List<string>();
        foreach (var assembly in Assemblies.WithDomainCode)
        {
            var apis = Types.InAssembly(assembly).That().HaveNameEndingWith("Api").GetTypes().ToList();
            Assert.True(assembly == Assemblies.Messaging || assembly == Assemblies.Notices || apis.Count > 0, $"no endpoint classes found in {assembly.GetName().Name}");
            foreach (var api in apis)
            {
                var others = apis.Where(a => a.FullName != api.FullName).Select(a => a.FullName).ToArray();
                if (others.Length == 0) continue;
                var result = Types.InAssembly(assembly).That().HaveName(api.Name).And().ResideInNamespace(api.ReflectionType.Namespace!).ShouldNot().HaveDependencyOnAny(others).GetResult();
                if (!result.IsSuccessful) failures.AddRange(result.FailingTypes.Select(t => $"{t.FullName}: {t.Explanation}"));
            }
        }
        Assert.True(failures.Count == 0, string.Join("; ", failures));
    }
}
