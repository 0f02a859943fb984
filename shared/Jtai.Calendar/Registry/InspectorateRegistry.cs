using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Jtai.Calendar.Registry;

/// <summary>
/// One inspectorate of the programme: its names as people read them, its service (project folder and REST port; gRPC is
/// the next port) and the partner agencies whose priority actions it follows up with its own process.
/// </summary>
public sealed record InspectorateEntry(
    string Key,
    string Name,
    string FullName,
    string LetterName,
    string Project,
    int Port,
    IReadOnlyList<string> FollowsUp,
    string FollowUp,
    string PartnerApi)
{
    /// <summary>The service's assembly (and root namespace): the project folder's last part, e.g. Jtai.Hmicfrs.</summary>
    public string Assembly => Project[(Project.LastIndexOf('/') + 1)..];
}

/// <summary>A partner agency of a local area; <see cref="InLetter"/> is how the letter names it in a sentence.</summary>
public sealed record AgencyEntry(string Key, string Name, string InLetter);

/// <summary>
/// The inspectorates of the JTAI programme and the partner agencies they inspect, read from shared/inspectorates.json,
/// the one list the scripts, docker-compose (generated from it), the gateway, the services and the test platform share.
/// Adding an inspectorate is an entry there and its service; which inspectorates take part in an inspection stays the
/// framework version's.
/// </summary>
public sealed partial class InspectorateRegistry
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private static readonly Lazy<InspectorateRegistry> Shipped = new(Load);

    /// <summary>The registry shipped with the platform (shared/inspectorates.json, embedded).</summary>
    public static InspectorateRegistry Current => Shipped.Value;

    private sealed record File(IReadOnlyList<InspectorateEntry>? Inspectorates, IReadOnlyList<AgencyEntry>? Agencies);

    public InspectorateRegistry(IReadOnlyList<InspectorateEntry> inspectorates, IReadOnlyList<AgencyEntry> agencies)
    {
        Check(inspectorates, agencies);
        Inspectorates = inspectorates;
        Agencies = agencies;
        Keys = [.. inspectorates.Select(i => i.Key)];
        AgencyKeys = [.. agencies.Select(a => a.Key)];
    }

    public IReadOnlyList<InspectorateEntry> Inspectorates { get; }
    public IReadOnlyList<AgencyEntry> Agencies { get; }
    /// <summary>The inspectorates' keys, in the registry's order (the order letters and lists show them in).</summary>
    public IReadOnlyList<string> Keys { get; }
    public IReadOnlyList<string> AgencyKeys { get; }

    public bool IsInspectorate(string? key) => key is not null && Keys.Contains(key);

    public InspectorateEntry Inspectorate(string key) =>
        Inspectorates.FirstOrDefault(i => i.Key == key) ?? throw new KeyNotFoundException($"There is no inspectorate '{key}'.");

    public AgencyEntry? Agency(string key) => Agencies.FirstOrDefault(a => a.Key == key);

    /// <summary>Every inspectorate that follows up the agency's priority actions (Annex B), in the registry's order.</summary>
    public IReadOnlyList<string> FollowingUp(string agency) =>
        [.. Inspectorates.Where(i => i.FollowsUp.Contains(agency)).Select(i => i.Key)];

    public static InspectorateRegistry Read(Stream stream, string source)
    {
        try
        {
            var file = JsonSerializer.Deserialize<File>(stream, Json) ?? throw new InvalidOperationException($"The registry {source} is empty.");
            return new InspectorateRegistry(file.Inspectorates ?? [], file.Agencies ?? []);
        }
        catch (JsonException ex)
        {
            throw new InvalidOperationException($"The registry of inspectorates {source} is not valid: {ex.Message}", ex);
        }
    }

    private static InspectorateRegistry Load()
    {
        const string name = "Jtai.Calendar.Data.inspectorates.json";
        using var stream = typeof(InspectorateRegistry).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The registry of inspectorates ({name}) is not embedded.");
        return Read(stream, "shared/inspectorates.json");
    }

    [GeneratedRegex("^[a-z]+$")]
    private static partial Regex InspectorateKey();

    [GeneratedRegex("^[a-z]+(-[a-z]+)*$")]
    private static partial Regex AgencyKey();

    /// <summary>A registry that would name a database or route twice, or follow up an agency nobody knows, stops every process at start.</summary>
    private static void Check(IReadOnlyList<InspectorateEntry> inspectorates, IReadOnlyList<AgencyEntry> agencies)
    {
        if (inspectorates.Count == 0) throw new InvalidOperationException("The registry names no inspectorate.");
        foreach (var agency in agencies)
            if (string.IsNullOrWhiteSpace(agency.Key) || !AgencyKey().IsMatch(agency.Key) || string.IsNullOrWhiteSpace(agency.Name) || string.IsNullOrWhiteSpace(agency.InLetter))
                throw new InvalidOperationException($"Agency '{agency.Key}' of the registry needs a kebab-case key, a name and how the letter names it.");
        if (agencies.Select(a => a.Key).Distinct().Count() != agencies.Count) throw new InvalidOperationException("The registry names an agency twice.");
        foreach (var i in inspectorates)
        {
            if (string.IsNullOrWhiteSpace(i.Key) || !InspectorateKey().IsMatch(i.Key))
                throw new InvalidOperationException($"Inspectorate '{i.Key}' of the registry needs a key of lower-case letters (it names its database, roles and queues).");
            if (string.IsNullOrWhiteSpace(i.Name) || string.IsNullOrWhiteSpace(i.FullName) || string.IsNullOrWhiteSpace(i.LetterName))
                throw new InvalidOperationException($"Inspectorate '{i.Key}' of the registry needs its name, full name and letter name.");
            if (string.IsNullOrWhiteSpace(i.Project) || !i.Project.StartsWith("services/", StringComparison.Ordinal) || i.Port is < 1024 or > 65534)
                throw new InvalidOperationException($"Inspectorate '{i.Key}' of the registry needs its project under services/ and a port.");
            if (string.IsNullOrWhiteSpace(i.FollowUp) || i.FollowsUp is null || i.FollowsUp.Any(a => agencies.All(x => x.Key != a)))
                throw new InvalidOperationException($"Inspectorate '{i.Key}' of the registry needs its follow-up process and follows up only agencies the registry names.");
        }
        if (inspectorates.Select(i => i.Key).Distinct().Count() != inspectorates.Count) throw new InvalidOperationException("The registry names an inspectorate twice.");
        var ports = inspectorates.SelectMany(i => new[] { i.Port, i.Port + 1 }).ToList();
        if (ports.Distinct().Count() != ports.Count) throw new InvalidOperationException("Two inspectorates of the registry share a port.");
    }
}
