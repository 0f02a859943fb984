using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Jtai.Testing.Fuzzing;

/// <summary>One way to break a request: its kind, what it aims at, and the change.</summary>
public sealed record Mutation(string Kind, string Target, Action<FuzzRequest, Random> Apply);

/// <summary>
/// The malformed requests the fuzz makes of a route: broken JSON, wrong types, huge and deep
/// bodies, NUL and unpaired surrogates, bad GUIDs and dates at the calendar's edges, traversal in
/// ids and file names, wrong content types, and the same for every path and query parameter.
/// </summary>
public static class Mutations
{
    public const int OverGatewayLimit = 1_100_000;          // the gateway's 1 MB routes
    public static readonly int[] OversizedUploads = [26 * 1024 * 1024 + 1, 33 * 1024 * 1024];   // over the document limit; over the exchange route's 32 MB

    private static readonly string[] BadDates = ["0001-01-01", "9999-12-31", "2027-02-30", "10000-01-01", "27-6-1", "2027-13-01", "-0001-01-01", "2027-06-01T25:00:00", ""];
    private static readonly string[] EdgeInstants = ["0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "9999-12-31T23:59:59-12:00", "0001-01-01T00:00:00+14:00", "2027-06-01T10:00:00+01:00", "2027-03-28T01:30:00+00:00"];
    private static readonly string[] BadGuids = ["not-a-guid", "00000000-0000-0000-0000-00000000000g", "{00000000-0000-0000-0000-000000000000}", "00000000-0000-0000-0000-000000000000", "1"];
    private static readonly string[] Traversals = ["../../../../etc/passwd", "..\\..\\..\\windows\\win.ini", "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "/etc/passwd", "....//....//etc/passwd"];
    private static readonly string[] RawWrongTypes = ["1", "-1", "1e400", "9223372036854775808", "true", "{}", "[]", "null", "\"\"", "{\"a\":1}", "[1,[2]]"];
    private static readonly string[] RawStrings =
    [
        "\"a\\u0000b\"", "\"\\u0000\"", "\"x\\ud800y\"", "\"\\udc00\"", "\"\\ud800\\ud800\"", "\"\\u0001\\u001f\\u007f\"",
        "\"\\ufeff\\u200b\"", "\"\\uffff\"", "\"<script>alert(1)</script>\"", "\"'; DROP TABLE outbox_messages; --\"",
    ];

    private static readonly string[] BadPathValues =
    [
        "not-a-guid", "%00", "a%00b", "%C3%28", "%ED%A0%80", "%FF", "..%2F..%2Fetc%2Fpasswd", "%2e%2e", "%252e%252e%252f",
        "-1", "0", "99999999999999999999", "1.5", "%20", "%0D%0ASet-Cookie:x=1", "00000000-0000-0000-0000-000000000000",
    ];

    public static List<Mutation> For(FuzzRoute route, FuzzRequest example)
    {
        var list = new List<Mutation>();
        foreach (var p in route.Parameters.Where(p => p.In == "path"))
        {
            foreach (var bad in BadPathValues) list.Add(new("path", $"{p.Name}={bad}", (r, _) => r.PathValues[p.Name] = bad));
            list.Add(new("path-huge", p.Name, (r, _) => r.PathValues[p.Name] = new string('a', 5000)));
            foreach (var t in Traversals) list.Add(new("path-traversal", p.Name, (r, _) => r.PathValues[p.Name] = Uri.EscapeDataString(t)));
            list.Add(new("path-unknown-id", p.Name, (r, _) => r.PathValues[p.Name] = Guid.NewGuid().ToString()));
        }
        foreach (var p in route.Parameters.Where(p => p.In == "query"))
        {
            foreach (var bad in BadPathValues.Concat(BadDates).Concat(EdgeInstants.Select(Uri.EscapeDataString)))
                list.Add(new("query", $"{p.Name}={bad}", (r, _) => SetQuery(r, p.Name, bad)));
            list.Add(new("query-huge", p.Name, (r, _) => SetQuery(r, p.Name, new string('9', 5000))));
            list.Add(new("query-repeated", p.Name, (r, _) => { r.Query.Add((p.Name, "1")); r.Query.Add((p.Name, "2")); }));
        }
        list.Add(new("auth-none", "", (r, _) => r.Token = null));
        list.Add(new("auth-garbage", "", (r, _) => r.Token = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0."));

        if (route.JsonBody is not null) JsonMutations(list, example);
        else if (route.FormBody || route.Method != "DELETE") FormMutations(list, route);
        else list.Add(new("body-on-delete", "", (r, _) => { r.Json = null; r.Body = Encoding.UTF8.GetBytes("{\"x\":\"\\u0000\"}"); }));
        return list;
    }

    private static void SetQuery(FuzzRequest r, string name, string value)
    {
        r.Query.RemoveAll(q => q.Name == name);
        r.Query.Add((name, value));
    }

    private static void JsonMutations(List<Mutation> list, FuzzRequest example)
    {
        foreach (var (kind, text) in new (string, string)[]
                 {
                     ("json-truncated", "{\"a\":"), ("json-trailing-comma", "{\"a\":1,}"), ("json-single-quotes", "{'a':'b'}"),
                     ("json-not-json", "hello"), ("json-empty", ""), ("json-null", "null"), ("json-array-root", "[]"),
                     ("json-string-root", "\"x\""), ("json-number-root", "42"), ("json-comment", "{/*x*/}"),
                     ("json-deep", new string('[', 5000) + new string(']', 5000)), ("json-deep-objects", string.Concat(Enumerable.Repeat("{\"a\":", 3000)) + "1" + new string('}', 3000)),
                     ("json-lone-surrogate-key", "{\"\\ud800\":1}"), ("json-nul-key", "{\"\\u0000\":1}"),
                 })
            list.Add(new(kind, "", (r, _) => { r.Json = null; r.Body = Encoding.UTF8.GetBytes(text); }));
        list.Add(new("json-invalid-utf8", "", (r, _) => r.Body = [.. "{\"text\":\""u8, 0xC3, 0x28, 0xFF, .. "\"}"u8]));
        list.Add(new("json-utf16", "", (r, _) => r.Body = Encoding.Unicode.GetBytes(r.Json?.ToJsonString() ?? "{}")));
        list.Add(new("json-duplicate-keys", "", (r, _) => r.Body = Encoding.UTF8.GetBytes((r.Json?.ToJsonString() ?? "{}").TrimEnd('}') + ",\"text\":1,\"text\":\"\\u0000\"}")));
        list.Add(new("json-unknown-fields", "", (r, _) => { if (r.Json is JsonObject o) o["$type"] = "System.IO.FileInfo"; }));
        list.Add(new("json-over-gateway-limit", "", (r, _) => { r.Direct = false; r.Body = Encoding.UTF8.GetBytes($"{{\"text\":\"{new string('x', OverGatewayLimit)}\"}}"); }));
        list.Add(new("json-huge-array", "", (r, _) => r.Body = Encoding.UTF8.GetBytes("[" + string.Join(',', Enumerable.Repeat("\"x\"", 100_000)) + "]")));
        foreach (var (type, charset) in new[] { ("text/plain", ""), ("application/xml", ""), ("application/x-www-form-urlencoded", ""), ("multipart/form-data; boundary=x", ""), ("application/json", "; charset=latin1"), ("application/json", "; charset=utf-7"), ("", "") })
            list.Add(new("content-type", type + charset, (r, _) => r.ContentType = type.Length == 0 ? null : type + charset));

        foreach (var leaf in Leaves(example.Json, "$"))
        {
            var l = leaf;
            foreach (var raw in RawWrongTypes.Concat(RawStrings))
                list.Add(new("field", $"{l.Path}={raw}", (r, _) => Set(r, l.Path, r.Placeholder(raw))));
            list.Add(new("field-huge-string", l.Path, (r, _) => Set(r, l.Path, new string('x', 100_000))));
            list.Add(new("field-deep", l.Path, (r, _) => Set(r, l.Path, r.Placeholder(new string('[', 1000) + new string(']', 1000)))));
            list.Add(new("field-huge-array", l.Path, (r, _) => Set(r, l.Path, r.Placeholder("[" + string.Join(',', Enumerable.Repeat("\"x\"", 20_000)) + "]"))));
            list.Add(new("field-missing", l.Path, (r, _) => Remove(r, l.Path)));
            foreach (var v in BadGuids.Concat(BadDates).Concat(EdgeInstants).Concat(Traversals))
                list.Add(new("field-value", $"{l.Path}={v}", (r, _) => Set(r, l.Path, v)));
            list.Add(new("field-huge-number", l.Path, (r, _) => Set(r, l.Path, r.Placeholder("1" + new string('0', 400)))));
        }
    }

    private static void FormMutations(List<Mutation> list, FuzzRoute route)
    {
        var names = new[]
        {
            new string('a', 300) + ".csv", new string('\u00e9', 200) + ".pdf", "../../../../etc/passwd.csv", "..\\..\\boot.ini.csv", "a\0b.csv", "\0",
            "x\ud800.csv", "report.exe", "report", ".csv", "CON.csv", "a/b/c.pdf", "%00.csv", "", " .csv", "file.csv\r\nX-Injected: 1",
        };
        foreach (var n in names) list.Add(new("form-file-name", Printable(n), (r, _) => Multipart(r, n, "child id,gender\nC1,F\n"u8.ToArray())));
        list.Add(new("form-empty-file", "", (r, _) => Multipart(r, "list.csv", [])));
        list.Add(new("form-magic-mismatch", "", (r, _) => Multipart(r, "report.pdf", "not a pdf"u8.ToArray())));
        list.Add(new("form-binary-csv", "", (r, _) => Multipart(r, "list.csv", [0, 0, 0xFF, 0xFE, 0xC3, 0x28, 0, 1])));
        list.Add(new("form-nul-csv", "", (r, _) => Multipart(r, "list.csv", "Child ID,Gender\nC\u00001,F\n"u8.ToArray())));
        list.Add(new("form-no-file", "", (r, _) => Multipart(r, null, [])));
        list.Add(new("form-two-files", "", (r, _) => { Multipart(r, "a.csv", "x"u8.ToArray()); r.Body = [.. r.Body![..^("--fuzz--\r\n".Length)], .. Part("b.csv", "y"u8.ToArray()), .. "--fuzz--\r\n"u8]; }));
        list.Add(new("form-broken-boundary", "", (r, _) => { Multipart(r, "a.csv", "x"u8.ToArray()); r.ContentType = "multipart/form-data; boundary=other"; }));
        list.Add(new("form-no-boundary", "", (r, _) => { Multipart(r, "a.csv", "x"u8.ToArray()); r.ContentType = "multipart/form-data"; }));
        list.Add(new("form-unterminated", "", (r, _) => { Multipart(r, "a.csv", "x"u8.ToArray()); r.Body = r.Body![..^12]; }));
        list.Add(new("form-as-json", "", (r, _) => { r.Json = null; r.Body = "{\"file\":\"x\"}"u8.ToArray(); r.ContentType = "application/json"; }));
        list.Add(new("form-urlencoded", "", (r, _) => { r.Json = null; r.Body = "file=%00&name=..%2F..%2F"u8.ToArray(); r.ContentType = "application/x-www-form-urlencoded"; }));
        if (route.FormBody) list.Add(new("form-oversized", "", (r, _) => Multipart(r, "big.pdf", [])));
    }

    /// <summary>A multipart body written byte by byte, so file names can hold what a client library would refuse to send.</summary>
    public static void Multipart(FuzzRequest r, string? fileName, byte[] content)
    {
        r.Json = null;
        r.ContentType = "multipart/form-data; boundary=fuzz";
        r.Body = fileName is null
            ? [.. "--fuzz\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nno file\r\n--fuzz--\r\n"u8]
            : [.. Part(fileName, content), .. "--fuzz--\r\n"u8];
    }

    private static byte[] Part(string fileName, byte[] content) =>
        [.. Encoding.UTF8.GetBytes($"--fuzz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{fileName}\"\r\nContent-Type: application/octet-stream\r\n\r\n"), .. content, .. "\r\n"u8];

    private static string Printable(string s) => new(s.Take(40).Select(c => char.IsControl(c) || char.IsSurrogate(c) ? '?' : c).ToArray());

    public sealed record Leaf(string Path);

    /// <summary>Every value in the example body, as a JSON path: $.on, $.attendees[0], $.people[0].name.</summary>
    public static IEnumerable<Leaf> Leaves(JsonNode? node, string path)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    yield return new Leaf($"{path}.{key}");
                    if (value is JsonObject or JsonArray) foreach (var leaf in Leaves(value, $"{path}.{key}")) yield return leaf;
                }
                break;
            case JsonArray { Count: > 0 } array:
                yield return new Leaf($"{path}[0]");
                foreach (var leaf in Leaves(array[0], $"{path}[0]")) yield return leaf;
                break;
        }
    }

    private static void Set(FuzzRequest r, string path, JsonNode? value)
    {
        var (parent, key, index) = Locate(r.Json, path);
        if (parent is JsonObject o && key is not null) o[key] = value;
        else if (parent is JsonArray a && index is { } i && i < a.Count) a[i] = value;
    }

    private static void Remove(FuzzRequest r, string path)
    {
        var (parent, key, index) = Locate(r.Json, path);
        if (parent is JsonObject o && key is not null) o.Remove(key);
        else if (parent is JsonArray a && index is { } i && i < a.Count) a.RemoveAt(i);
    }

    private static (JsonNode? Parent, string? Key, int? Index) Locate(JsonNode? root, string path)
    {
        var steps = new List<object>();
        foreach (var part in path[1..].Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var bracket = part.IndexOf('[');
            if (bracket < 0) { steps.Add(part); continue; }
            if (bracket > 0) steps.Add(part[..bracket]);
            foreach (var i in part[bracket..].Split('[', StringSplitOptions.RemoveEmptyEntries)) steps.Add(int.Parse(i.TrimEnd(']'), CultureInfo.InvariantCulture));
        }
        if (steps.Count == 0) return (null, null, null);
        var node = root;
        foreach (var step in steps[..^1])
            node = step is string k ? (node as JsonObject)?[k] : (node as JsonArray) is { } arr && (int)step < arr.Count ? arr[(int)step] : null;
        return steps[^1] is string last ? (node, last, null) : (node, null, (int)steps[^1]);
    }
}
