using System.Globalization;
using Microsoft.Extensions.Configuration;
using NSec.Cryptography;
using WebhookReceiver.Internal;

namespace WebhookReceiver;

/// <summary>
/// The Discord interactions scheme: Ed25519 over <c>{X-Signature-Timestamp}{body}</c>, hex in
/// <c>X-Signature-Ed25519</c>, checked with the application's public key. A bad signature answers 401 (Discord probes
/// this); a verified PING (<c>type</c> 1) is answered <c>{"type":1}</c>. The delivery id is the interaction's <c>id</c>,
/// the event type its <c>type</c> as text (<c>"2"</c> for application commands).
/// </summary>
public sealed class DiscordScheme : WebhookScheme
{
    /// <summary>Its provider reads the handler's reply, so the inbox (acknowledge first, run later) cannot serve it.</summary>
    internal override bool RepliesSynchronously => true;

    private const int SignatureSize = 64;
    private static readonly WebhookHandshakeResponse Pong = new(200, "application/json", """{"type":1}"""u8.ToArray());
    private readonly PublicKey[] _publicKeys;
    private readonly Key? _signingKey;

    /// <summary>Builds the scheme, decoding its keys; throws <see cref="FormatException"/> for malformed key material.</summary>
    /// <param name="name">The registration name.</param>
    /// <param name="options">The options.</param>
    public DiscordScheme(string name, DiscordOptions options)
        : base(name, options)
    {
        var publicKeys = new List<PublicKey>();
        var secrets = options.GetAllSecrets();
        for (var i = 0; i < secrets.Count; i++)
        {
            var position = secrets.Count == 1 ? "the secret" : $"secret #{i + 1}";
            var raw = SignatureEncoding.DecodeHexOrNull(secrets[i])
                ?? throw new FormatException($"{position} is not hex (expected the application's public key, 64 hex characters)");
            if (raw.Length == 32 && PublicKey.TryImport(SignatureAlgorithm.Ed25519, raw, KeyBlobFormat.RawPublicKey, out var publicKey) && publicKey is not null)
            {
                publicKeys.Add(publicKey);
            }
            else if (raw.Length == 64 && Key.TryImport(SignatureAlgorithm.Ed25519, raw.AsSpan(0, 32), KeyBlobFormat.RawPrivateKey, out var key,
                         new KeyCreationParameters { ExportPolicy = KeyExportPolicies.None }) && key is not null
                     && key.PublicKey.Export(KeyBlobFormat.RawPublicKey).AsSpan().SequenceEqual(raw.AsSpan(32)))
            {
                _signingKey ??= key;
                publicKeys.Add(key.PublicKey);
            }
            else
            {
                throw new FormatException($"{position} is neither an Ed25519 public key (64 hex characters) nor a private key (128: seed then public key)");
            }
        }
        _publicKeys = [.. publicKeys];
    }

    /// <summary>Gets the provider descriptor (id <c>discord</c>).</summary>
    public static WebhookProvider<DiscordOptions> Provider { get; } = new(
        DiscordDefaults.ProviderId, "Discord",
        static (name, options) => new DiscordScheme(name, options),
        static (section, options) => section.Bind(options),
        CreatePrivateKey);

    /// <summary>A new Ed25519 key as 128 hex characters: the 32-byte seed, then the public key (the format this scheme signs with).</summary>
    private static string CreatePrivateKey()
    {
        using var key = Key.Create(SignatureAlgorithm.Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
        return Convert.ToHexStringLower(key.Export(KeyBlobFormat.RawPrivateKey)) + Convert.ToHexStringLower(key.PublicKey.Export(KeyBlobFormat.RawPublicKey));
    }

    /// <inheritdoc />
    protected override WebhookVerificationResult VerifySignature(in WebhookRequest request, DateTimeOffset now)
    {
        var time = SignedHeaders.Read(request, DiscordDefaults.SignatureHeader, DiscordDefaults.TimestampHeader, milliseconds: false,
            Options.Tolerance, now, out var signatureText, out var timestampText);
        if (!time.Succeeded)
            return time;
        Span<byte> signature = stackalloc byte[SignatureSize];
        if (!SignatureEncoding.TryDecodeHex(signatureText.Trim(), signature, out var length) || length != SignatureSize)
            return WebhookVerificationResult.Fail(WebhookVerificationFailure.MalformedHeader, "X-Signature-Ed25519 is not a 64-byte hex signature");

        using var content = SignedContentBuffer.Concat(timestampText, request.Body.Span);
        foreach (var key in _publicKeys)
        {
            if (SignatureAlgorithm.Ed25519.Verify(key, content.Span, signature))
                return time;
        }
        return WebhookVerificationResult.Fail(WebhookVerificationFailure.SignatureMismatch, string.Create(CultureInfo.InvariantCulture,
            $"the signature does not verify under the {_publicKeys.Length} configured public key(s)"));
    }

    /// <summary>
    /// Reads the interaction's signed <c>id</c> and <c>type</c>; a PING (type 1) is answered <c>{"type":1}</c>, every
    /// other interaction expects the handler's reply (<see cref="Webhook.Respond"/>).
    /// </summary>
    /// <param name="request">The verified delivery.</param>
    protected override WebhookDelivery? ReadDelivery(in WebhookRequest request)
    {
        if (!JsonEnvelopeReader.TryRead(request.Body.Span, "id"u8, "type"u8, out var id, out var type))
            return null;
        var ping = type == DiscordDefaults.PingType;
        return new WebhookDelivery(new WebhookEvent(WebhookValue.FromSigned(id), WebhookValue.FromSigned(type), request.Body))
        {
            Handshake = ping ? Pong : null,
            ExpectsReply = !ping,
        };
    }

    /// <inheritdoc />
    public override WebhookSignedRequest Sign(WebhookSigningRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_signingKey is null)
            throw new InvalidOperationException($"Scheme '{Name}' holds only Discord public keys, which cannot sign; configure the private key (seed then public key, 128 hex characters) to sign.");
        var timestamp = request.Timestamp.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var content = SignedContentBuffer.Concat(timestamp, request.Body.Span);
        var signature = Convert.ToHexStringLower(SignatureAlgorithm.Ed25519.Sign(_signingKey, content.Span));
        return new WebhookSignedRequest(request.Method, request.Url, Headers(
            (DiscordDefaults.SignatureHeader, signature),
            (DiscordDefaults.TimestampHeader, timestamp)), request.Body);
    }
}
