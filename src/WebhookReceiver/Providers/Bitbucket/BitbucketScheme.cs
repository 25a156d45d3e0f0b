using Microsoft.Extensions.Configuration;
using WebhookReceiver.Internal;

namespace WebhookReceiver;

/// <summary>
/// The Bitbucket scheme: <c>X-Hub-Signature: sha256=&lt;hex&gt;</c>, HMAC-SHA256 of the body with the webhook's secret.
/// The delivery id is <c>X-Request-UUID</c>, the event type <c>X-Event-Key</c>; <c>diagnostics:ping</c> is acknowledged
/// by the library. Bitbucket signs no timestamp: replay protection rests on the delivery id.
/// </summary>
public sealed class BitbucketScheme : HmacWebhookScheme
{
    private static readonly HmacSchemeSpec Spec = new()
    {
        Signatures = [new(BitbucketDefaults.SignatureHeader, BitbucketDefaults.SignaturePrefix, WebhookHmacAlgorithm.Sha256, WebhookSignatureEncoding.Hex)],
        DeliveryId = HmacValueSource.FromHeader(BitbucketDefaults.DeliveryIdHeader),
        EventType = HmacValueSource.FromHeader(BitbucketDefaults.EventHeader),
        PingEventType = BitbucketDefaults.PingEvent,
    };

    /// <summary>Builds the scheme.</summary>
    /// <param name="name">The registration name.</param>
    /// <param name="options">The options.</param>
    public BitbucketScheme(string name, BitbucketOptions options)
        : base(name, options, Spec)
    {
    }

    /// <summary>Gets the provider descriptor (id <c>bitbucket</c>).</summary>
    public static WebhookProvider<BitbucketOptions> Provider { get; } = new(
        BitbucketDefaults.ProviderId, "Bitbucket",
        static (name, options) => new BitbucketScheme(name, options),
        static (section, options) => section.Bind(options));
}
