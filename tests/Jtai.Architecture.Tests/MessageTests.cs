using System.Reflection;
using MassTransit;
using Xunit;

namespace Jtai.Architecture.Tests;

/// <summary>
/// A message's type is a contract between services: it lives once, in Jtai.Contracts, as a record,
/// so no service can change another's message by accident and none copies a contract type.
/// </summary>
public sealed class MessageTests
{
    private static IEnumerable<(Type Consumer, Type Message)> Consumed() =>
        Assemblies.WithDomainCode.SelectMany(Loadable)
            .Where(t => t is { IsClass: true, IsAbstract: false })
            .SelectMany(t => t.GetInterfaces()
                .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IConsumer<>))
                .Select(i => (t, i.GetGenericArguments()[0])));

    [Fact]
    public void Every_consumed_message_type_is_in_the_contracts()
    {
        var consumed = Consumed().ToList();
        Assert.NotEmpty(consumed);
        var outside = consumed.Where(c => c.Message.Assembly != Assemblies.Contracts)
            .Select(c => $"{c.Consumer.FullName} consumes {c.Message.FullName}").ToList();
        Assert.True(outside.Count == 0, $"message types outside Jtai.Contracts: {string.Join("; ", outside)}");
    }

    [Fact]
    public void Every_message_type_is_an_immutable_record()
    {
        var notRecords = Consumed().Select(c => c.Message).Distinct()
            .Where(m => m.GetMethod("<Clone>$") is null
                || m.GetProperties().Any(p => p.SetMethod is { } set && !set.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(System.Runtime.CompilerServices.IsExternalInit))))
            .Select(m => m.FullName).ToList();
        Assert.True(notRecords.Count == 0, $"message types that are not immutable records: {string.Join("; ", notRecords)}");
    }

    [Fact]
    public void The_contracts_hold_no_behaviour_beyond_the_messages()
    {
        // Jtai.Contracts may be referenced by anyone; it must not pull anything of the platform with it.
        var references = Assemblies.Contracts.GetReferencedAssemblies().Select(a => a.Name!).Where(n => n.StartsWith("Jtai.", StringComparison.Ordinal)).ToList();
        Assert.True(references.Count == 0, $"Jtai.Contracts references {string.Join(", ", references)}");
    }

    private static IEnumerable<Type> Loadable(Assembly assembly)
    {
        try { return assembly.GetTypes(); }
        catch (ReflectionTypeLoadException e) { return e.Types.OfType<Type>(); }
    }
}
