using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace WebhookReceiver.StackExchangeRedis.Tests.Infrastructure;

/// <summary>Collects formatted log lines so tests can assert what is (and is never) logged.</summary>
internal sealed class TestLogSink : ILoggerProvider
{
    public ConcurrentQueue<(LogLevel Level, EventId Id, string Message, Exception? Exception)> Entries { get; } = new();

    public IEnumerable<string> Messages => Entries.Select(e => e.Message);

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose()
    {
    }

    private sealed class Logger(TestLogSink sink) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            => sink.Entries.Enqueue((logLevel, eventId, formatter(state, exception), exception));
    }
}
