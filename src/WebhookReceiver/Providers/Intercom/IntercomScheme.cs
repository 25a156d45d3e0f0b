using Microsoft.Extensions.Configuration;
using WebhookReceiver.Internal;

namespace WebhookReceiver;

/// <summary>
/// The Intercom scheme: <c>X-Hub-Signature: sha1=&lt;hex&gt;</c>, HMAC-SHA1 of the body with the app's client secret.
/// The delivery id is the body's <c>id</c>, the event type its <c>topic</c>; the <c>ping</c> topic is acknowledged by the
/// library. Intercom signs no timestamp: replay protection rests on the notification id.
/// </summary>
public sealed class IntercomScheme : HmacWebhookScheme
{
    private static readonly HmacSchemeSpec Spec = new()
    {
        Signatures = [new(IntercomDefaults.SignatureHeader, IntercomDefaults.SignaturePrefix, WebhookHmacAlgorithm.Sha1, WebhookSignatureEncoding.Hex)],
        DeliveryId = HmacValueSource.FromProperty(IntercomDefaults.IdProperty),
        EventType = HmacValueSource.FromProperty(IntercomDefaults.TopicProperty),
        PingEventType = IntercomDefaults.PingTopic,
    };

    /// <summary>Builds the scheme.</summary>
    /// <param name="name">The registration name.</param>
    /// <param name="options">The options.</param>
    public IntercomScheme(string name, IntercomOptions options)
        : base(name, options, Spec)
    {
    }

    /// <summary>Gets the provider descriptor (id <c>intercom</c>).</summary>
    public static WebhookProvider<IntercomOptions> Provider { get; } = new(
        IntercomDefaults.ProviderId, "Intercom",
        static (name, options) => new IntercomScheme(name, options),
        static (section, options) => section.Bind(options));
}
