using System.Text.Json;
using Jtai.ServiceDefaults.Problems;

namespace Jtai.Inspectorate.FollowUp;

/// <summary>What the shared follow-up code needs to know of a service's own lifecycle.</summary>
public interface ILifecycle
{
    /// <summary>How the inspectorate follows up: ilacs-action-plan, management-review, force-monitoring.</summary>
    string Process { get; }
    string InitialState { get; }
    /// <summary>The steps allowed from a state, in the order they were declared.</summary>
    IReadOnlyList<string> StepsFrom(string state);
}

/// <summary>
/// An explicit state machine for one inspectorate's follow-up: each step names the states it may
/// be taken from and the state it leads to. Anything else is a domain rule broken (409), so an
/// action plan cannot be accepted before it is received, nor a force disengaged before it is engaged.
/// States are stored and published as kebab-case strings, so the shared tables need not know the enum.
/// </summary>
public sealed class Lifecycle<TState>(string process, TState initial) : ILifecycle where TState : struct, Enum
{
    private readonly List<(string Step, TState[] From, TState To)> _steps = [];

    public string Process { get; } = process;
    public TState Initial { get; } = initial;
    public string InitialState => Name(Initial);

    public Lifecycle<TState> Allow(string step, TState to, params TState[] from)
    {
        if (from.Length == 0) throw new ArgumentException("A step must be allowed from at least one state.", nameof(from));
        _steps.Add((step, from, to));
        return this;
    }

    /// <summary>The state a step leads to from <paramref name="current"/>, or the rule it breaks.</summary>
    public TState Next(TState current, string step)
    {
        var known = _steps.Where(s => s.Step == step).ToList();
        if (known.Count == 0) throw new InvalidOperationException($"{Process} has no step '{step}'.");
        var move = known.FirstOrDefault(s => s.From.Contains(current));
        if (move.Step is null)
        {
            var from = string.Join(", ", known.SelectMany(s => s.From).Distinct().Select(Name));
            throw new DomainRuleException("follow-up-transition",
                $"'{step}' is not allowed while the follow-up is {Name(current)}; it is allowed from: {from}.");
        }
        return move.To;
    }

    public bool Allows(TState current, string step) => _steps.Any(s => s.Step == step && s.From.Contains(current));

    public IReadOnlyList<string> StepsFrom(string state) =>
        _steps.Where(s => s.From.Contains(Parse(state))).Select(s => s.Step).Distinct().ToList();

    public static string Name(TState state) => JsonNamingPolicy.KebabCaseLower.ConvertName(state.ToString());

    public static TState Parse(string state) =>
        Enum.GetValues<TState>().FirstOrDefault(s => Name(s) == state) is var parsed && Name(parsed) == state
            ? parsed
            : throw new InvalidOperationException($"'{state}' is not a state of {typeof(TState).Name}.");
}
