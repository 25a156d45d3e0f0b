namespace WebhookReceiver;

/// <summary>What a scheme reads from a verified delivery before its payload is deserialized.</summary>
/// <param name="DeliveryId">The provider's id of this delivery (the replay key), or <see langword="null"/> if it sends none.</param>
/// <param name="EventType">The event type used to pick a handler, or <see langword="null"/> if the provider sends none.</param>
public readonly record struct WebhookEnvelope(string? DeliveryId, string? EventType);
