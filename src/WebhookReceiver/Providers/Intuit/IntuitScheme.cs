using System.Buffers;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using WebhookReceiver.Internal;

namespace WebhookReceiver;

/// <summary>
/// The Intuit QuickBooks Online scheme: <c>intuit-signature</c>, base64 HMAC-SHA256 of the body keyed with the
/// verifier token. No signed timestamp. Both of Intuit's body formats are read, each entity change an event of its own:
/// the CloudEvents array (each item's <c>id</c> is its delivery id, <c>type</c> such as <c>qbo.customer.created.v1</c>
/// its event type, both signed) and the classic <c>eventNotifications</c> object, whose entities carry no event id: an
/// entity's event type is <c>{name}.{operation}</c> (e.g. <c>Customer.Create</c>), its payload the entity with its
/// <c>realmId</c>, and its replay key a hash of realm id, name, entity id, operation and <c>lastUpdated</c>.
/// </summary>
public sealed class IntuitScheme : HmacWebhookScheme
{
    private static readonly HmacSchemeSpec Spec = new()
    {
        Signatures = [new(IntuitDefaults.SignatureHeader, "", WebhookHmacAlgorithm.Sha256, WebhookSignatureEncoding.Base64)],
    };

    /// <summary>Builds the scheme, taking its verifier tokens as UTF-8 keys.</summary>
    /// <param name="name">The registration name.</param>
    /// <param name="options">The options.</param>
    public IntuitScheme(string name, IntuitOptions options)
        : base(name, options, Spec)
    {
    }

    /// <summary>Gets the provider descriptor (id <c>intuit</c>).</summary>
    public static WebhookProvider<IntuitOptions> Provider { get; } = new(
        IntuitDefaults.ProviderId, "Intuit QuickBooks",
        static (name, options) => new IntuitScheme(name, options),
        static (section, options) => section.Bind(options));

    /// <inheritdoc />
    protected override WebhookDelivery? ReadDelivery(in WebhookRequest request)
    {
        var body = request.Body;
        if (JsonBatchReader.IsArray(body.Span))
            return JsonBatchReader.TryRead(body, "id"u8, "type"u8) is { } items ? new WebhookDelivery(new WebhookEvent(default, default, body), items) : null;
        return ReadClassic(body);
    }

    /// <summary>The entities of a verified classic <c>eventNotifications</c> body, or null when it does not have that shape.</summary>
    private static WebhookDelivery? ReadClassic(ReadOnlyMemory<byte> body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("eventNotifications", out var notifications) || notifications.ValueKind != JsonValueKind.Array)
                return null;
            var items = new List<WebhookEvent>();
            foreach (var notification in notifications.EnumerateArray())
            {
                if (notification.ValueKind != JsonValueKind.Object || Text(notification, "realmId") is not { } realmId)
                    return null;
                if (!notification.TryGetProperty("dataChangeEvent", out var change))
                    continue;
                if (change.ValueKind != JsonValueKind.Object || !change.TryGetProperty("entities", out var entities) || entities.ValueKind != JsonValueKind.Array)
                    return null;
                foreach (var entity in entities.EnumerateArray())
                {
                    if (items.Count == JsonBatchReader.MaxItems || ReadEntity(realmId, entity) is not { } item)
                        return null;
                    items.Add(item);
                }
            }
            return new WebhookDelivery(new WebhookEvent(default, default, body), items);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static WebhookEvent? ReadEntity(string realmId, JsonElement entity)
    {
        if (entity.ValueKind != JsonValueKind.Object || Text(entity, "name") is not { } name || Text(entity, "id") is not { } id
            || Text(entity, "operation") is not { } operation)
            return null;
        var lastUpdated = Text(entity, "lastUpdated") ?? "";
        var json = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(json))
        {
            writer.WriteStartObject();
            writer.WriteString("realmId", realmId);
            foreach (var property in entity.EnumerateObject())
            {
                if (!property.NameEquals("realmId"u8))
                    property.WriteTo(writer);
            }
            writer.WriteEndObject();
        }
        // The signed facts that make the change unique, written as a JSON array so that no value can run into the next.
        var key = new ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(key))
        {
            writer.WriteStartArray();
            foreach (var part in (ReadOnlySpan<string>)[realmId, name, id, operation, lastUpdated])
                writer.WriteStringValue(part);
            writer.WriteEndArray();
        }
        return new WebhookEvent(default, WebhookValue.FromSigned($"{name}.{operation}"), json.WrittenMemory,
            WebhookReplayKeys.ForSignedContent(key.WrittenSpan));
    }

    /// <summary>A string or number property as text; null when absent or of another kind.</summary>
    private static string? Text(JsonElement element, string name)
        => !element.TryGetProperty(name, out var value) ? null
            : value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            };
}
