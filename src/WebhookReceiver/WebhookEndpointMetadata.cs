namespace WebhookReceiver;

/// <summary>Marks an endpoint as a webhook endpoint of a scheme (added by <c>MapWebhook</c>).</summary>
/// <param name="Scheme">The scheme name.</param>
public sealed record WebhookEndpointMetadata(string Scheme);
