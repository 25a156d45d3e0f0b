using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using WebhookReceiver.Internal;

namespace WebhookReceiver;

/// <summary>
/// The Mailgun scheme: the signature travels inside the JSON body, <c>{"signature":{"timestamp","token","signature"},
/// "event-data":{...}}</c>, as hex HMAC-SHA256 over <c>{timestamp}{token}</c>. The body is read (not deserialized) to
/// find it, still before any handler runs. The token is the delivery id (a nonce); the event type is
/// <c>event-data.event</c>. Mailgun does not sign <c>event-data</c> itself: replay protection on the token is what keeps
/// a captured signature from carrying other content, so keep it on.
/// </summary>
public sealed class MailgunScheme : WebhookScheme
{
    private readonly byte[][] _keys;

    /// <summary>Builds the scheme.</summary>
    /// <param name="name">The registration name.</param>
    /// <param name="options">The options.</param>
    public MailgunScheme(string name, MailgunOptions options)
        : base(name, options)
    {
        _keys = HmacSignature.Utf8Keys(options);
    }

    /// <summary>Gets the provider descriptor (id <c>mailgun</c>).</summary>
    public static WebhookProvider<MailgunOptions> Provider { get; } = new(
        MailgunDefaults.ProviderId, "Mailgun",
        static (name, options) => new MailgunScheme(name, options),
        static (section, options) => section.Bind(options));

    /// <inheritdoc />
    protected override WebhookVerificationResult VerifySignature(in WebhookRequest request, DateTimeOffset now)
    {
        if (!JsonNestedReader.TryFindObject(request.Body.Span, "signature"u8, out var block) || block.IsEmpty)
            return WebhookVerificationResult.Fail(WebhookVerificationFailure.MalformedBody, "no signature object in the JSON body");
        JsonEnvelopeReader.TryRead(block, "timestamp"u8, "token"u8, out var timestampText, out var token);
        JsonEnvelopeReader.TryRead(block, "signature"u8, default, out var signature, out _);
        if (timestampText is null || token is null || signature is null)
            return WebhookVerificationResult.Fail(WebhookVerificationFailure.MalformedBody, "the body's signature object lacks timestamp, token or signature");
        if (!WebhookTimestamp.TryParseUnixSeconds(timestampText, out var signedAt))
            return WebhookVerificationResult.Fail(WebhookVerificationFailure.MalformedBody, "signature.timestamp is not Unix seconds");
        var time = WebhookTimestamp.Check(signedAt, now, Options.Tolerance);
        if (!time.Succeeded)
            return time;

        using var content = SignedContentBuffer.Concat(timestampText, []);
        content.Append(token);
        return HmacSignature.Verify(WebhookHmacAlgorithm.Sha256, _keys, content.Span, WebhookSignatureEncoding.Hex, signature)
            ? time
            : WebhookVerificationResult.Fail(WebhookVerificationFailure.SignatureMismatch, string.Create(CultureInfo.InvariantCulture,
                $"signature.signature matches none of the {_keys.Length} configured signing key(s)"));
    }

    /// <summary>
    /// Reads the signed token as the delivery id and <c>event-data.event</c> as the event type. Mailgun signs only the
    /// timestamp and token, not <c>event-data</c>: the token is the replay key, and every verified delivery (ignored ones
    /// too) is claimed under it, so a signature block cannot carry other content a second time.
    /// </summary>
    /// <param name="request">The verified delivery.</param>
    protected override WebhookDelivery? ReadDelivery(in WebhookRequest request)
    {
        var body = request.Body.Span;
        JsonNestedReader.TryRead(body, "signature"u8, "token"u8, out var token);
        if (token is null || !JsonNestedReader.TryRead(body, "event-data"u8, "event"u8, out var type))
            return null;
        return new WebhookDelivery(new WebhookEvent(WebhookValue.FromSigned(token), WebhookValue.FromLabel(type), request.Body));
    }

    /// <summary>
    /// Signs as Mailgun does: a <c>signature</c> object (with <see cref="WebhookSigningRequest.Id"/> as the token, or a
    /// fresh 50-character one) is put first in the JSON object given as the body.
    /// </summary>
    /// <param name="request">What to sign; its body must be a JSON object, e.g. <c>{"event-data":{...}}</c>.</param>
    public override WebhookSignedRequest Sign(WebhookSigningRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = request.Body.Span;
        var open = body.IndexOfAnyExcept(" \t\r\n"u8);
        if (open < 0 || body[open] != (byte)'{')
            throw new ArgumentException("Mailgun bodies are JSON objects.", nameof(request));
        var token = request.Id ?? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(25));
        var timestamp = request.Timestamp.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var content = SignedContentBuffer.Concat(timestamp, []);
        content.Append(token);
        var signature = HmacSignature.Sign(WebhookHmacAlgorithm.Sha256, _keys[0], content.Span, WebhookSignatureEncoding.Hex);

        var output = new ArrayBufferWriter<byte>(body.Length + 200);
        using (var writer = new Utf8JsonWriter(output))
        {
            writer.WriteStartObject();
            writer.WriteStartObject(MailgunDefaults.SignatureProperty);
            writer.WriteString("token", token);
            writer.WriteString("timestamp", timestamp);
            writer.WriteString("signature", signature);
            writer.WriteEndObject();
            writer.Flush();
        }
        var rest = body[(open + 1)..];
        var restStart = rest.IndexOfAnyExcept(" \t\r\n"u8);
        if (restStart >= 0 && rest[restStart] != (byte)'}')
            output.Write(","u8);
        output.Write(rest);
        return new WebhookSignedRequest(request.Method, request.Url, [], output.WrittenMemory);
    }
}
