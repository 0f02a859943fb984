using MassTransit;

namespace Jtai.Orchestrator.Timeline;

public static class TimelineSetup
{
    /// <summary>
    /// The orchestrator hears its own deadlines back through the broker to record them reached, and the
    /// inspectorates' evidence completeness to meet evidence-complete.
    /// </summary>
    public static void AddTimelineConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<DeadlineReachedConsumer>();
        bus.AddConsumer<Evidence.EvidenceCompletenessChangedConsumer>();
    }
}
