using System.Collections.Concurrent;
using System.Diagnostics;

namespace Jtai.Platform.Tests.Access;

/// <summary>
/// What each service decided for a request, read off its request span (jtai.access.* tags, with the
/// request's correlation id): the services run in this process, so their spans are visible here.
/// Tells a rule's refusal (404 for a hidden inspection) from a handler's own 404 for an allowed caller.
/// </summary>
public sealed class AccessDecisions : IDisposable
{
    private readonly ActivityListener _listener;
    private readonly ConcurrentDictionary<string, TaskCompletionSource<string>> _decisions = new();

    public AccessDecisions()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = activity =>
            {
                if (activity.GetTagItem("jtai.access.decision") is string decision
                    && activity.GetTagItem("jtai.correlation_id") is string correlation)
                    Awaited(correlation).TrySetResult(decision);
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    private TaskCompletionSource<string> Awaited(string correlation) =>
        _decisions.GetOrAdd(correlation, _ => new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously));

    /// <summary>The service's decision for the request, or null when no service decided within a few seconds (the gateway answered).</summary>
    public async Task<string?> For(string correlation)
    {
        try { return await Awaited(correlation).Task.WaitAsync(TimeSpan.FromSeconds(5)); }
        catch (TimeoutException) { return null; }
        finally { _decisions.TryRemove(correlation, out _); }
    }

    public void Dispose() => _listener.Dispose();
}
