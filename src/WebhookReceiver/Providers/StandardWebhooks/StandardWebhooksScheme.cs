using System.Globalization;
using Microsoft.Extensions.Configuration;
using System.Security.Cryptography;
using System.Text;
using NSec.Cryptography;
using WebhookReceiver.Internal;

namespace WebhookReceiver;

/// <summary>
/// The Standard Webhooks scheme: <c>v1</c> HMAC-SHA256 and <c>v1a</c> Ed25519 over <c>{id}.{timestamp}.{body}</c>,
/// any of the space-separated signatures passing (unknown versions and malformed entries are skipped),
/// <c>svix-*</c> headers accepted as well. The delivery id is <c>webhook-id</c>; the event type is the body's <c>type</c>.
/// </summary>
public sealed class StandardWebhooksScheme : WebhookScheme
{
    private static readonly PrefixedSignatureFormat HmacEntries = new(StandardWebhooksDefaults.SignatureHeader, "v1,", " ");
    private static readonly PrefixedSignatureFormat Ed25519Entries = new(StandardWebhooksDefaults.SignatureHeader, "v1a,", " ");
    private const int Ed25519SignatureSize = 64;
    private readonly StandardWebhooksKeys _keys;
    private readonly byte[] _eventTypeProperty;
    private readonly bool _signsWithEd25519;
    private static readonly WebhookPayloadEnvelope SpecEnvelope = new("Standard Webhooks", "data", "StandardWebhookEvent", ["type", "data"]);

    /// <summary>Builds the scheme, decoding its keys; throws <see cref="FormatException"/> for malformed key material.</summary>
    /// <param name="name">The registration name.</param>
    /// <param name="options">The options.</param>
    public StandardWebhooksScheme(string name, StandardWebhooksOptions options)
        : base(name, options)
    {
        var secrets = options.GetAllSecrets();
        _keys = StandardWebhooksKeys.Decode(secrets);
        _eventTypeProperty = Encoding.UTF8.GetBytes(options.EventTypeProperty);
        // The spec's payload shape, {"type","timestamp","data"}, only when the sender follows it for the event type too.
        PayloadEnvelope = options.EventTypeProperty == "type" ? SpecEnvelope : null;
        _signsWithEd25519 = _keys.SigningKey is not null
            && (_keys.HmacKeys.Length == 0 || secrets[0].StartsWith(StandardWebhooksDefaults.PrivateKeyPrefix, StringComparison.Ordinal));
    }

    /// <summary>Gets the provider descriptor (id <c>standard-webhooks</c>).</summary>
    public static WebhookProvider<StandardWebhooksOptions> Provider { get; } = new(
        StandardWebhooksDefaults.ProviderId, "Standard Webhooks",
        static (name, options) => new StandardWebhooksScheme(name, options),
        static (section, options) => section.Bind(options));

    /// <inheritdoc />
    protected override WebhookVerificationResult VerifySignature(in WebhookRequest request, DateTimeOffset now)
    {
        var id = Header(request, StandardWebhooksDefaults.IdHeader, StandardWebhooksDefaults.SvixIdHeader);
        var timestampText = Header(request, StandardWebhooksDefaults.TimestampHeader, StandardWebhooksDefaults.SvixTimestampHeader);
        var signatures = Header(request, StandardWebhooksDefaults.SignatureHeader, StandardWebhooksDefaults.SvixSignatureHeader);
        if (signatures is null)
            return WebhookVerificationResult.Fail(WebhookVerificationFailure.MissingHeader, "no webhook-signature header");
        if (id is null)
            return WebhookVerificationResult.Fail(WebhookVerificationFailure.MissingHeader, "no webhook-id header");
        if (timestampText is null)
            return WebhookVerificationResult.Fail(WebhookVerificationFailure.MissingHeader, "no webhook-timestamp header");
        if (!WebhookTimestamp.TryParseUnixSeconds(timestampText, out var signedAt))
            return WebhookVerificationResult.Fail(WebhookVerificationFailure.MalformedHeader, "webhook-timestamp is not Unix seconds");
        var time = WebhookTimestamp.Check(signedAt, now, Options.Tolerance);
        if (!time.Succeeded)
            return time;

        var body = request.Body.Span;
        using var content = new SignedContentBuffer(id.Length * 3 + timestampText.Length + body.Length + 2);
        content.Append(id);
        content.Append((byte)'.');
        content.Append(timestampText);
        content.Append((byte)'.');
        content.Append(body);
        return Match(signatures, content.Span, signedAt);
    }

    /// <summary>
    /// Matches the space-separated entries of <c>webhook-signature</c>: at most
    /// <see cref="SignatureHeaderFormat.MaxCandidates"/> <c>v1,</c> entries against the HMAC keys (the shared match
    /// loop) and as many <c>v1a,</c> entries against the Ed25519 keys; unknown versions are skipped.
    /// </summary>
    private WebhookVerificationResult Match(ReadOnlySpan<char> header, ReadOnlySpan<byte> content, DateTimeOffset signedAt)
    {
        Span<Range> candidates = stackalloc Range[SignatureHeaderFormat.MaxCandidates];
        var hmacCount = _keys.HmacKeys.Length > 0 ? HmacEntries.Read(header, candidates, out _) : 0;
        var hmac = hmacCount == 0
            ? default
            : HmacMatcher.Match(WebhookHmacAlgorithm.Sha256, _keys.HmacKeys, content, WebhookSignatureEncoding.Base64, header, candidates[..hmacCount]);
        if (hmac.Matched)
            return WebhookVerificationResult.Success(signedAt);

        var usable = hmac.Usable;
        if (_keys.PublicKeys.Length > 0)
        {
            var count = Ed25519Entries.Read(header, candidates, out _);
            Span<byte> signature = stackalloc byte[Ed25519SignatureSize];
            foreach (var range in candidates[..count])
            {
                if (!SignatureEncoding.TryDecodeBase64(header[range], signature, out var length) || length != Ed25519SignatureSize)
                    continue;
                usable++;
                foreach (var publicKey in _keys.PublicKeys)
                {
                    if (SignatureAlgorithm.Ed25519.Verify(publicKey, content, signature))
                        return WebhookVerificationResult.Success(signedAt);
                }
            }
        }
        if (usable == 0)
            return WebhookVerificationResult.Fail(WebhookVerificationFailure.MalformedHeader,
                "webhook-signature has no usable entry (expected 'v1,<base64>' for whsec_ secrets or 'v1a,<base64>' for whpk_ keys)");
        return WebhookVerificationResult.Fail(WebhookVerificationFailure.SignatureMismatch, string.Create(CultureInfo.InvariantCulture,
            $"none of {usable} signature(s) matched the {KeyCount} configured key(s)"));
    }

    private int KeyCount => _keys.HmacKeys.Length + _keys.PublicKeys.Length;

    /// <summary>Reads the signed <c>webhook-id</c> (the replay key) and the event type from the body.</summary>
    /// <param name="request">The verified delivery.</param>
    protected override WebhookDelivery? ReadDelivery(in WebhookRequest request)
    {
        var id = Header(request, StandardWebhooksDefaults.IdHeader, StandardWebhooksDefaults.SvixIdHeader);
        if (!JsonEnvelopeReader.TryRead(request.Body.Span, _eventTypeProperty, default, out var type, out _))
            return null;
        return new WebhookDelivery(new WebhookEvent(WebhookValue.FromSigned(id), WebhookValue.FromSigned(type), request.Body));
    }

    /// <inheritdoc />
    public override WebhookSignedRequest Sign(WebhookSigningRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var id = request.Id ?? "msg_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        var timestamp = request.Timestamp.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var body = request.Body.Span;
        using var content = new SignedContentBuffer(id.Length * 3 + timestamp.Length + body.Length + 2);
        content.Append(id);
        content.Append((byte)'.');
        content.Append(timestamp);
        content.Append((byte)'.');
        content.Append(body);

        string signature;
        if (_signsWithEd25519)
        {
            signature = "v1a," + Convert.ToBase64String(SignatureAlgorithm.Ed25519.Sign(_keys.SigningKey!, content.Span));
        }
        else if (_keys.HmacKeys.Length > 0)
        {
            signature = "v1," + HmacSignature.Sign(WebhookHmacAlgorithm.Sha256, _keys.HmacKeys[0], content.Span, WebhookSignatureEncoding.Base64);
        }
        else
        {
            throw new InvalidOperationException(
                $"Scheme '{Name}' holds only Ed25519 public keys (whpk_), which cannot sign; configure the private key (whsk_) to sign.");
        }

        return new WebhookSignedRequest(request.Method, request.Url, Headers(
            (StandardWebhooksDefaults.IdHeader, id),
            (StandardWebhooksDefaults.TimestampHeader, timestamp),
            (StandardWebhooksDefaults.SignatureHeader, signature)), request.Body);
    }

    private static string? Header(in WebhookRequest request, string name, string alternative)
        => request.GetHeader(name) ?? request.GetHeader(alternative);

    /// <summary>
    /// Standard Webhooks payloads wrap the object in <c>data</c> (<c>{"type","timestamp","data"}</c>): take
    /// <see cref="StandardWebhookEvent{TData}"/>. None when <see cref="StandardWebhooksOptions.EventTypeProperty"/> is not <c>type</c>.
    /// </summary>
    internal override WebhookPayloadEnvelope? PayloadEnvelope { get; }
}
