using System.Text.Json.Serialization;

namespace WebhookReceiver;

/// <summary>
/// A Paddle Billing notification as Paddle posts it: <c>{"event_id":"evt_…","event_type":"transaction.completed",
/// "occurred_at":"…","notification_id":"ntf_…","data":{…}}</c>. The entity the event is about (a transaction, a
/// subscription) is <see cref="Data"/>: take <c>Webhook&lt;PaddleEvent&lt;Transaction&gt;&gt;</c> and read
/// <c>hook.Payload.Data</c>. Plain properties, so a source-generated context can hold it for trimming and Native AOT.
/// </summary>
/// <typeparam name="TData">The type of <c>data</c>.</typeparam>
public sealed class PaddleEvent<TData>
{
    /// <summary>Gets or sets the event id (<c>event_id</c>), shared by every notification of the event.</summary>
    [JsonPropertyName("event_id")]
    public string EventId { get; set; } = "";

    /// <summary>Gets or sets the event type (<c>event_type</c>, e.g. <c>transaction.completed</c>).</summary>
    [JsonPropertyName("event_type")]
    public string EventType { get; set; } = "";

    /// <summary>Gets or sets when the event happened (<c>occurred_at</c>, RFC 3339); <see langword="null"/> when absent.</summary>
    [JsonPropertyName("occurred_at")]
    public DateTimeOffset? OccurredAt { get; set; }

    /// <summary>Gets or sets the notification id (<c>notification_id</c>), the delivery id.</summary>
    [JsonPropertyName("notification_id")]
    public string NotificationId { get; set; } = "";

    /// <summary>Gets or sets the new or changed entity (<c>data</c>).</summary>
    [JsonPropertyName("data")]
    public TData Data { get; set; } = default!;
}
