using Microsoft.Extensions.Configuration;
using WebhookReceiver.Internal;

namespace WebhookReceiver;

/// <summary>
/// The Stripe scheme: HMAC-SHA256 (hex) over <c>{t}.{body}</c> in <c>Stripe-Signature: t=…,v1=…</c>; any <c>v1</c>
/// matching any secret passes, <c>v0</c> entries are ignored. The delivery id and the event type are the body's
/// <c>id</c> (<c>evt_…</c>) and <c>type</c> (e.g. <c>invoice.paid</c>).
/// </summary>
public sealed class StripeScheme : HmacWebhookScheme
{
    private static readonly HmacSchemeSpec Spec = new()
    {
        Signatures = [new(new KeyValueSignatureFormat(StripeDefaults.SignatureHeader, ',', StripeDefaults.TimestampKey, StripeDefaults.SignatureKey),
            WebhookHmacAlgorithm.Sha256, WebhookSignatureEncoding.Hex)],
        Content = HmacSignedContent.Parse("{timestamp}.{body}"),
    };


    /// <summary>Builds the scheme, taking its secrets as UTF-8 keys.</summary>
    /// <param name="name">The registration name.</param>
    /// <param name="options">The options.</param>
    public StripeScheme(string name, StripeOptions options)
        : base(name, options, Spec)
    {
    }

    /// <summary>Gets the provider descriptor (id <c>stripe</c>).</summary>
    public static WebhookProvider<StripeOptions> Provider { get; } = new(
        StripeDefaults.ProviderId, "Stripe",
        static (name, options) => new StripeScheme(name, options),
        static (section, options) => section.Bind(options));

    /// <inheritdoc />
    protected override WebhookDelivery? ReadDelivery(in WebhookRequest request)
        => JsonDeliveryReader.Read(request.Body, "id"u8, "type"u8);

    /// <summary>Stripe wraps the object in the event's <c>data.object</c>: take <see cref="StripeEvent{TObject}"/>.</summary>
    internal override WebhookPayloadEnvelope? PayloadEnvelope { get; } = new("Stripe", "data.object", "StripeEvent", ["type", "data"]);
}
