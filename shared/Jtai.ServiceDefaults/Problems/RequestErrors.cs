using System.Diagnostics.CodeAnalysis;

namespace Jtai.ServiceDefaults.Problems;

/// <summary>
/// Collects every problem with a request, keyed by the field's JSON name (or "row 12, column
/// Gender" for files), so the caller gets all of them at once in one validation problem.
/// </summary>
public sealed class RequestErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public RequestErrors Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        list.Add(message);
        return this;
    }

    public bool Required([NotNullWhen(true)] string? value, string field)
    {
        if (!string.IsNullOrWhiteSpace(value)) return true;
        Add(field, $"'{field}' is required.");
        return false;
    }

    public bool Required<T>([NotNullWhen(true)] T? value, string field) where T : struct
    {
        if (value.HasValue) return true;
        Add(field, $"'{field}' is required.");
        return false;
    }

    public bool MaxLength(string? value, int max, string field)
    {
        if (value is null || value.Length <= max) return true;
        Add(field, $"'{field}' must be at most {max} characters.");
        return false;
    }

    public bool OneOf(string? value, IEnumerable<string> allowed, string field)
    {
        var options = allowed.ToList();
        if (value is not null && options.Contains(value, StringComparer.Ordinal)) return true;
        Add(field, $"'{field}' must be one of: {string.Join(", ", options)}.");
        return false;
    }

    public IDictionary<string, string[]> ToDictionary() =>
        _errors.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
}
