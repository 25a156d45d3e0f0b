namespace WebhookReceiver.Internal;

/// <summary>The endpoints mapped with <c>UseInbox()</c>, by route pattern (the <see cref="WebhookInboxEntry.Endpoint"/> of their entries).</summary>
internal sealed class InboxEndpointRegistry
{
    private readonly Dictionary<string, InboxEndpoint> _endpoints = new(StringComparer.Ordinal);

    public void Add(InboxEndpoint endpoint)
    {
        lock (_endpoints)
        {
            if (!_endpoints.TryAdd(endpoint.Pattern, endpoint))
                throw new InvalidOperationException($"Webhook endpoint {endpoint.Pattern} uses the inbox twice: call UseInbox() once per endpoint.");
        }
    }

    public bool Any
    {
        get
        {
            lock (_endpoints)
                return _endpoints.Count > 0;
        }
    }

    public InboxEndpoint? Find(string pattern)
    {
        lock (_endpoints)
            return _endpoints.GetValueOrDefault(pattern);
    }
}
