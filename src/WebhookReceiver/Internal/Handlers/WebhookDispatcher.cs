using System.Collections.Frozen;

namespace WebhookReceiver.Internal;

/// <summary>Picks the handler of an endpoint by event type; a catch-all handler takes every type without its own.</summary>
internal sealed class WebhookDispatcher(string name = "This webhook endpoint")
{
    private readonly Dictionary<string, WebhookHandlerRegistration> _byEventType = new(StringComparer.Ordinal);
    private FrozenDictionary<string, WebhookHandlerRegistration>? _frozen;
    private WebhookHandlerRegistration? _catchAll;


    public void Add(string? eventType, WebhookHandlerRegistration handler)
    {
        if (_frozen is not null)
            throw new InvalidOperationException("Webhook handlers must be added before the application starts handling requests.");
        if (eventType is null)
        {
            if (_catchAll is not null)
                throw new InvalidOperationException(
                    $"{name} has two handlers for every event type: {_catchAll.Description} and {handler.Description}.");
            _catchAll = handler;
        }
        else if (!_byEventType.TryAdd(eventType, handler))
        {
            throw new InvalidOperationException(
                $"{name} has two handlers for event type '{eventType}': {_byEventType[eventType].Description} and {handler.Description}.");
        }
    }

    /// <summary>Every handler of the endpoint.</summary>
    public IEnumerable<WebhookHandlerRegistration> Handlers => _catchAll is null ? _byEventType.Values : _byEventType.Values.Append(_catchAll);

    public WebhookHandlerRegistration? Find(string? eventType)
    {
        var frozen = _frozen ??= _byEventType.ToFrozenDictionary(StringComparer.Ordinal);
        return eventType is not null && frozen.TryGetValue(eventType, out var handler) ? handler : _catchAll;
    }
}
