using Microsoft.Extensions.Configuration;
using WebhookReceiver.Internal;

namespace WebhookReceiver;

/// <summary>
/// The Calendly scheme: HMAC-SHA256 (hex) over <c>{t}.{body}</c> in <c>Calendly-Webhook-Signature: t=…,v1=…</c>. The
/// event type is the body's <c>event</c> (e.g. <c>invitee.created</c>). Calendly sends no delivery id, so
/// <see cref="Webhook.DeliveryId"/> is <see langword="null"/> and the replay key is a hash of the verified body
/// (a retry resends the same body, so retries and replays are both answered as duplicates).
/// </summary>
public sealed class CalendlyScheme : HmacWebhookScheme
{
    private static readonly HmacSchemeSpec Spec = new()
    {
        Signatures = [new(new KeyValueSignatureFormat(CalendlyDefaults.SignatureHeader, ',', CalendlyDefaults.TimestampKey, CalendlyDefaults.SignatureKey),
            WebhookHmacAlgorithm.Sha256, WebhookSignatureEncoding.Hex)],
        Content = HmacSignedContent.Parse("{timestamp}.{body}"),
    };


    /// <summary>Builds the scheme, taking its signing keys as UTF-8.</summary>
    /// <param name="name">The registration name.</param>
    /// <param name="options">The options.</param>
    public CalendlyScheme(string name, CalendlyOptions options)
        : base(name, options, Spec)
    {
    }

    /// <summary>Gets the provider descriptor (id <c>calendly</c>).</summary>
    public static WebhookProvider<CalendlyOptions> Provider { get; } = new(
        CalendlyDefaults.ProviderId, "Calendly",
        static (name, options) => new CalendlyScheme(name, options),
        static (section, options) => section.Bind(options));

    /// <inheritdoc />
    protected override WebhookDelivery? ReadDelivery(in WebhookRequest request)
        => JsonDeliveryReader.Read(request.Body, default, "event"u8);
}
