using System.Globalization;
using Microsoft.Extensions.Configuration;
using WebhookReceiver.Internal;

namespace WebhookReceiver;

/// <summary>
/// The Twitch EventSub scheme: HMAC-SHA256 (hex) over <c>{message id}{timestamp}{body}</c> in
/// <c>Twitch-Eventsub-Message-Signature: sha256=…</c>, the RFC 3339 timestamp within 10 minutes. The delivery id is the
/// message id. The event type is the subscription type (e.g. <c>channel.follow</c>) for notifications and
/// <c>revocation</c> for revocations, which reach handlers registered for <c>revocation</c>.
/// <c>webhook_callback_verification</c> is answered by the library after verification with the raw <c>challenge</c>
/// as <c>text/plain</c>.
/// </summary>
public sealed class TwitchScheme : HmacWebhookScheme
{
    private const string SignaturePrefix = "sha256=";

    private static readonly HmacSchemeSpec Spec = new()
    {
        Signatures = [new(TwitchDefaults.SignatureHeader, SignaturePrefix, WebhookHmacAlgorithm.Sha256, WebhookSignatureEncoding.Hex)],
        Content = HmacSignedContent.Parse("{id}{timestamp}{body}"),
        DeliveryId = HmacValueSource.FromHeader(TwitchDefaults.MessageIdHeader),
        Timestamp = HmacValueSource.FromHeader(TwitchDefaults.TimestampHeader),
        TimestampFormat = TimestampFormat.Rfc3339,
    };

    /// <summary>Builds the scheme, taking its secrets as UTF-8 keys.</summary>
    /// <param name="name">The registration name.</param>
    /// <param name="options">The options.</param>
    public TwitchScheme(string name, TwitchOptions options)
        : base(name, options, Spec)
    {
    }

    /// <summary>Gets the provider descriptor (id <c>twitch</c>).</summary>
    public static WebhookProvider<TwitchOptions> Provider { get; } = new(
        TwitchDefaults.ProviderId, "Twitch EventSub",
        static (name, options) => new TwitchScheme(name, options),
        static (section, options) => section.Bind(options));

    /// <summary>
    /// Reads the delivery from what Twitch signs (the message id, the timestamp and the body), never from its unsigned
    /// type headers: a body with a <c>challenge</c> is the callback verification (answered with the challenge as
    /// text), one with an <c>event</c> a notification of <c>subscription.type</c>, any other a <c>revocation</c>.
    /// </summary>
    /// <param name="request">The verified delivery.</param>
    protected override WebhookDelivery? ReadDelivery(in WebhookRequest request)
    {
        var body = request.Body.Span;
        if (!JsonEnvelopeReader.TryRead(body, "challenge"u8, default, out var challenge, out _)
            || !JsonNestedReader.TryRead(body, "subscription"u8, "type"u8, out var subscriptionType)
            || !JsonNestedReader.TryFindObject(body, "event"u8, out var notification))
            return null;
        var id = WebhookValue.FromSigned(request.GetHeader(TwitchDefaults.MessageIdHeader));
        if (challenge is not null)
            return new WebhookDelivery(new WebhookEvent(id, WebhookValue.FromSigned(TwitchDefaults.VerificationMessage), request.Body))
            {
                Handshake = challenge.Length > 0 ? HandshakeResponses.Text(challenge) : HandshakeResponses.BadRequest,
            };
        var type = notification.IsEmpty ? TwitchDefaults.RevocationMessage : subscriptionType;
        return new WebhookDelivery(new WebhookEvent(id, WebhookValue.FromSigned(type), request.Body));
    }

    /// <summary>Signs as Twitch does, with the message type and subscription type headers Twitch sends beside the signature.</summary>
    /// <param name="request">What to sign; <see cref="WebhookSigningRequest.EventType"/> is the subscription type, or a message type.</param>
    public override WebhookSignedRequest Sign(WebhookSigningRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var signed = base.Sign(request);
        var messageType = request.EventType is TwitchDefaults.RevocationMessage or TwitchDefaults.VerificationMessage
            ? request.EventType
            : TwitchDefaults.NotificationMessage;
        var headers = new List<KeyValuePair<string, string>>(signed.Headers)
        {
            new(TwitchDefaults.MessageRetryHeader, "0"),
            new(TwitchDefaults.MessageTypeHeader, messageType),
        };
        if (messageType == TwitchDefaults.NotificationMessage && request.EventType is not null)
            headers.Add(new(TwitchDefaults.SubscriptionTypeHeader, request.EventType));
        return new WebhookSignedRequest(signed.Method, signed.Url, headers, signed.Body);
    }

}
