using System.Text.Json;
using System.Text.Json.Serialization;

namespace Jtai.ServiceDefaults.Problems;

/// <summary>
/// Every string a request body carries, read once here: text PostgreSQL cannot store (a NUL
/// character) or that is not text at all (an unpaired surrogate escape) is refused while reading,
/// so the caller gets a 400 naming the field instead of a database error at commit.
/// </summary>
public sealed class StorableTextConverter : JsonConverter<string>
{
    public const string NulMessage = "contains a NUL character (\\u0000), which text cannot hold.";
    public const string SurrogateMessage = "contains an unpaired surrogate (a lone \\uD800-\\uDFFF escape), which is not text.";

    public override bool HandleNull => false;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
            throw new JsonException("must be a string.");
        string value;
        try
        {
            value = reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw new JsonException(SurrogateMessage);
        }
        if (value.Contains('\0')) throw new JsonException(NulMessage);
        return value;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
