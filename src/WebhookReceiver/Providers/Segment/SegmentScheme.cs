using Microsoft.Extensions.Configuration;
using WebhookReceiver.Internal;

namespace WebhookReceiver;

/// <summary>
/// The Segment scheme (the Webhooks and Webhooks (Actions) destinations): <c>X-Signature: &lt;hex&gt;</c>, HMAC-SHA1 of
/// the body with the destination's shared secret. The body is one Segment message: its <c>messageId</c> is the signed
/// delivery id and its <c>type</c> (<c>track</c>, <c>identify</c>, <c>page</c>, <c>screen</c>, <c>group</c>,
/// <c>alias</c>) the signed event type; a track call's name (<c>event</c>) is free text each app chooses, so handlers of
/// <c>track</c> read it from the payload rather than being chosen by it. A message without <c>messageId</c> (a custom
/// mapping) is claimed by a hash of the body. Segment signs no timestamp: <c>timestamp</c>, <c>sentAt</c> and
/// <c>receivedAt</c> are the event's times and are not checked. An array body is split per message when the
/// signature covers the whole array; Segment's batching (Webhooks (Actions)) signs only the first message of a batch,
/// which authenticates none of the others, so such a batch is refused: turn batching off for this destination.
/// </summary>
public sealed class SegmentScheme : HmacWebhookScheme
{
    private static readonly HmacSchemeSpec Spec = new()
    {
        Signatures = [new(SegmentDefaults.SignatureHeader, string.Empty, WebhookHmacAlgorithm.Sha1, WebhookSignatureEncoding.Hex)],
    };

    /// <summary>Builds the scheme, taking its shared secrets as UTF-8 keys.</summary>
    /// <param name="name">The registration name.</param>
    /// <param name="options">The options.</param>
    public SegmentScheme(string name, SegmentOptions options)
        : base(name, options, Spec)
    {
    }

    /// <summary>Gets the provider descriptor (id <c>segment</c>).</summary>
    public static WebhookProvider<SegmentOptions> Provider { get; } = new(
        SegmentDefaults.ProviderId, "Segment",
        static (name, options) => new SegmentScheme(name, options),
        static (section, options) => section.Bind(options));

    /// <inheritdoc />
    protected override WebhookDelivery? ReadDelivery(in WebhookRequest request)
        => JsonBatchReader.ReadDelivery(split: true, request.Body, "messageId"u8, "type"u8);
}
