using Microsoft.Extensions.Configuration;
using WebhookReceiver.Internal;

namespace WebhookReceiver;

/// <summary>
/// The Square scheme: base64 HMAC-SHA256 over the notification URL followed by the body, in
/// <c>x-square-hmacsha256-signature</c>. No signed timestamp: replay protection rests on the body's <c>event_id</c>,
/// the delivery id; the event type is the body's <c>type</c>.
/// </summary>
public sealed class SquareScheme : WebhookScheme
{
    private readonly byte[][] _keys;

    /// <summary>Builds the scheme.</summary>
    /// <param name="name">The registration name.</param>
    /// <param name="options">The options.</param>
    public SquareScheme(string name, SquareOptions options)
        : base(name, options)
    {
        _keys = HmacSignature.Utf8Keys(options);
    }

    /// <summary>Gets the provider descriptor (id <c>square</c>).</summary>
    public static WebhookProvider<SquareOptions> Provider { get; } = new(
        SquareDefaults.ProviderId, "Square",
        static (name, options) => new SquareScheme(name, options),
        static (section, options) => section.Bind(options));

    /// <inheritdoc />
    public override bool RequiresUrl => true;

    /// <inheritdoc />
    protected override WebhookVerificationResult VerifySignature(in WebhookRequest request, DateTimeOffset now)
    {
        var signature = request.GetHeader(SquareDefaults.SignatureHeader);
        if (signature is null)
            return WebhookVerificationResult.Fail(WebhookVerificationFailure.MissingHeader, "no x-square-hmacsha256-signature header");
        if (request.Url is not { } url)
            return UrlSignature.NoUrl("Square");
        using var content = SignedContentBuffer.Concat(url, request.Body.Span);
        return HmacSignature.Verify(WebhookHmacAlgorithm.Sha256, _keys, content.Span, WebhookSignatureEncoding.Base64, signature)
            ? WebhookVerificationResult.Success()
            : UrlSignature.Mismatch(url);
    }

    /// <inheritdoc />
    protected override WebhookDelivery? ReadDelivery(in WebhookRequest request)
        => JsonDeliveryReader.Read(request.Body, "event_id"u8, "type"u8);

    /// <inheritdoc />
    public override WebhookSignedRequest Sign(WebhookSigningRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var url = request.Url ?? throw new InvalidOperationException("Square signs the notification URL: set WebhookSigningRequest.Url.");
        using var content = SignedContentBuffer.Concat(url, request.Body.Span);
        var signature = HmacSignature.Sign(WebhookHmacAlgorithm.Sha256, _keys[0], content.Span, WebhookSignatureEncoding.Base64);
        return new WebhookSignedRequest(request.Method, url, Headers((SquareDefaults.SignatureHeader, signature)), request.Body);
    }
}
