using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace WebhookReceiver.OutsideProvider.Tests;

/// <summary>
/// A made-up provider, as an application would write one for a sender the library does not know:
/// <c>Acme-Signature: sha256=&lt;hex&gt;</c>, HMAC-SHA256 over <c>{Acme-Timestamp}.{body}</c>; the body's <c>id</c> and
/// <c>event</c> are signed with it. Built only from the library's public helpers: <see cref="WebhookTimestamp"/>,
/// <see cref="WebhookSignatures"/> and the delivery model (<see cref="WebhookDelivery"/>, <see cref="WebhookValue"/>).
/// </summary>
public sealed class AcmeScheme : WebhookScheme
{
    public const string SignatureHeader = "Acme-Signature";
    public const string TimestampHeader = "Acme-Timestamp";
    private const string Prefix = "sha256=";

    private readonly byte[][] _keys;

    public AcmeScheme(string name, AcmeOptions options)
        : base(name, options)
        => _keys = [.. options.GetAllSecrets().Select(Encoding.UTF8.GetBytes)];

    public static WebhookProvider<AcmeOptions> Provider { get; } = new("acme", "Acme",
        static (name, options) => new AcmeScheme(name, options),
        static (section, options) => section.Bind(options));

    protected override WebhookVerificationResult VerifySignature(in WebhookRequest request, DateTimeOffset now)
    {
        if (request.GetHeader(SignatureHeader) is not { } signature || !signature.StartsWith(Prefix, StringComparison.Ordinal))
            return WebhookVerificationResult.Fail(WebhookVerificationFailure.MissingHeader, $"no {SignatureHeader}: {Prefix}… header");
        if (request.GetHeader(TimestampHeader) is not { } timestamp || !WebhookTimestamp.TryParseUnixSeconds(timestamp, out var signedAt))
            return WebhookVerificationResult.Fail(WebhookVerificationFailure.MalformedHeader, $"{TimestampHeader} is not Unix seconds");
        var time = WebhookTimestamp.Check(signedAt, now, Options.Tolerance);
        if (!time.Succeeded)
            return time;
        var content = SignedContent(timestamp, request.Body.Span);
        return WebhookSignatures.MatchesHmac(WebhookHmacAlgorithm.Sha256, _keys, content, WebhookSignatureEncoding.Hex, signature.AsSpan(Prefix.Length))
            ? WebhookVerificationResult.Success(signedAt)
            : WebhookVerificationResult.Fail(WebhookVerificationFailure.SignatureMismatch, "the signature matches none of the configured secrets");
    }

    protected override WebhookDelivery? ReadDelivery(in WebhookRequest request)
    {
        try
        {
            using var json = JsonDocument.Parse(request.Body);
            var root = json.RootElement;
            var id = root.TryGetProperty("id", out var idElement) ? idElement.GetString() : null;
            var type = root.TryGetProperty("event", out var typeElement) ? typeElement.GetString() : null;
            return new WebhookDelivery(new WebhookEvent(WebhookValue.FromSigned(id), WebhookValue.FromSigned(type), request.Body));
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return null;   // verified, but not the shape Acme sends: answered 400
        }
    }

    public override WebhookSignedRequest Sign(WebhookSigningRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var timestamp = request.Timestamp.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = WebhookSignatures.SignHmac(WebhookHmacAlgorithm.Sha256, _keys[0], SignedContent(timestamp, request.Body.Span), WebhookSignatureEncoding.Hex);
        return new WebhookSignedRequest(request.Method, request.Url, Headers((SignatureHeader, Prefix + signature), (TimestampHeader, timestamp)), request.Body);
    }

    private static byte[] SignedContent(string timestamp, ReadOnlySpan<byte> body) => [.. Encoding.UTF8.GetBytes(timestamp + "."), .. body];
}
