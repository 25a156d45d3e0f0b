namespace WebhookReceiver.Internal;

/// <summary>An endpoint in inbox mode: the scheme and handlers the processor settles its entries with.</summary>
internal sealed record InboxEndpoint(string Pattern, WebhookSchemeHandle Scheme, WebhookDispatcher Dispatcher);
