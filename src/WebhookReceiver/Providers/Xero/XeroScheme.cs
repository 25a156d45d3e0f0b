using System.Buffers;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using WebhookReceiver.Internal;

namespace WebhookReceiver;

/// <summary>
/// The Xero scheme: <c>x-xero-signature: &lt;base64&gt;</c>, HMAC-SHA256 of the body with the app's webhook key. The body
/// <c>{"events":[…],"firstEventSequence":…,"lastEventSequence":…,"entropy":"…"}</c> is split per event, each dispatched
/// by its signed <c>{eventCategory}.{eventType}</c> lower-cased (e.g. <c>invoice.update</c>, <c>contact.create</c>,
/// <c>subscription.create</c>) and claimed under a hash of its signed <c>tenantId</c>, <c>eventCategory</c>,
/// <c>eventType</c>, <c>resourceId</c> and <c>eventDateUtc</c> (Xero's events carry no id; without those fields, a hash of
/// the event's bytes). Xero signs no timestamp: <c>eventDateUtc</c> is when the change happened, not a freshness check.
/// Xero expects no body in any answer, so the library's answers to this scheme are a bare status code; the "intent to
/// receive" check (deliveries with an empty <c>events</c> array, some signed with the key and some not) is answered 200
/// when the signature matches, 401 when it does not, and runs no handler.
/// </summary>
public sealed class XeroScheme : HmacWebhookScheme
{
    private static readonly string[] EventsPath = ["events"];

    /// <summary>The signed fields of an event read here, in the order of its replay key.</summary>
    private static readonly string[] Fields = ["tenantId", "eventCategory", "eventType", "resourceId", "eventDateUtc"];

    private static readonly WebhookHandshakeResponse IntentToReceive = new(200, "", ReadOnlyMemory<byte>.Empty);

    private static readonly HmacSchemeSpec Spec = new()
    {
        Signatures = [new(XeroDefaults.SignatureHeader, string.Empty, WebhookHmacAlgorithm.Sha256, WebhookSignatureEncoding.Base64)],
    };

    /// <summary>Builds the scheme, taking its webhook keys as UTF-8 keys.</summary>
    /// <param name="name">The registration name.</param>
    /// <param name="options">The options.</param>
    public XeroScheme(string name, XeroOptions options)
        : base(name, options, Spec)
    {
    }

    /// <summary>Gets the provider descriptor (id <c>xero</c>).</summary>
    public static WebhookProvider<XeroOptions> Provider { get; } = new(
        XeroDefaults.ProviderId, "Xero",
        static (name, options) => new XeroScheme(name, options),
        static (section, options) => section.Bind(options));

    /// <summary>Xero wants "no body in the response": every answer of the library is its status code alone.</summary>
    internal override bool AnswersWithoutBody => true;

    /// <inheritdoc />
    protected override WebhookDelivery? ReadDelivery(in WebhookRequest request)
    {
        var body = request.Body;
        if (!JsonItemsReader.TryRead(body, EventsPath, ReadEvent, out var items) || items is null)
            return null;
        var whole = new WebhookEvent(default, default, body);
        // An empty events array is the intent-to-receive check (or a delivery with nothing in it): a bare 200, no claim.
        return items.Count == 0 ? new WebhookDelivery(whole, items) { Handshake = IntentToReceive } : new WebhookDelivery(whole, items);
    }

    private static WebhookEvent? ReadEvent(ReadOnlyMemory<byte> json)
    {
        var values = new string?[Fields.Length];
        var reader = new Utf8JsonReader(json.Span);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            return null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var index = -1;
            for (var i = 0; i < Fields.Length && index < 0; i++)
            {
                if (values[i] is null && reader.ValueTextEquals(Fields[i]))
                    index = i;
            }
            if (!reader.Read())
                return null;
            if (index >= 0 && reader.TokenType == JsonTokenType.String)
                values[index] = reader.GetString();
            else
                reader.Skip();
        }
        var (category, type) = (values[1], values[2]);
        var eventType = category is null ? type : type is null ? category : category + "." + type;
        return new WebhookEvent(default, WebhookValue.FromSigned(eventType?.ToLowerInvariant()), json, ReplayKey(values));
    }

    /// <summary>
    /// A hash of the event's signed identifying fields written as a JSON array (so no value can run into the next), when
    /// it has them all; otherwise <see langword="null"/> (a hash of the event's bytes).
    /// </summary>
    private static string? ReplayKey(string?[] values)
    {
        if (Array.IndexOf(values, null) >= 0)
            return null;
        var key = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(key))
        {
            writer.WriteStartArray();
            foreach (var value in values)
                writer.WriteStringValue(value);
            writer.WriteEndArray();
        }
        return WebhookReplayKeys.ForSignedContent(key.WrittenSpan);
    }
}
