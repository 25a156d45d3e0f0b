using System.Globalization;
using Microsoft.Extensions.Configuration;
using WebhookReceiver.Internal;

namespace WebhookReceiver;

/// <summary>
/// The DocuSign Connect scheme (JSON SIM messages with HMAC security): <c>X-DocuSign-Signature-1</c>, <c>-2</c>, … (one per
/// active Connect key, up to 100), each a base64 HMAC-SHA256 of the exact body; any header matching any configured key
/// passes. The event type is the body's <c>event</c> (e.g. <c>envelope-completed</c>), signed. A message carries no
/// delivery id of its own: the delivery id is <c>{configurationId}:{data.envelopeId}:{event}:{generatedDateTime}</c>, all
/// read from the signed body, so a retry of the same event (its <c>retryCount</c> raised) is a duplicate; a body without
/// them is keyed by a hash of the signed body. DocuSign signs no header timestamp and retries for hours, so
/// <c>generatedDateTime</c> is not held to a tolerance: a copy sent after the replay retention is processed again.
/// </summary>
public sealed class DocuSignScheme : HmacWebhookScheme
{
    private static readonly HmacSchemeSpec Spec = new()
    {
        Signatures = [new(new MultiHeaderSignatureFormat(
            [.. Enumerable.Range(1, DocuSignDefaults.MaxSignatureHeaders).Select(i => DocuSignDefaults.SignatureHeaderPrefix + i.ToString(CultureInfo.InvariantCulture))]),
            WebhookHmacAlgorithm.Sha256, WebhookSignatureEncoding.Base64)],
        EventType = HmacValueSource.FromProperty(DocuSignDefaults.EventProperty),
        MissingSignatureHint = $" (nor -2 … -{DocuSignDefaults.MaxSignatureHeaders}): tick 'Include HMAC Signature' in the Connect configuration",
    };

    /// <summary>Builds the scheme, taking its Connect keys as UTF-8.</summary>
    /// <param name="name">The registration name.</param>
    /// <param name="options">The options.</param>
    public DocuSignScheme(string name, DocuSignOptions options)
        : base(name, options, Spec)
    {
    }

    /// <summary>Gets the provider descriptor (id <c>docusign</c>).</summary>
    public static WebhookProvider<DocuSignOptions> Provider { get; } = new(
        DocuSignDefaults.ProviderId, "DocuSign Connect",
        static (name, options) => new DocuSignScheme(name, options),
        static (section, options) => section.Bind(options));

    /// <summary>
    /// Reads the signed <c>event</c> as the event type and builds the delivery id from the signed
    /// <c>configurationId</c>, <c>data.envelopeId</c>, <c>event</c> and <c>generatedDateTime</c>; returns
    /// <see langword="null"/> when the body is not a JSON object.
    /// </summary>
    /// <param name="request">The verified delivery.</param>
    protected override WebhookDelivery? ReadDelivery(in WebhookRequest request)
    {
        var body = request.Body.Span;
        if (!JsonEnvelopeReader.TryRead(body, "event"u8, "generatedDateTime"u8, out var type, out var generated)
            || !JsonEnvelopeReader.TryRead(body, "configurationId"u8, default, out var configuration, out _)
            || !JsonNestedReader.TryRead(body, "data"u8, "envelopeId"u8, out var envelope))
            return null;
        var id = type is { Length: > 0 } && generated is { Length: > 0 } && envelope is { Length: > 0 }
            ? string.Join(':', configuration ?? "", envelope, type, generated)
            : null;
        return new WebhookDelivery(new WebhookEvent(WebhookValue.FromSigned(id), WebhookValue.FromSigned(type), request.Body));
    }
}
