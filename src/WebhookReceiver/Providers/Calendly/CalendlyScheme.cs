using Microsoft.Extensions.Configuration;
using WebhookReceiver.Internal;

namespace WebhookReceiver;

/// <summary>
/// The Calendly scheme: HMAC-SHA256 (hex) over <c>{t}.{body}</c> in <c>Calendly-Webhook-Signature: t=…,v1=…</c>. The
/// event type is the body's <c>event</c> (e.g. <c>invitee.created</c>). Calendly sends no delivery id, so
/// <see cref="Webhook.DeliveryId"/> is <see langword="null"/> and the replay key is a hash of the verified body
/// (a retry resends the same body, so retries and replays are both answered as duplicates).
/// </summary>
public sealed class CalendlyScheme : WebhookScheme
{
    private static readonly TimestampedHeaderFormat Format = new(CalendlyDefaults.SignatureHeader, ',',
        CalendlyDefaults.TimestampKey, CalendlyDefaults.SignatureKey, ".");

    private readonly byte[][] _keys;

    /// <summary>Builds the scheme, taking its signing keys as UTF-8.</summary>
    /// <param name="name">The registration name.</param>
    /// <param name="options">The options.</param>
    public CalendlyScheme(string name, CalendlyOptions options)
        : base(name, options)
        => _keys = HmacSignature.Utf8Keys(options);

    /// <summary>Gets the provider descriptor (id <c>calendly</c>).</summary>
    public static WebhookProvider<CalendlyOptions> Provider { get; } = new(
        CalendlyDefaults.ProviderId, "Calendly",
        static (name, options) => new CalendlyScheme(name, options),
        static (section, options) => section.Bind(options));

    /// <inheritdoc />
    protected override WebhookVerificationResult VerifySignature(in WebhookRequest request, DateTimeOffset now)
        => Format.Verify(request, _keys, Options.Tolerance, now);

    /// <inheritdoc />
    protected override WebhookDelivery? ReadDelivery(in WebhookRequest request)
        => JsonDeliveryReader.Read(request.Body, default, "event"u8);

    /// <inheritdoc />
    public override WebhookSignedRequest Sign(WebhookSigningRequest request) => Format.Sign(_keys[0], request);
}
