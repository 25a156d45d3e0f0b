using System.Text.Json.Serialization;

namespace WebhookReceiver;

/// <summary>
/// A Standard Webhooks payload in the spec's shape: <c>{"type":"order.created","timestamp":"…","data":{…}}</c>. The
/// object the event is about is <see cref="Data"/>: take <c>Webhook&lt;StandardWebhookEvent&lt;OrderCreated&gt;&gt;</c> and
/// read <c>hook.Payload.Data</c>. Plain properties, so a source-generated context can hold it for trimming and Native AOT.
/// </summary>
/// <typeparam name="TData">The type of <c>data</c>.</typeparam>
public sealed class StandardWebhookEvent<TData>
{
    /// <summary>Gets or sets the event type (<c>type</c>, e.g. <c>order.created</c>).</summary>
    [JsonPropertyName("type")]
    public string Type { get; set; } = "";

    /// <summary>Gets or sets when the event happened (<c>timestamp</c>, ISO 8601); <see langword="null"/> when absent.</summary>
    [JsonPropertyName("timestamp")]
    public DateTimeOffset? Timestamp { get; set; }

    /// <summary>Gets or sets the object the event is about (<c>data</c>).</summary>
    [JsonPropertyName("data")]
    public TData Data { get; set; } = default!;
}
