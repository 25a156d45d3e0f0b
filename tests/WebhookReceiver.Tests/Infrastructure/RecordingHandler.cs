using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace WebhookReceiver.Tests.Infrastructure;

/// <summary>
/// A webhook handler that records what it receives: the deliveries, their bodies and chosen headers, read while the
/// request is still live (the body memory and the headers are not valid after the handler returns).
/// </summary>
public sealed class RecordingHandler<T>(params string[] headers)
{
    private readonly Lock _lock = new();
    private readonly List<Webhook<T>> _received = [];
    private readonly List<string> _bodies = [];
    private readonly List<IHeaderDictionary> _headers = [];

    public int Runs
    {
        get
        {
            lock (_lock)
                return _received.Count;
        }
    }

    /// <summary>The last delivery received; its payload, id, event type and timestamp stay valid.</summary>
    public Webhook<T>? Last
    {
        get
        {
            lock (_lock)
                return _received.Count == 0 ? null : _received[^1];
        }
    }

    public string? LastBody
    {
        get
        {
            lock (_lock)
                return _bodies.Count == 0 ? null : _bodies[^1];
        }
    }

    /// <summary>The recorded headers of the last delivery.</summary>
    public IHeaderDictionary LastHeaders
    {
        get
        {
            lock (_lock)
                return _headers.Count == 0 ? new HeaderDictionary() : _headers[^1];
        }
    }

    public Task HandleAsync(Webhook<T> hook, CancellationToken cancellationToken)
    {
        var copy = new HeaderDictionary();
        foreach (var name in headers)
            copy[name] = hook.Headers[name].ToString();
        lock (_lock)
        {
            _received.Add(hook);
            _bodies.Add(Encoding.UTF8.GetString(hook.Body.Span));
            _headers.Add(copy);
        }
        return Task.CompletedTask;
    }

    /// <summary>
    /// Starts a test host with a scheme of <paramref name="provider"/> and an endpoint at <paramref name="path"/> that sends
    /// <paramref name="eventType"/> (or, when null, every type) here.
    /// </summary>
    public Task<WebhookTestHost> StartHostAsync(WebhookProvider provider, string secret, string? eventType, string scheme, string path)
        => WebhookTestHost.StartAsync(
            schemes => schemes.AddScheme(scheme, provider, options => options.Secret = secret),
            app =>
            {
                var endpoint = app.MapWebhook(path, scheme);
                if (eventType is null)
                    endpoint.OnAny<T>(HandleAsync);
                else
                    endpoint.On<T>(eventType, HandleAsync);
            });
}
