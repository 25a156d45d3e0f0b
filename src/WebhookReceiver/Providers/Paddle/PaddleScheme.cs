using Microsoft.Extensions.Configuration;
using WebhookReceiver.Internal;

namespace WebhookReceiver;

/// <summary>
/// The Paddle Billing scheme: HMAC-SHA256 (hex) over <c>{ts}:{body}</c> in <c>Paddle-Signature: ts=…;h1=…</c>; any
/// <c>h1</c> matching any secret passes. The delivery id is the body's <c>notification_id</c>, the event type its
/// <c>event_type</c> (e.g. <c>transaction.completed</c>).
/// </summary>
public sealed class PaddleScheme : HmacWebhookScheme
{
    private static readonly HmacSchemeSpec Spec = new()
    {
        Signatures = [new(new KeyValueSignatureFormat(PaddleDefaults.SignatureHeader, ';', PaddleDefaults.TimestampKey, PaddleDefaults.SignatureKey),
            WebhookHmacAlgorithm.Sha256, WebhookSignatureEncoding.Hex)],
        Content = HmacSignedContent.Parse("{timestamp}:{body}"),
    };


    /// <summary>Builds the scheme, taking its secrets as UTF-8 keys.</summary>
    /// <param name="name">The registration name.</param>
    /// <param name="options">The options.</param>
    public PaddleScheme(string name, PaddleOptions options)
        : base(name, options, Spec)
    {
    }

    /// <summary>Gets the provider descriptor (id <c>paddle</c>).</summary>
    public static WebhookProvider<PaddleOptions> Provider { get; } = new(
        PaddleDefaults.ProviderId, "Paddle",
        static (name, options) => new PaddleScheme(name, options),
        static (section, options) => section.Bind(options));

    /// <inheritdoc />
    protected override WebhookDelivery? ReadDelivery(in WebhookRequest request)
        => JsonDeliveryReader.Read(request.Body, "notification_id"u8, "event_type"u8);

    /// <summary>Paddle wraps the entity in the notification's <c>data</c>: take <see cref="PaddleEvent{TData}"/>.</summary>
    internal override WebhookPayloadEnvelope? PayloadEnvelope { get; } = new("Paddle", "data", "PaddleEvent", ["event_type", "data"]);
}
