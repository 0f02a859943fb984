using System.Globalization;
using Jtai.Testing.FaultSuite;

// tests/faults.sh [--flows N] [--rate R] [--replicas N] [--broker-nodes 1|3] [--out FILE]
var arguments = args.Select((a, i) => (a, i)).Where(x => x.a.StartsWith("--", StringComparison.Ordinal))
    .ToDictionary(x => x.a[2..], x => x.i + 1 < args.Length && !args[x.i + 1].StartsWith("--", StringComparison.Ordinal) ? args[x.i + 1] : "true");
string Arg(string name, string fallback) => arguments.TryGetValue(name, out var v) ? v : fallback;

var replicas = int.Parse(Arg("replicas", "1"), CultureInfo.InvariantCulture);
var nodes = int.Parse(Arg("broker-nodes", "1"), CultureInfo.InvariantCulture);
var options = new FaultSuiteOptions
{
    Flows = int.Parse(Arg("flows", "1000"), CultureInfo.InvariantCulture),
    FlowsPerSecond = double.Parse(Arg("rate", "5"), CultureInfo.InvariantCulture),
    Replicas = replicas,
    BrokerNodes = nodes,
    QuorumQueues = nodes > 1 || Arg("quorum", "false") == "true",
    Faults = nodes > 1 ? FaultSuiteOptions.ClusterFaults(replicas) : FaultSuiteOptions.Every(replicas),
};
// Ctrl-C or the script's time bound: stop driving, then stop and remove the private broker, database and processes.
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
var result = await FaultSuiteRun.Run(options, Console.Out, stop.Token);
if (arguments.TryGetValue("out", out var file)) await File.WriteAllTextAsync(file, result.Table);
Console.WriteLine(result.Clean ? "CLEAN: nothing lost, nothing twice, nothing in _error, no flow given up" : "NOT CLEAN: see the table");
return result.Clean ? 0 : 1;
