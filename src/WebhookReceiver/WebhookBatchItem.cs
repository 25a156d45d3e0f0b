namespace WebhookReceiver;

/// <summary>
/// One event of a delivery that carries several (see <see cref="WebhookScheme.ReadBatch"/>): its own delivery id and
/// event type, and the JSON its payload is deserialized from (a slice of the verified body).
/// </summary>
/// <param name="Envelope">The item's delivery id (its replay key) and event type.</param>
/// <param name="Json">The item's JSON, e.g. one element of the body's array.</param>
public readonly record struct WebhookBatchItem(WebhookEnvelope Envelope, ReadOnlyMemory<byte> Json);
