using Microsoft.Extensions.Logging;

namespace Jtai.Testing;

/// <summary>Every log line of Warning and above that any process of the platform wrote, with the process's name.</summary>
public sealed class LogCollector
{
    public sealed record Entry(string Process, string Category, LogLevel Level, string Message);

    private readonly List<Entry> _entries = [];
    private readonly Lock _lock = new();

    public IReadOnlyList<Entry> Snapshot()
    {
        lock (_lock) return _entries.ToList();
    }

    internal void Add(Entry entry)
    {
        lock (_lock) _entries.Add(entry);
    }

    internal ILoggerProvider ProviderFor(string process) => new Provider(this, process);

    private sealed class Provider(LogCollector collector, string process) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(collector, process, categoryName);
        public void Dispose() { }
    }

    private sealed class Logger(LogCollector collector, string process, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel)) collector.Add(new Entry(process, category, logLevel, formatter(state, exception)));
        }
    }
}
