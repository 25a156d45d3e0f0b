using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using WebhookReceiver.Internal;

namespace WebhookReceiver;

/// <summary>
/// The SendGrid Signed Event Webhook scheme: ECDSA P-256/SHA-256 over <c>{timestamp}{body}</c>, the DER signature base64
/// in <c>X-Twilio-Email-Event-Webhook-Signature</c>, the timestamp (Unix seconds) in
/// <c>X-Twilio-Email-Event-Webhook-Timestamp</c>. The body is an array of events: by default each is dispatched by its
/// <c>event</c> and claimed by its <c>sg_event_id</c> (see <see cref="SendGridOptions.SplitBatch"/>).
/// </summary>
public sealed class SendGridScheme : WebhookScheme
{
    private const int MaxDerSignatureSize = 72;
    private readonly SendGridKeys _keys;
    private readonly bool _splitBatch;

    /// <summary>Builds the scheme, decoding its keys; throws <see cref="FormatException"/> for malformed key material.</summary>
    /// <param name="name">The registration name.</param>
    /// <param name="options">The options.</param>
    public SendGridScheme(string name, SendGridOptions options)
        : base(name, options)
    {
        _keys = SendGridKeys.Decode(options.GetAllSecrets());
        _splitBatch = options.SplitBatch;
    }

    /// <summary>Gets the provider descriptor (id <c>sendgrid</c>).</summary>
    public static WebhookProvider<SendGridOptions> Provider { get; } = new(
        SendGridDefaults.ProviderId, "SendGrid",
        static (name, options) => new SendGridScheme(name, options),
        static (section, options) => section.Bind(options),
        static () =>
        {
            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            return Convert.ToBase64String(key.ExportPkcs8PrivateKey());
        });

    /// <inheritdoc />
    protected override WebhookVerificationResult VerifySignature(in WebhookRequest request, DateTimeOffset now)
    {
        var time = SignedHeaders.Read(request, SendGridDefaults.SignatureHeader, SendGridDefaults.TimestampHeader, milliseconds: false,
            Options.Tolerance, now, out var signatureText, out var timestampText);
        if (!time.Succeeded)
            return time;
        Span<byte> signature = stackalloc byte[MaxDerSignatureSize];
        if (!SignatureEncoding.TryDecodeBase64(signatureText.Trim(), signature, out var length) || length < 8)
            return WebhookVerificationResult.Fail(WebhookVerificationFailure.MalformedHeader, "X-Twilio-Email-Event-Webhook-Signature is not a base64 DER ECDSA signature");

        using var content = SignedContentBuffer.Concat(timestampText, request.Body.Span);
        foreach (var verifier in _keys.Verifiers)
        {
            if (verifier.Verify(content.Span, signature[..length]))
                return time;
        }
        return WebhookVerificationResult.Fail(WebhookVerificationFailure.SignatureMismatch, string.Create(CultureInfo.InvariantCulture,
            $"the signature does not verify under the {_keys.Verifiers.Length} configured public key(s)"));
    }

    /// <inheritdoc />
    protected override WebhookDelivery? ReadDelivery(in WebhookRequest request)
        => JsonBatchReader.ReadDelivery(_splitBatch, request.Body, "sg_event_id"u8, "event"u8);

    /// <inheritdoc />
    public override WebhookSignedRequest Sign(WebhookSigningRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var key = _keys.SigningKey ?? throw new InvalidOperationException(
            $"Scheme '{Name}' holds only SendGrid public keys, which cannot sign; configure a PKCS#8 private key to sign.");
        var timestamp = request.Timestamp.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var content = SignedContentBuffer.Concat(timestamp, request.Body.Span);
        byte[] signature;
        lock (key)
            signature = key.SignData(content.Span, System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.DSASignatureFormat.Rfc3279DerSequence);
        return new WebhookSignedRequest(request.Method, request.Url, Headers(
            (SendGridDefaults.SignatureHeader, Convert.ToBase64String(signature)),
            (SendGridDefaults.TimestampHeader, timestamp)), request.Body);
    }
}
