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
    protected override string? SignatureHeaderName => CalendlyDefaults.SignatureHeader;

    /// <inheritdoc />
    public override WebhookVerificationResult Verify(in WebhookRequest request, DateTimeOffset now)
        => Format.Verify(request, _keys, Options.Tolerance, now);

    /// <inheritdoc />
    public override bool TryReadEnvelope(in WebhookRequest request, out WebhookEnvelope envelope)
    {
        var ok = JsonEnvelopeReader.TryRead(request.Body.Span, "event"u8, default, out var type, out _);
        envelope = new WebhookEnvelope(null, type);
        return ok;
    }

    /// <summary>Gets a hash of the verified body: Calendly sends no delivery id but resends the same body on retries.</summary>
    /// <param name="request">The verified delivery.</param>
    public override string? GetFallbackReplayKey(in WebhookRequest request) => HashForReplayKey(request.Body.Span, "body-");

    /// <inheritdoc />
    public override WebhookSignedRequest Sign(WebhookSigningRequest request) => Format.Sign(_keys[0], request);
}
