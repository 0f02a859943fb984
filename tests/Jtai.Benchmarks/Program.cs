using Jtai.Benchmarks;
using Jtai.Benchmarks.Baselines;
using Jtai.Benchmarks.Scenarios;

// Run by tests/benchmarks/run.sh, which starts the platform and the baselines on their own ports:
//   kestrel <port>               the bare Kestrel endpoint
//   yarp <port> <destination>    a bare YARP in front of it
//   run [scenario ...]           gateway lists annex-a scheduling overload (default: all), one table at the end;
//                                scheduling-cpu: only the CPU per scheduling that scheduling begins with
// and by tests/benchmarks/summary-page.sh (the web's inspection summary page, on the test fixtures' platform):
//   summary-page [inspections] [requests]
Directory.SetCurrentDirectory(AppContext.BaseDirectory);
switch (args.FirstOrDefault())
{
    case "kestrel":
        await BareKestrel.Run(int.Parse(args[1]));
        return 0;
    case "yarp":
        await BareYarp.Run(int.Parse(args[1]), args[2]);
        return 0;
    case "summary-page":
        return await SummaryPageBenchmark.Run(args.Length > 1 ? int.Parse(args[1]) : 1000, args.Length > 2 ? int.Parse(args[2]) : 200);
    case "run":
        var stack = Stack.FromEnvironment();
        var scenarios = args.Length > 1 ? args[1..] : ["gateway", "lists", "annex-a", "scheduling", "overload"];
        var report = new Report();
        var loadBefore = Stack.LoadAverage();
        var started = DateTime.UtcNow;
        foreach (var scenario in scenarios)
        {
            // A scenario that fails (a loaded machine, a service down) is reported; the others still run.
            try
            {
                switch (scenario)
                {
                    case "gateway": await GatewayBenchmark.Run(stack, report); break;
                    case "lists": await ListsBenchmark.Run(stack, report); break;
                    case "annex-a": await AnnexABenchmark.Run(stack, report); break;
                    case "scheduling":
                        await SchedulingBenchmark.Cpu(stack, report, rate: SchedulingBenchmark.CpuRate);
                        await SchedulingBenchmark.Run(stack, report, rate: 50, fanOutGoal: 30, postGoal: null);
                        await SchedulingBenchmark.Run(stack, report, rate: 200, fanOutGoal: 50, postGoal: 50);
                        break;
                    case "scheduling-cpu": await SchedulingBenchmark.Cpu(stack, report, rate: SchedulingBenchmark.CpuRate); break;
                    case "overload": await OverloadBenchmark.Run(stack, report); break;
                    default: Console.Error.WriteLine($"unknown scenario '{scenario}'"); return 2;
                }
            }
            catch (Exception ex)
            {
                report.Note($"{scenario} did not finish: {ex.GetType().Name}: {ex.Message}");
            }
        }
        Console.WriteLine($"\nJTAI benchmark, {started:yyyy-MM-dd HH:mm} UTC, {stack.Runs} runs each (median shown), {stack.Duration.TotalSeconds:F0} s sustained / {stack.ShortDuration.TotalSeconds:F0} s short");
        report.Print(Console.Out, loadBefore, Stack.LoadAverage());
        return 0;
    default:
        Console.Error.WriteLine("usage: Jtai.Benchmarks kestrel <port> | yarp <port> <destination> | run [scenario ...] | summary-page [inspections] [requests]");
        return 2;
}
