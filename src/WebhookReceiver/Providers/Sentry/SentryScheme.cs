using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using WebhookReceiver.Internal;

namespace WebhookReceiver;

/// <summary>
/// The Sentry integration-platform scheme: <c>Sentry-Hook-Signature: &lt;hex&gt;</c>, HMAC-SHA256 of the body with the
/// integration's client secret. Nothing else is signed: <c>Sentry-Hook-Resource</c>, <c>Sentry-Hook-Timestamp</c> and
/// <c>Request-ID</c> are labels, and no timestamp is checked. The event type is <c>{resource}.{action}</c> (e.g.
/// <c>issue.created</c>, <c>metric_alert.critical</c>) with the signed body's <c>action</c>; the resource is read from
/// the signed <c>data</c> object when exactly one documented resource shows there (<c>data.installation</c>,
/// <c>data.issue</c>, <c>data.error</c>, <c>data.event</c> for <c>event_alert</c>, <c>data.metric_alert</c>,
/// <c>data.comment_id</c> for <c>comment</c>, <c>data.run_id</c> for <c>seer</c>, <c>data.buildId</c> for
/// <c>preprod_artifact</c>), and then the type is signed and the header ignored; otherwise the header's resource is used as
/// a label and the type is marked unsigned. The body carries no delivery id, so the replay key is a hash of the body
/// (<c>Request-ID</c> is shown as an unsigned id).
/// </summary>
public sealed class SentryScheme : HmacWebhookScheme
{
    private static readonly HmacSchemeSpec Spec = new()
    {
        Signatures = [new(SentryDefaults.SignatureHeader, string.Empty, WebhookHmacAlgorithm.Sha256, WebhookSignatureEncoding.Hex)],
        DeliveryId = HmacValueSource.FromHeader(SentryDefaults.RequestIdHeader),
    };

    /// <summary>The documented resources and the property of <c>data</c> that shows each (of the JSON kind given).</summary>
    private static readonly (string Property, JsonTokenType Kind, string Resource)[] Markers =
    [
        ("installation", JsonTokenType.StartObject, "installation"),
        ("issue", JsonTokenType.StartObject, "issue"),
        ("error", JsonTokenType.StartObject, "error"),
        ("event", JsonTokenType.StartObject, "event_alert"),
        ("metric_alert", JsonTokenType.StartObject, "metric_alert"),
        ("comment_id", JsonTokenType.Number, "comment"),
        ("run_id", JsonTokenType.Number, "seer"),
        ("buildId", JsonTokenType.String, "preprod_artifact"),
    ];

    /// <summary>Builds the scheme, taking its client secrets as UTF-8 keys.</summary>
    /// <param name="name">The registration name.</param>
    /// <param name="options">The options.</param>
    public SentryScheme(string name, SentryOptions options)
        : base(name, options, Spec)
    {
    }

    /// <summary>Gets the provider descriptor (id <c>sentry</c>).</summary>
    public static WebhookProvider<SentryOptions> Provider { get; } = new(
        SentryDefaults.ProviderId, "Sentry",
        static (name, options) => new SentryScheme(name, options),
        static (section, options) => section.Bind(options));

    /// <inheritdoc />
    protected override WebhookDelivery? ReadDelivery(in WebhookRequest request)
    {
        var body = request.Body;
        if (!JsonEnvelopeReader.TryRead(body.Span, "action"u8, default, out var action, out _)
            || !JsonNestedReader.TryFindObject(body.Span, "data"u8, out var data))
            return null;
        var id = WebhookValue.FromLabel(request.GetHeader(SentryDefaults.RequestIdHeader));
        WebhookValue type;
        if (InferResource(data) is { } resource)
            type = WebhookValue.FromSigned(Join(resource, action));
        else if (Label(request.GetHeader(SentryDefaults.ResourceHeader)) is { } label)
            type = WebhookValue.FromLabel(Join(label, action));
        else
            type = WebhookValue.FromSigned(action);
        return new WebhookDelivery(new WebhookEvent(id, type, body));
    }

    /// <summary>
    /// Signs as Sentry does: <c>Sentry-Hook-Signature</c> over the body, <c>Request-ID</c>, <c>Sentry-Hook-Timestamp</c>
    /// (Unix seconds) and, when the event type has one, its resource (the part before the first dot) as
    /// <c>Sentry-Hook-Resource</c>.
    /// </summary>
    /// <param name="request">What to sign.</param>
    public override WebhookSignedRequest Sign(WebhookSigningRequest request)
    {
        var signed = base.Sign(request);
        List<KeyValuePair<string, string>> headers = [.. signed.Headers];
        headers.Add(new(SentryDefaults.TimestampHeader, request.Timestamp.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)));
        if (request.EventType is { } eventType && eventType.IndexOf('.', StringComparison.Ordinal) is > 0 and var dot)
            headers.Add(new(SentryDefaults.ResourceHeader, eventType[..dot]));
        return signed with { Headers = headers };
    }

    private static string? Join(string resource, string? action) => action is null ? resource : resource + "." + action;

    /// <summary>The one documented resource that <c>data</c> shows; null when none or several do, or it is not an object.</summary>
    private static string? InferResource(ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty)
            return null;
        string? found = null;
        try
        {
            var reader = new Utf8JsonReader(data);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                return null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var marker = -1;
                for (var i = 0; i < Markers.Length && marker < 0; i++)
                {
                    if (reader.ValueTextEquals(Markers[i].Property))
                        marker = i;
                }
                if (!reader.Read())
                    return null;
                if (marker >= 0 && reader.TokenType == Markers[marker].Kind)
                {
                    if (found is not null && found != Markers[marker].Resource)
                        return null;
                    found = Markers[marker].Resource;
                }
                reader.Skip();
            }
            return found;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The resource header as a label when it has a resource's shape (lowercase letters, digits, <c>_</c>).</summary>
    private static string? Label(string? resource)
    {
        if (resource is not { Length: > 0 and <= SentryDefaults.MaxResourceLength })
            return null;
        foreach (var c in resource)
        {
            if (c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9') or '_'))
                return null;
        }
        return resource;
    }
}
