using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace WebhookReceiver;

/// <summary>
/// A Stripe event as Stripe posts it: <c>{"id":"evt_…","object":"event","type":"invoice.paid","created":…,"livemode":…,
/// "api_version":…,"data":{"object":{…},"previous_attributes":{…}}}</c>. The object the event is about (an invoice, a
/// payment intent) is <see cref="StripeEventData{TObject}.Object"/>: take <c>Webhook&lt;StripeEvent&lt;Invoice&gt;&gt;</c>
/// and read <c>hook.Payload.Data.Object</c>. Plain properties, so a source-generated context can hold it
/// (<c>[JsonSerializable(typeof(StripeEvent&lt;Invoice&gt;))]</c>) for trimming and Native AOT.
/// </summary>
/// <typeparam name="TObject">The type of the object in <c>data.object</c>.</typeparam>
public sealed class StripeEvent<TObject>
{
    /// <summary>Gets or sets the event id (<c>id</c>, e.g. <c>evt_…</c>), also the delivery id.</summary>
    [JsonPropertyName("id")]
    public string Id { get; set; } = "";

    /// <summary>Gets or sets the kind of object (<c>object</c>): <c>event</c>.</summary>
    [JsonPropertyName("object")]
    [SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "Stripe names the member object.")]
    public string? Object { get; set; }

    /// <summary>Gets or sets the event type (<c>type</c>, e.g. <c>invoice.paid</c>).</summary>
    [JsonPropertyName("type")]
    public string Type { get; set; } = "";

    /// <summary>Gets or sets when the event was created (<c>created</c>), in seconds since the Unix epoch.</summary>
    [JsonPropertyName("created")]
    public long Created { get; set; }

    /// <summary>Gets or sets a value indicating whether the event comes from live mode (<c>livemode</c>) rather than test mode.</summary>
    [JsonPropertyName("livemode")]
    public bool Livemode { get; set; }

    /// <summary>Gets or sets the API version <see cref="Data"/> is rendered in (<c>api_version</c>).</summary>
    [JsonPropertyName("api_version")]
    public string? ApiVersion { get; set; }

    /// <summary>Gets or sets the connected account the event comes from (<c>account</c>, Connect only).</summary>
    [JsonPropertyName("account")]
    public string? Account { get; set; }

    /// <summary>Gets or sets how many webhooks have yet to be delivered (<c>pending_webhooks</c>).</summary>
    [JsonPropertyName("pending_webhooks")]
    public long PendingWebhooks { get; set; }

    /// <summary>Gets or sets the object the event is about and, for <c>*.updated</c> events, its previous values (<c>data</c>).</summary>
    [JsonPropertyName("data")]
    public StripeEventData<TObject> Data { get; set; } = new();
}
