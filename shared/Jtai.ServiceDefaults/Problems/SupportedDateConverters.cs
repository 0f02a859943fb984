using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Jtai.Calendar.WorkingDays;

namespace Jtai.ServiceDefaults.Problems;

/// <summary>
/// Dates in request bodies, read once here: ISO 8601 as before, and within
/// <see cref="SupportedDates"/>, else a 400 naming the field (a fieldwork start in 9999 or a
/// deadline from 0001-01-01 would otherwise overflow the calendar deep inside a handler).
/// </summary>
public sealed class SupportedDateOnlyConverter : JsonConverter<DateOnly>
{
    public override DateOnly Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String
            || !DateOnly.TryParseExact(reader.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            throw new JsonException("must be a date (yyyy-mm-dd).");
        if (!SupportedDates.Contains(date)) throw new JsonException($"must be a date {SupportedDates.Range}.");
        return date;
    }

    public override void Write(Utf8JsonWriter writer, DateOnly value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
}

public sealed class SupportedDateTimeOffsetConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String || !reader.TryGetDateTimeOffset(out var instant))
            throw new JsonException("must be a date and time with its offset (yyyy-mm-ddThh:mm:ss+hh:mm).");
        if (!SupportedDates.Contains(instant)) throw new JsonException($"must be a date and time {SupportedDates.Range}.");
        return instant;
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
