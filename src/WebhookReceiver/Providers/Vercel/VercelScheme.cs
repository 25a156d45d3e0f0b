using Microsoft.Extensions.Configuration;
using WebhookReceiver.Internal;

namespace WebhookReceiver;

/// <summary>
/// The Vercel scheme: <c>x-vercel-signature</c>, hex HMAC-SHA1 of the body with the webhook's secret (or an
/// integration's client secret). The delivery id is the body's <c>id</c>, the event type its <c>type</c>. Vercel signs no
/// timestamp: replay protection rests on the event id.
/// </summary>
public sealed class VercelScheme : HmacWebhookScheme
{
    private static readonly HmacSchemeSpec Spec = new()
    {
        Signatures = [new(VercelDefaults.SignatureHeader, "", WebhookHmacAlgorithm.Sha1, WebhookSignatureEncoding.Hex)],
        DeliveryId = HmacValueSource.FromProperty(VercelDefaults.IdProperty),
        EventType = HmacValueSource.FromProperty(VercelDefaults.TypeProperty),
    };

    /// <summary>Builds the scheme.</summary>
    /// <param name="name">The registration name.</param>
    /// <param name="options">The options.</param>
    public VercelScheme(string name, VercelOptions options)
        : base(name, options, Spec)
    {
    }

    /// <summary>Gets the provider descriptor (id <c>vercel</c>).</summary>
    public static WebhookProvider<VercelOptions> Provider { get; } = new(
        VercelDefaults.ProviderId, "Vercel",
        static (name, options) => new VercelScheme(name, options),
        static (section, options) => section.Bind(options));
}
