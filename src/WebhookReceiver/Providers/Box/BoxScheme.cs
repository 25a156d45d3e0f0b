using Microsoft.Extensions.Configuration;
using WebhookReceiver.Internal;

namespace WebhookReceiver;

/// <summary>
/// The Box scheme: <c>BOX-SIGNATURE-PRIMARY</c> and <c>BOX-SIGNATURE-SECONDARY</c>, each a base64 HMAC-SHA256 of the body
/// followed by <c>BOX-DELIVERY-TIMESTAMP</c> (RFC 3339, within 10 minutes), made with the primary and the secondary
/// signature key; any signature matching any configured key passes. The delivery id and the event type are the body's
/// <c>id</c> and <c>trigger</c>, both signed; <c>BOX-DELIVERY-ID</c> is not signed and never an identity.
/// </summary>
public sealed class BoxScheme : HmacWebhookScheme
{
    private static readonly HmacSchemeSpec Spec = new()
    {
        Signatures = [new(new MultiHeaderSignatureFormat([BoxDefaults.PrimarySignatureHeader, BoxDefaults.SecondarySignatureHeader]),
            WebhookHmacAlgorithm.Sha256, WebhookSignatureEncoding.Base64)],
        Content = HmacSignedContent.Parse("{body}{timestamp}"),
        Timestamp = HmacValueSource.FromHeader(BoxDefaults.TimestampHeader),
        TimestampFormat = TimestampFormat.Rfc3339,
        DeliveryId = HmacValueSource.FromProperty(BoxDefaults.IdProperty),
        EventType = HmacValueSource.FromProperty(BoxDefaults.TriggerProperty),
        MissingSignatureHint = $" (nor {BoxDefaults.SecondarySignatureHeader}): add signature keys to the Box application",
        // Box sends these with every delivery and its SDKs' validateMessage refuses a request without them.
        ConstantHeaders = [new("BOX-SIGNATURE-VERSION", "1"), new("BOX-SIGNATURE-ALGORITHM", "HmacSHA256")],
    };

    /// <summary>Builds the scheme, taking its signature keys as UTF-8.</summary>
    /// <param name="name">The registration name.</param>
    /// <param name="options">The options.</param>
    public BoxScheme(string name, BoxOptions options)
        : base(name, options, Spec)
    {
    }

    /// <summary>Gets the provider descriptor (id <c>box</c>).</summary>
    public static WebhookProvider<BoxOptions> Provider { get; } = new(
        BoxDefaults.ProviderId, "Box",
        static (name, options) => new BoxScheme(name, options),
        static (section, options) => section.Bind(options));
}
