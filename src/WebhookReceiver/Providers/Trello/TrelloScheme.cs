using Microsoft.Extensions.Configuration;
using WebhookReceiver.Internal;

namespace WebhookReceiver;

/// <summary>
/// The Trello scheme: <c>X-Trello-Webhook</c>, base64 HMAC-SHA1 of the body followed by the webhook's callback URL,
/// keyed with the application secret. The URL is the configured <see cref="TrelloOptions.CallbackUrl"/>, never the
/// request's. No signed timestamp. The delivery id and event type are the body's <c>action.id</c> and <c>action.type</c>
/// (e.g. <c>updateCard</c>), both signed. Trello's HEAD request when a webhook is created is answered 200.
/// </summary>
public sealed class TrelloScheme : WebhookScheme
{
    private readonly byte[][] _keys;
    private readonly string _callbackUrl;

    /// <summary>Builds the scheme, taking its application secrets as UTF-8 keys.</summary>
    /// <param name="name">The registration name.</param>
    /// <param name="options">The options.</param>
    public TrelloScheme(string name, TrelloOptions options)
        : base(name, options)
    {
        _keys = HmacSignature.Utf8Keys(options);
        _callbackUrl = options.CallbackUrl ?? "";
    }

    /// <summary>Gets the provider descriptor (id <c>trello</c>).</summary>
    public static WebhookProvider<TrelloOptions> Provider { get; } = new(
        TrelloDefaults.ProviderId, "Trello",
        static (name, options) => new TrelloScheme(name, options),
        static (section, options) => section.Bind(options));

    /// <summary>Trello checks the callback URL with HEAD when the webhook is created.</summary>
    internal override bool AnswersHead => true;

    /// <inheritdoc />
    protected override WebhookVerificationResult VerifySignature(in WebhookRequest request, DateTimeOffset now)
    {
        var signature = request.GetHeader(TrelloDefaults.SignatureHeader);
        if (signature is null)
            return WebhookVerificationResult.Fail(WebhookVerificationFailure.MissingHeader, $"no {TrelloDefaults.SignatureHeader} header");
        if (_keys.Length == 0)
            return WebhookVerificationResult.Fail(WebhookVerificationFailure.SignatureMismatch, "no secret is configured");
        using var content = Content(request.Body.Span);
        return HmacSignature.Verify(WebhookHmacAlgorithm.Sha1, _keys, content.Span, WebhookSignatureEncoding.Base64, signature)
            ? WebhookVerificationResult.Success()
            : WebhookVerificationResult.Fail(WebhookVerificationFailure.SignatureMismatch,
                "the signature does not match the body and the configured CallbackUrl with the configured secret(s) (CallbackUrl must be the webhook's callbackURL exactly)");
    }

    /// <inheritdoc />
    protected override WebhookDelivery? ReadDelivery(in WebhookRequest request)
    {
        var body = request.Body;
        if (!JsonNestedReader.TryRead(body.Span, "action"u8, "id"u8, out var id) || !JsonNestedReader.TryRead(body.Span, "action"u8, "type"u8, out var type))
            return null;
        return new WebhookDelivery(new WebhookEvent(WebhookValue.FromSigned(id), WebhookValue.FromSigned(type), body));
    }

    /// <summary>Signs as Trello does, over the body and the configured callback URL (the request's URL is not used).</summary>
    /// <param name="request">What to sign.</param>
    public override WebhookSignedRequest Sign(WebhookSigningRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_keys.Length == 0)
            throw new InvalidOperationException($"Scheme '{Name}' has no secret to sign with.");
        using var content = Content(request.Body.Span);
        var signature = HmacSignature.Sign(WebhookHmacAlgorithm.Sha1, _keys[0], content.Span, WebhookSignatureEncoding.Base64);
        return new WebhookSignedRequest(request.Method, request.Url, Headers((TrelloDefaults.SignatureHeader, signature)), request.Body);
    }

    private SignedContentBuffer Content(ReadOnlySpan<byte> body)
    {
        var content = new SignedContentBuffer(body.Length + _callbackUrl.Length * 3);
        content.Append(body);
        content.Append(_callbackUrl.AsSpan());
        return content;
    }
}
