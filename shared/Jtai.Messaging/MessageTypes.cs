using System.Text.Json;
using Jtai.Contracts.Events;

namespace Jtai.Messaging;

/// <summary>
/// Stored messages (outbox rows, deadline rows) name their contract by full type name and keep
/// their body as JSON; only types from Jtai.Contracts can be stored or restored.
/// </summary>
public static class MessageTypes
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly System.Reflection.Assembly Contracts = typeof(IInspectionMessage).Assembly;

    public static string NameOf(Type type)
    {
        if (type.Assembly != Contracts)
            throw new ArgumentException($"{type.FullName} is not a contract: messages live in Jtai.Contracts only.", nameof(type));
        return type.FullName!;
    }

    public static Type Resolve(string name) =>
        Contracts.GetType(name, throwOnError: false)
        ?? throw new InvalidOperationException($"Unknown message type '{name}': it is not in Jtai.Contracts.");

    public static string Serialize(object message) => JsonSerializer.Serialize(message, message.GetType(), Json);

    public static object Deserialize(string name, string body) =>
        JsonSerializer.Deserialize(body, Resolve(name), Json)
        ?? throw new InvalidOperationException($"Stored {name} body is null.");

    public static Guid? InspectionIdOf(object message) => (message as IInspectionMessage)?.InspectionId;
}
