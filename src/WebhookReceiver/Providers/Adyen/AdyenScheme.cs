using System.Globalization;
using System.Text;
using Microsoft.Extensions.Configuration;
using WebhookReceiver.Internal;

namespace WebhookReceiver;

/// <summary>
/// The Adyen scheme (standard webhooks with HMAC signatures): each item of <c>notificationItems</c> carries in
/// <c>additionalData.hmacSignature</c> a base64 HMAC-SHA256, keyed with the hex-decoded HMAC key, of
/// <c>pspReference:originalReference:merchantAccountCode:merchantReference:value:currency:eventCode:success</c>. The
/// signature is inside the body, so the body is read (not deserialized) to find it, still before any handler runs; every
/// item must verify. Items are dispatched one by one by their signed <c>eventCode</c> and claimed under
/// <c>{pspReference}:{eventCode}:{success}</c>, all signed (Adyen's duplicate rule). Only those fields are signed: the
/// rest of an item (<c>eventDate</c>, <c>reason</c>, other <c>additionalData</c>) is not. Adyen signs no timestamp. A
/// processed delivery is answered 200 <c>[accepted]</c>.
/// </summary>
public sealed class AdyenScheme : WebhookScheme
{
    private static readonly WebhookHandshakeResponse Accepted = new(200, "text/plain; charset=utf-8", Encoding.UTF8.GetBytes(AdyenDefaults.AcceptedBody));
    private readonly byte[][] _keys;

    /// <summary>Builds the scheme, hex-decoding its HMAC keys; throws <see cref="FormatException"/> when one is not hex.</summary>
    /// <param name="name">The registration name.</param>
    /// <param name="options">The options.</param>
    public AdyenScheme(string name, AdyenOptions options)
        : base(name, options)
    {
        var secrets = options.GetAllSecrets();
        _keys = new byte[secrets.Count][];
        for (var i = 0; i < secrets.Count; i++)
        {
            _keys[i] = SignatureEncoding.DecodeHexOrNull(secrets[i]) is { Length: > 0 } key ? key
                : throw new FormatException($"{(secrets.Count == 1 ? "the HMAC key" : $"HMAC key #{i + 1}")} is not hexadecimal (copy it as the Customer Area shows it)");
        }
    }

    /// <summary>Gets the provider descriptor (id <c>adyen</c>).</summary>
    public static WebhookProvider<AdyenOptions> Provider { get; } = new(
        AdyenDefaults.ProviderId, "Adyen",
        static (name, options) => new AdyenScheme(name, options),
        static (section, options) => section.Bind(options),
        static () => Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));

    /// <inheritdoc />
    protected override WebhookVerificationResult VerifySignature(in WebhookRequest request, DateTimeOffset now)
    {
        if (!AdyenNotification.TryRead(request.Body, out var items, out var error))
            return WebhookVerificationResult.Fail(WebhookVerificationFailure.MalformedBody, error!);
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i].Signature is not { Length: > 0 } signature)
                return WebhookVerificationResult.Fail(WebhookVerificationFailure.MalformedBody, string.Create(CultureInfo.InvariantCulture,
                    $"notification item #{i + 1} has no additionalData.hmacSignature (enable HMAC signatures for this webhook in the Customer Area)"));
            if (!HmacSignature.Verify(WebhookHmacAlgorithm.Sha256, _keys, Encoding.UTF8.GetBytes(items[i].SignedData), WebhookSignatureEncoding.Base64, signature))
                return WebhookVerificationResult.Fail(WebhookVerificationFailure.SignatureMismatch, string.Create(CultureInfo.InvariantCulture,
                    $"the hmacSignature of notification item #{i + 1} of {items.Count} matches none of the {_keys.Length} configured HMAC key(s)"));
        }
        return WebhookVerificationResult.Success((DateTimeOffset?)null);
    }

    /// <summary>
    /// Reads each verified item as an event: its <c>NotificationRequestItem</c> object as the payload, its signed
    /// <c>eventCode</c> as the event type, <c>{pspReference}:{eventCode}:{success}</c> as its signed id (without a
    /// <c>pspReference</c>, a hash of its signed string). The delivery is acknowledged with 200 <c>[accepted]</c>.
    /// </summary>
    /// <param name="request">The verified delivery.</param>
    protected override WebhookDelivery? ReadDelivery(in WebhookRequest request)
    {
        if (!AdyenNotification.TryRead(request.Body, out var items, out _))
            return null;
        var events = new WebhookEvent[items.Count];
        var all = new StringBuilder();
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var id = item.PspReference.Length > 0 && item.EventCode.Length > 0 ? $"{item.PspReference}:{item.EventCode}:{item.Success}" : null;
            events[i] = new WebhookEvent(WebhookValue.FromSigned(id), WebhookValue.FromSigned(item.EventCode.Length > 0 ? item.EventCode : null), item.Json,
                WebhookReplayKeys.ForSignedContent(Encoding.UTF8.GetBytes(item.SignedData)));
            all.Append(item.SignedData).Append('\n');
        }
        var whole = new WebhookEvent(default, default, request.Body, WebhookReplayKeys.ForSignedContent(Encoding.UTF8.GetBytes(all.ToString())));
        return new WebhookDelivery(whole, events) { Acknowledgment = Accepted };
    }

    /// <summary>
    /// Signs as Adyen does: every item of the notification given as the body gets its <c>additionalData.hmacSignature</c>
    /// (a body that is one <c>NotificationRequestItem</c> object is wrapped into a notification first).
    /// </summary>
    /// <param name="request">What to sign; its body must be a JSON object.</param>
    public override WebhookSignedRequest Sign(WebhookSigningRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_keys.Length == 0)
            throw new InvalidOperationException($"Scheme '{Name}' has no HMAC key to sign with.");
        return new WebhookSignedRequest(request.Method, request.Url, [], AdyenNotification.Sign(request.Body.Span, _keys[0]));
    }
}
