using Microsoft.Extensions.Configuration;
using WebhookReceiver.Internal;

namespace WebhookReceiver;

/// <summary>
/// The Mux scheme: HMAC-SHA256 (hex) over <c>{t}.{body}</c> in <c>Mux-Signature: t=…,v1=…</c>; any <c>v1</c>
/// matching any secret passes. The delivery id and the event type are the body's <c>id</c> and <c>type</c>
/// (e.g. <c>video.asset.ready</c>), both signed.
/// </summary>
public sealed class MuxScheme : HmacWebhookScheme
{
    private static readonly HmacSchemeSpec Spec = new()
    {
        Signatures = [new(new KeyValueSignatureFormat(MuxDefaults.SignatureHeader, ',', MuxDefaults.TimestampKey, MuxDefaults.SignatureKey),
            WebhookHmacAlgorithm.Sha256, WebhookSignatureEncoding.Hex)],
        Content = HmacSignedContent.Parse("{timestamp}.{body}"),
    };

    /// <summary>Builds the scheme, taking its secrets as UTF-8 keys.</summary>
    /// <param name="name">The registration name.</param>
    /// <param name="options">The options.</param>
    public MuxScheme(string name, MuxOptions options)
        : base(name, options, Spec)
    {
    }

    /// <summary>Gets the provider descriptor (id <c>mux</c>).</summary>
    public static WebhookProvider<MuxOptions> Provider { get; } = new(
        MuxDefaults.ProviderId, "Mux",
        static (name, options) => new MuxScheme(name, options),
        static (section, options) => section.Bind(options));

    /// <inheritdoc />
    protected override WebhookDelivery? ReadDelivery(in WebhookRequest request)
        => JsonDeliveryReader.Read(request.Body, "id"u8, "type"u8);

    /// <summary>Mux wraps the object in the event's <c>data</c>: take <see cref="MuxEvent{TData}"/>.</summary>
    internal override WebhookPayloadEnvelope? PayloadEnvelope { get; } = new("Mux", "data", "MuxEvent", ["type", "data"]);
}
