using Microsoft.Extensions.Configuration;
using WebhookReceiver.Internal;

namespace WebhookReceiver;

/// <summary>
/// The Zendesk scheme: <c>X-Zendesk-Webhook-Signature</c>, base64 HMAC-SHA256 of
/// <c>X-Zendesk-Webhook-Signature-Timestamp</c> followed by the body, with the webhook's signing secret; the timestamp
/// (RFC 3339) must be within the tolerance. The event type is the body's <c>type</c> (event-subscription webhooks; trigger
/// webhooks carry the body their author wrote). Zendesk signs no delivery id: the replay key is a hash of the signed body.
/// </summary>
public sealed class ZendeskScheme : HmacWebhookScheme
{
    private static readonly HmacSchemeSpec Spec = new()
    {
        Signatures = [new(ZendeskDefaults.SignatureHeader, string.Empty, WebhookHmacAlgorithm.Sha256, WebhookSignatureEncoding.Base64)],
        Content = HmacSignedContent.Parse("{timestamp}{body}"),
        Timestamp = HmacValueSource.FromHeader(ZendeskDefaults.TimestampHeader),
        TimestampFormat = TimestampFormat.Rfc3339,
        EventType = HmacValueSource.FromProperty(ZendeskDefaults.TypeProperty),
    };

    /// <summary>Builds the scheme.</summary>
    /// <param name="name">The registration name.</param>
    /// <param name="options">The options.</param>
    public ZendeskScheme(string name, ZendeskOptions options)
        : base(name, options, Spec)
    {
    }

    /// <summary>Gets the provider descriptor (id <c>zendesk</c>).</summary>
    public static WebhookProvider<ZendeskOptions> Provider { get; } = new(
        ZendeskDefaults.ProviderId, "Zendesk",
        static (name, options) => new ZendeskScheme(name, options),
        static (section, options) => section.Bind(options));
}
