using Microsoft.Extensions.Configuration;
using WebhookReceiver.Internal;

namespace WebhookReceiver;

/// <summary>
/// The Linear scheme: <c>Linear-Signature</c>, hex HMAC-SHA256 of the body; the body's <c>webhookTimestamp</c> (Unix
/// milliseconds) must be within the tolerance (60 s by default), checked after the signature. The delivery id is
/// <c>Linear-Delivery</c>, the event type <c>Linear-Event</c> (e.g. <c>Issue</c>).
/// </summary>
public sealed class LinearScheme : HmacWebhookScheme
{
    private static readonly HmacSchemeSpec Spec = new()
    {
        Signatures = [new(LinearDefaults.SignatureHeader, "", WebhookHmacAlgorithm.Sha256, WebhookSignatureEncoding.Hex)],
        DeliveryId = HmacValueSource.FromHeader(LinearDefaults.DeliveryIdHeader),
        EventType = HmacValueSource.FromProperty(LinearDefaults.TypeProperty),
        Timestamp = HmacValueSource.FromProperty(LinearDefaults.TimestampProperty),
        TimestampFormat = TimestampFormat.UnixMilliseconds,
    };

    /// <summary>Builds the scheme.</summary>
    /// <param name="name">The registration name.</param>
    /// <param name="options">The options.</param>
    public LinearScheme(string name, LinearOptions options)
        : base(name, options, Spec)
    {
    }

    /// <summary>Gets the provider descriptor (id <c>linear</c>).</summary>
    public static WebhookProvider<LinearOptions> Provider { get; } = new(
        LinearDefaults.ProviderId, "Linear",
        static (name, options) => new LinearScheme(name, options),
        static (section, options) => section.Bind(options));
}
