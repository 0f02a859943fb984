using System.Text;
using Jtai.Testing.FaultSuite;
using Xunit;
using Xunit.Abstractions;

namespace Jtai.Platform.Tests.Faults;

/// <summary>
/// The fault suite's CI slice (the full run is tests/faults.sh): flows through the gateway while a
/// service is killed (-9) and started again and the broker's application is stopped and started, on a
/// private RabbitMQ node and PostgreSQL cluster the suite runs itself (the shared ones are never
/// touched). Every flow the platform accepted is delivered to all four services once, nothing is left
/// in an _error queue, in an outbox or parked, and no flow had to be given up by its client.
/// </summary>
public sealed class FaultSuiteTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Through_a_service_kill_and_a_broker_stop_every_accepted_flow_is_delivered_everywhere_once()
    {
        using var bound = new CancellationTokenSource(TimeSpan.FromMinutes(15));
        var result = await FaultSuiteRun.Run(new FaultSuiteOptions
        {
            Flows = 100,
            FlowsPerSecond = 3,
            Faults = [new Fault.Kill("ofsted", TimeSpan.FromSeconds(3)), new Fault.BrokerAppStop(TimeSpan.FromSeconds(8))],
            // Generous: on a loaded machine a restart alone can take minutes.
            StepBudget = TimeSpan.FromMinutes(4),
            Settle = TimeSpan.FromMinutes(5),
        }, new OutputWriter(output), bound.Token);

        var results = Path.Combine(Testing.ProcessPlatform.RepositoryRoot(), "TestResults");
        Directory.CreateDirectory(results);
        await File.WriteAllTextAsync(Path.Combine(results, "fault-suite-ci.md"), result.Table);
        Assert.True(result.Total.Flows >= 100, result.Table);
        Assert.Equal(result.Total.Flows, result.Total.Accepted);
        Assert.True(result.Clean, result.Table);
        // Both faults met flows in flight, and the platform came back from each by itself.
        Assert.All(result.Rows.Skip(1), row =>
        {
            Assert.True(row.Flows > 0, $"no flow started while {row.Phase}\n{result.Table}");
            Assert.True(row.RecoveredIn is { } s && !double.IsNaN(s), $"{row.Phase} did not recover\n{result.Table}");
        });
    }

    private sealed class OutputWriter(ITestOutputHelper output) : TextWriter
    {
        private readonly StringBuilder _line = new();
        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value)
        {
            lock (_line)
            {
                if (value == '\n') { output.WriteLine(_line.ToString()); _line.Clear(); }
                else _line.Append(value);
            }
        }

        public override void WriteLine(string? value)
        {
            lock (_line) output.WriteLine(_line + (value ?? ""));
            lock (_line) _line.Clear();
        }
    }
}
