namespace Jtai.Testing.FaultSuite;

/// <summary>A fault the suite injects while flows run, and how it is lifted.</summary>
public abstract record Fault(string Name)
{
    /// <summary>Injects the fault; returns once it is lifted (the part is back and ready).</summary>
    public abstract Task Apply(FaultTargets targets, TextWriter log);

    /// <summary>kill -9 of one process; started again after <paramref name="Down"/> (unless <paramref name="Restart"/> is false: the others carry on alone).</summary>
    public sealed record Kill(string Instance, TimeSpan Down, bool Restart = true) : Fault(Restart ? $"kill -9 {Instance}" : $"kill -9 {Instance} (stays down)")
    {
        public override async Task Apply(FaultTargets targets, TextWriter log)
        {
            await targets.Platform.Kill(Instance);
            if (!Restart) return;
            await Task.Delay(Down);
            await targets.Platform.Restart(Instance);
        }
    }

    /// <summary>The broker's application stops (rabbitmqctl stop_app) for <paramref name="Down"/>, then starts.</summary>
    public sealed record BrokerAppStop(TimeSpan Down, int Node = 0) : Fault($"broker app stop {Down.TotalSeconds:0} s")
    {
        public override async Task Apply(FaultTargets targets, TextWriter log)
        {
            var node = targets.Broker.Nodes[Node];
            await targets.Broker.StopApp(node);
            await Task.Delay(Down);
            await targets.Broker.StartApp(node);
        }
    }

    /// <summary>The whole broker node stops (rabbitmqctl stop) and is started again: a full restart.</summary>
    public sealed record BrokerRestart(int Node = 0) : Fault(Node == 0 ? "broker full restart" : $"broker node {Node + 1} full restart")
    {
        public override async Task Apply(FaultTargets targets, TextWriter log)
        {
            var node = targets.Broker.Nodes[Node];
            await targets.Broker.Stop(node);
            await targets.Broker.Start(node);
        }
    }

    /// <summary>One node of a cluster stops for <paramref name="Down"/>; the others carry the queues (quorum queues).</summary>
    public sealed record BrokerNodeLoss(int Node, TimeSpan Down) : Fault($"broker node {Node + 1} of 3 down {Down.TotalSeconds:0} s")
    {
        public override async Task Apply(FaultTargets targets, TextWriter log)
        {
            var node = targets.Broker.Nodes[Node];
            await targets.Broker.Stop(node);
            await Task.Delay(Down);
            await targets.Broker.Start(node);
        }
    }

    /// <summary>PostgreSQL restarts (fast: sessions ended, open transactions rolled back).</summary>
    public sealed record DatabaseRestart() : Fault("PostgreSQL restart")
    {
        public override Task Apply(FaultTargets targets, TextWriter log) => targets.Database.Restart();
    }
}

public sealed record FaultTargets(SuitePlatform Platform, PrivateBroker Broker, PrivateDatabase Database);
