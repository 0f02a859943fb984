using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Jtai.Calendar.Timeline;

namespace Jtai.Calendar.Frameworks;

/// <summary>
/// Every version of every framework: those shipped (embedded JSON) and those an operator adds
/// from a directory (Calendar:FrameworksDirectory). New inspections take a framework's latest
/// version; a running inspection asks for the version it pinned.
/// </summary>
public sealed partial class FrameworkCatalog
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private readonly Dictionary<string, SortedDictionary<int, Framework>> _frameworks = new(StringComparer.Ordinal);

    public FrameworkCatalog(IEnumerable<Framework> frameworks)
    {
        foreach (var framework in frameworks)
        {
            Check(framework);
            if (!_frameworks.TryGetValue(framework.Key, out var versions)) _frameworks[framework.Key] = versions = [];
            if (!versions.TryAdd(framework.Version, framework))
                throw new InvalidOperationException($"Framework '{framework.Key}' version {framework.Version} is defined twice.");
        }
    }

    /// <summary>The shipped frameworks plus every *.json in <paramref name="directory"/> (when given).</summary>
    public static FrameworkCatalog Load(string? directory = null)
    {
        var frameworks = new List<Framework>();
        var assembly = Assembly.GetExecutingAssembly();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("Jtai.Calendar.Data.Frameworks", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            frameworks.Add(Read(stream, name));
        }
        if (!string.IsNullOrWhiteSpace(directory))
        {
            if (!Directory.Exists(directory))
                throw new InvalidOperationException($"The frameworks directory '{directory}' (Calendar:FrameworksDirectory) does not exist.");
            foreach (var path in Directory.EnumerateFiles(directory, "*.json").Order(StringComparer.Ordinal))
            {
                using var stream = File.OpenRead(path);
                frameworks.Add(Read(stream, path));
            }
        }
        return new FrameworkCatalog(frameworks);
    }

    public IReadOnlyList<string> Keys => [.. _frameworks.Keys.Order(StringComparer.Ordinal)];

    public IEnumerable<Framework> All => _frameworks.Values.SelectMany(v => v.Values);

    public bool TryGetLatest(string key, out Framework framework)
    {
        framework = null!;
        if (!_frameworks.TryGetValue(key, out var versions)) return false;
        framework = versions.Values.Last();
        return true;
    }

    public Framework Latest(string key) =>
        TryGetLatest(key, out var framework) ? framework : throw new KeyNotFoundException($"There is no framework '{key}'.");

    public bool TryGet(string key, int version, out Framework framework)
    {
        framework = null!;
        return _frameworks.TryGetValue(key, out var versions) && versions.TryGetValue(version, out framework!);
    }

    public Framework Get(string key, int version) =>
        TryGet(key, version, out var framework) ? framework : throw new KeyNotFoundException($"There is no framework '{key}' version {version}.");

    private static Framework Read(Stream stream, string source)
    {
        try
        {
            return JsonSerializer.Deserialize<Framework>(stream, Json)
                ?? throw new InvalidOperationException($"The framework file {source} is empty.");
        }
        catch (JsonException ex)
        {
            throw new InvalidOperationException($"The framework file {source} is not valid: {ex.Message}", ex);
        }
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KebabCase();

    /// <summary>A framework that cannot place its milestones must stop the service at start, not misdate an inspection.</summary>
    private static void Check(Framework framework)
    {
        var where = $"framework '{framework.Key}' version {framework.Version}";
        if (string.IsNullOrWhiteSpace(framework.Key) || !KebabCase().IsMatch(framework.Key))
            throw new InvalidOperationException($"The {where} needs a kebab-case key.");
        if (framework.Version < 1) throw new InvalidOperationException($"The {where} needs a version of 1 or more.");
        var known = new HashSet<string>(StringComparer.Ordinal) { TimelineCalculator.FieldworkStartAnchor };
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rule in framework.Milestones ?? [])
        {
            if (string.IsNullOrWhiteSpace(rule.Key) || !KebabCase().IsMatch(rule.Key))
                throw new InvalidOperationException($"A milestone of the {where} has no kebab-case key.");
            if (!keys.Add(rule.Key)) throw new InvalidOperationException($"Milestone '{rule.Key}' of the {where} is defined twice.");
            if (!known.Contains(rule.From))
                throw new InvalidOperationException($"Milestone '{rule.Key}' of the {where} counts from '{rule.From}', which is neither the fieldwork start nor an earlier milestone.");
            known.Add(rule.Key);
        }
        foreach (var required in MilestoneKeys.Required)
            if (!keys.Contains(required)) throw new InvalidOperationException($"The {where} has no '{required}' milestone.");
        var registry = Registry.InspectorateRegistry.Current;
        if (framework.Inspectorates is not { Count: > 0 } || framework.Inspectorates.Any(i => !registry.IsInspectorate(i)))
            throw new InvalidOperationException($"The {where} must name the inspectorates taking part, of the registry's: {string.Join(", ", registry.Keys)}.");
        foreach (var place in framework.Team ?? [])
            if (!framework.Inspectorates.Contains(place.Inspectorate) || place.Count < 1)
                throw new InvalidOperationException($"The {where} staffs {place.Count} {place.TeamRole} of {place.Inspectorate}, which does not take part (or a count below 1).");
        foreach (var inspectorate in framework.Inspectorates)
            if ((framework.Team ?? []).Where(p => p.Inspectorate == inspectorate && p.TeamRole == "lead-inspector").Sum(p => p.Count) != 1)
                throw new InvalidOperationException($"The {where} needs exactly one lead inspector of {inspectorate}, which takes part.");
        if (!LetterForms.All.Contains(framework.LetterForm))
            throw new InvalidOperationException($"The {where} writes its letter as '{framework.LetterForm}', which is none of: {string.Join(", ", LetterForms.All)}.");
        if (!LetterResponses.All.Contains(framework.ResponseToLetter))
            throw new InvalidOperationException($"The {where} asks for '{framework.ResponseToLetter}' in answer to the letter, which is none of: {string.Join(", ", LetterResponses.All)}.");
    }
}
