using System.Text.Json.Nodes;

namespace Jtai.Testing.Fuzzing;

/// <summary>
/// A plausible value for a schema, so that a mutation of one field meets the code behind the
/// others' validation. A few field names get values of the platform's vocabulary; dates alternate
/// between winter and British Summer Time, where London's offset is not UTC's.
/// </summary>
public sealed class Examples(FuzzContext context)
{
    private int _turn;

    private static readonly Dictionary<string, Func<FuzzContext, JsonNode?>> Hints = new(StringComparer.OrdinalIgnoreCase)
    {
        ["theme"] = _ => "front-door",
        ["framework"] = _ => "front-door",
        ["localAreaCode"] = _ => FuzzContext.Area,
        ["areaCode"] = _ => FuzzContext.Area,
        ["localAreaName"] = _ => "Birmingham",
        ["fieldworkStart"] = c => c.FieldworkStart.ToString("yyyy-MM-dd"),
        ["inspectorate"] = _ => "ofsted",
        ["teamRole"] = _ => "inspector",
        ["agencies"] = _ => new JsonArray("police", "health"),
        ["agency"] = _ => "police",
        ["criteria"] = _ => new JsonArray("EC1", "EC3"),
        ["source"] = _ => "document-review",
        ["sourceDetail"] = _ => null,
        ["kind"] = _ => "strength",
        ["to"] = _ => "notified",
        ["outcome"] = _ => "accepted",
        ["decision"] = _ => "accepted",
        ["responses"] = _ => new JsonArray("meeting-with-providers"),
        ["enforcement"] = _ => new JsonArray(),
        ["email"] = _ => "duty.manager@example.org",
        ["category"] = _ => "other-serious-concern",
        ["stage"] = _ => "draft",
        ["sharedWith"] = _ => new JsonArray("cqc", "hmicfrs"),
        ["departments"] = _ => new JsonArray("Department for Education"),
        ["recommendations"] = _ => new JsonArray("Review the force's response to missing children."),
        ["people"] = _ => new JsonArray(),
        ["childIds"] = _ => new JsonArray("C001", "C002"),
        ["queue"] = _ => "ofsted-inspection-scheduled_error",
    };

    public JsonNode? For(JsonNode? schema, string? name = null, int depth = 0)
    {
        if (name is not null && Hints.TryGetValue(name, out var hint)) return hint(context);
        if (schema is null || depth > 6) return "text";
        if (schema["enum"] is JsonArray values && values.FirstOrDefault(v => v is not null) is { } first) return first.DeepClone();
        foreach (var choice in new[] { "oneOf", "anyOf", "allOf" })
            if (schema[choice] is JsonArray options && options.FirstOrDefault(o => TypeOf(o) != "null") is { } option)
                return For(option, name, depth + 1);

        return TypeOf(schema) switch
        {
            "object" => Object(schema, depth),
            "array" => new JsonArray(For(schema["items"], Singular(name), depth + 1)),
            "integer" => 1,
            "number" => 1.5,
            "boolean" => true,
            "null" => null,
            _ => schema["format"]?.GetValue<string>() switch
            {
                "uuid" => context.Guid(name).ToString(),
                "date" => Date(),
                "date-time" => Instant(),
                _ => name is not null && name.EndsWith("On", StringComparison.Ordinal) ? Date() : $"Fuzz {name ?? "text"}",
            },
        };
    }

    private JsonObject Object(JsonNode schema, int depth)
    {
        var obj = new JsonObject();
        foreach (var (property, propertySchema) in schema["properties"]?.AsObject() ?? [])
            obj[property] = For(propertySchema, property, depth + 1);
        return obj;
    }

    /// <summary>A day to come, in winter one turn and in British Summer Time the next.</summary>
    private string Date() => ((_turn++ % 2 == 0) ? context.SummerDay : context.WinterDay).ToString("yyyy-MM-dd");

    private string Instant()
    {
        var summer = _turn++ % 2 == 0;
        var day = summer ? context.SummerDay : context.WinterDay;
        return $"{day:yyyy-MM-dd}T10:30:00{(summer ? "+01:00" : "+00:00")}";
    }

    private static string? Singular(string? name) => name is { Length: > 1 } && name.EndsWith('s') ? name[..^1] : name;

    /// <summary>The schema's type, "null" only when it allows nothing else.</summary>
    public static string? TypeOf(JsonNode? schema)
    {
        var type = schema?["type"];
        if (type is JsonArray types)
            return types.Select(t => t?.GetValue<string>()).FirstOrDefault(t => t != "null") ?? "null";
        if (type is JsonValue) return type.GetValue<string>();
        if (schema?["properties"] is not null) return "object";
        return null;
    }
}
