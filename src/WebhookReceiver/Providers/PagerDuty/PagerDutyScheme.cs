using Microsoft.Extensions.Configuration;
using WebhookReceiver.Internal;

namespace WebhookReceiver;

/// <summary>
/// The PagerDuty scheme (v3 webhooks): <c>X-PagerDuty-Signature: v1=&lt;hex&gt;[,v1=&lt;hex&gt;]</c>, each an HMAC-SHA256 of
/// the body with one of the subscription's secrets; any match passes. The id is the body's <c>event.id</c> and the event
/// type <c>event.event_type</c>, both signed. PagerDuty signs no timestamp: replay protection rests on the event id.
/// </summary>
public sealed class PagerDutyScheme : HmacWebhookScheme
{
    private static readonly HmacSchemeSpec Spec = new()
    {
        Signatures = [new(PagerDutyDefaults.SignatureHeader, PagerDutyDefaults.SignaturePrefix, WebhookHmacAlgorithm.Sha256,
            WebhookSignatureEncoding.Hex, PagerDutyDefaults.SignatureSeparator)],
    };

    /// <summary>Builds the scheme.</summary>
    /// <param name="name">The registration name.</param>
    /// <param name="options">The options.</param>
    public PagerDutyScheme(string name, PagerDutyOptions options)
        : base(name, options, Spec)
    {
    }

    /// <summary>Gets the provider descriptor (id <c>pagerduty</c>).</summary>
    public static WebhookProvider<PagerDutyOptions> Provider { get; } = new(
        PagerDutyDefaults.ProviderId, "PagerDuty",
        static (name, options) => new PagerDutyScheme(name, options),
        static (section, options) => section.Bind(options));

    /// <summary>
    /// Reads the signed <c>event.id</c> and <c>event.event_type</c>; returns <see langword="null"/> when the body is not
    /// a JSON object. A body without an id is keyed by a hash of the signed body.
    /// </summary>
    /// <param name="request">The verified delivery.</param>
    protected override WebhookDelivery? ReadDelivery(in WebhookRequest request)
    {
        var body = request.Body.Span;
        if (!JsonNestedReader.TryRead(body, "event"u8, "id"u8, out var id)
            || !JsonNestedReader.TryRead(body, "event"u8, "event_type"u8, out var type))
            return null;
        return new WebhookDelivery(new WebhookEvent(WebhookValue.FromSigned(id), WebhookValue.FromSigned(type), request.Body));
    }
}
