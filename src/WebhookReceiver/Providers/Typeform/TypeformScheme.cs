using Microsoft.Extensions.Configuration;
using WebhookReceiver.Internal;

namespace WebhookReceiver;

/// <summary>
/// The Typeform scheme: <c>Typeform-Signature: sha256=&lt;base64&gt;</c>, HMAC-SHA256 of the body with the webhook's
/// secret. The delivery id is the body's <c>event_id</c>, the event type its <c>event_type</c>. Typeform signs no
/// timestamp: replay protection rests on the event id.
/// </summary>
public sealed class TypeformScheme : HmacWebhookScheme
{
    private static readonly HmacSchemeSpec Spec = new()
    {
        Signatures = [new(TypeformDefaults.SignatureHeader, TypeformDefaults.SignaturePrefix, WebhookHmacAlgorithm.Sha256, WebhookSignatureEncoding.Base64)],
        DeliveryId = HmacValueSource.FromProperty(TypeformDefaults.IdProperty),
        EventType = HmacValueSource.FromProperty(TypeformDefaults.TypeProperty),
    };

    /// <summary>Builds the scheme.</summary>
    /// <param name="name">The registration name.</param>
    /// <param name="options">The options.</param>
    public TypeformScheme(string name, TypeformOptions options)
        : base(name, options, Spec)
    {
    }

    /// <summary>Gets the provider descriptor (id <c>typeform</c>).</summary>
    public static WebhookProvider<TypeformOptions> Provider { get; } = new(
        TypeformDefaults.ProviderId, "Typeform",
        static (name, options) => new TypeformScheme(name, options),
        static (section, options) => section.Bind(options));
}
