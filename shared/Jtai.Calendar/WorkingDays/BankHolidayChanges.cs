using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Jtai.Calendar.WorkingDays;

/// <summary>
/// Reads the one-off changes: those shipped with the platform (embedded) and an operator's file,
/// which extends them so a new proclamation needs no release.
/// </summary>
public static class BankHolidayChanges
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>The changes shipped with this release.</summary>
    public static IReadOnlyList<BankHolidayChange> Shipped()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Jtai.Calendar.Data.bank-holiday-changes.json")
            ?? throw new InvalidOperationException("The shipped bank holiday changes are missing from Jtai.Calendar.");
        return Read(stream, "shipped bank-holiday-changes.json");
    }

    /// <summary>Reads an operator's file; a missing or malformed file stops the service at start, rather than miscounting deadlines.</summary>
    public static IReadOnlyList<BankHolidayChange> FromFile(string path)
    {
        if (!File.Exists(path))
            throw new InvalidOperationException($"The bank holiday changes file '{path}' (Calendar:BankHolidayChangesFile) does not exist.");
        using var stream = File.OpenRead(path);
        return Read(stream, path);
    }

    public static IReadOnlyList<BankHolidayChange> Read(Stream stream, string source)
    {
        ChangesFile? file;
        try
        {
            file = JsonSerializer.Deserialize<ChangesFile>(stream, Json);
        }
        catch (JsonException ex)
        {
            throw new InvalidOperationException($"The bank holiday changes in {source} are not valid JSON: {ex.Message}", ex);
        }
        var changes = file?.Changes ?? [];
        for (var i = 0; i < changes.Count; i++)
        {
            var change = changes[i];
            if (change.Date is null && change.Replaces is null)
                throw new InvalidOperationException($"Change {i + 1} in {source} has neither 'date' nor 'replaces'.");
            if (string.IsNullOrWhiteSpace(change.Name))
                throw new InvalidOperationException($"Change {i + 1} in {source} has no 'name'.");
        }
        return changes;
    }

    private sealed record ChangesFile([property: JsonPropertyName("changes")] List<BankHolidayChange>? Changes);
}
