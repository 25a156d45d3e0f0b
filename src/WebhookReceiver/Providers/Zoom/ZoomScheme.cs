using System.Text;
using Microsoft.Extensions.Configuration;
using WebhookReceiver.Internal;

namespace WebhookReceiver;

/// <summary>
/// The Zoom scheme: HMAC-SHA256 (hex) over <c>v0:{x-zm-request-timestamp}:{body}</c> in <c>x-zm-signature: v0=…</c>.
/// The event type is the body's <c>event</c>. <c>endpoint.url_validation</c> is answered by the library after
/// verification with <c>{"plainToken":…,"encryptedToken":…}</c> (the token's HMAC-SHA256 under the Secret Token, hex).
/// Zoom's body carries no delivery id, so <see cref="Webhook.DeliveryId"/> is <see langword="null"/> and the replay key is
/// a hash of the verified body (a retry resends the same body, with the same <c>event_ts</c>).
/// </summary>
public sealed class ZoomScheme : HmacWebhookScheme
{
    private static readonly HmacSchemeSpec Spec = new()
    {
        Signatures = [new(ZoomDefaults.SignatureHeader, ZoomDefaults.Version + "=", WebhookHmacAlgorithm.Sha256, WebhookSignatureEncoding.Hex)],
        Content = HmacSignedContent.Parse(ZoomDefaults.Version + ":{timestamp}:{body}"),
        Timestamp = HmacValueSource.FromHeader(ZoomDefaults.TimestampHeader),
    };

    private readonly byte[][] _keys;

    /// <summary>Builds the scheme, taking its Secret Tokens as UTF-8 keys.</summary>
    /// <param name="name">The registration name.</param>
    /// <param name="options">The options.</param>
    public ZoomScheme(string name, ZoomOptions options)
        : base(name, options, Spec)
        => _keys = HmacSignature.Utf8Keys(options);

    /// <summary>Gets the provider descriptor (id <c>zoom</c>).</summary>
    public static WebhookProvider<ZoomOptions> Provider { get; } = new(
        ZoomDefaults.ProviderId, "Zoom",
        static (name, options) => new ZoomScheme(name, options),
        static (section, options) => section.Bind(options));

    /// <summary>
    /// Reads the signed <c>event</c> (Zoom sends no delivery id: the replay key is a hash of the body) and answers
    /// <c>endpoint.url_validation</c> with the <c>plainToken</c> and its HMAC (<c>encryptedToken</c>).
    /// </summary>
    /// <param name="request">The verified delivery.</param>
    protected override WebhookDelivery? ReadDelivery(in WebhookRequest request)
    {
        if (!JsonEnvelopeReader.TryRead(request.Body.Span, "event"u8, default, out var type, out _))
            return null;
        return new WebhookDelivery(new WebhookEvent(default, WebhookValue.FromSigned(type), request.Body))
        {
            Handshake = type == ZoomDefaults.UrlValidationEvent ? UrlValidation(request.Body.Span) : null,
        };
    }

    private WebhookHandshakeResponse UrlValidation(ReadOnlySpan<byte> body)
    {
        if (!JsonNestedReader.TryRead(body, "payload"u8, "plainToken"u8, out var plainToken) || string.IsNullOrEmpty(plainToken))
            return HandshakeResponses.BadRequest;
        var encrypted = HmacSignature.Sign(WebhookHmacAlgorithm.Sha256, _keys[0], Encoding.UTF8.GetBytes(plainToken), WebhookSignatureEncoding.Hex);
        return HandshakeResponses.Json(("plainToken", plainToken), ("encryptedToken", encrypted));
    }
}
