using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Runtime.InteropServices;
using WebhookReceiver.Internal;

namespace WebhookReceiver;

/// <summary>
/// Reads and signs Adyen standard-webhook bodies: <c>{"live":…,"notificationItems":[{"NotificationRequestItem":{…}}]}</c>,
/// each item signed on its own over
/// <c>pspReference:originalReference:merchantAccountCode:merchantReference:value:currency:eventCode:success</c>
/// (<c>value</c> and <c>currency</c> from <c>amount</c>; an absent field is an empty string; nothing escaped).
/// </summary>
internal static class AdyenNotification
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64 };

    /// <summary>One notification item: its signed string, its signature, its JSON and the signed fields that name it.</summary>
    public readonly record struct Item(string SignedData, string? Signature, ReadOnlyMemory<byte> Json, string PspReference, string EventCode, string Success);

    /// <summary>Reads every item of <paramref name="body"/>; on failure <paramref name="error"/> says what is wrong.</summary>
    public static bool TryRead(ReadOnlyMemory<byte> body, out List<Item> items, out string? error)
    {
        items = [];
        error = null;
        try
        {
            using var document = JsonDocument.Parse(body, DocumentOptions);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty(AdyenDefaults.ItemsProperty, out var array) || array.ValueKind != JsonValueKind.Array)
                return Fail("the body has no notificationItems array", out error);
            var count = array.GetArrayLength();
            if (count is 0 or > JsonBatchReader.MaxItems)
                return Fail(string.Create(CultureInfo.InvariantCulture, $"notificationItems holds {count} items"), out error);
            var number = 0;
            foreach (var entry in array.EnumerateArray())
            {
                number++;
                if (entry.ValueKind != JsonValueKind.Object || !entry.TryGetProperty(AdyenDefaults.ItemProperty, out var item) || item.ValueKind != JsonValueKind.Object)
                    return Fail(string.Create(CultureInfo.InvariantCulture, $"notification item #{number} has no NotificationRequestItem object"), out error);
                item.TryGetProperty("amount", out var amount);
                string? signature = null;
                if (item.TryGetProperty("additionalData", out var additional) && additional.ValueKind == JsonValueKind.Object
                    && additional.TryGetProperty(AdyenDefaults.SignatureProperty, out var value) && value.ValueKind == JsonValueKind.String)
                    signature = value.GetString();
                var (psp, eventCode, success) = (Text(item, "pspReference"), Text(item, "eventCode"), Text(item, "success"));
                var signed = string.Join(':', psp, Text(item, "originalReference"), Text(item, "merchantAccountCode"), Text(item, "merchantReference"),
                    Text(amount, "value"), Text(amount, "currency"), eventCode, success);
                items.Add(new Item(signed, signature, JsonMarshal.GetRawUtf8Value(item).ToArray(), psp, eventCode, success));
            }
            return true;
        }
        catch (JsonException)
        {
            return Fail("the body is not JSON", out error);
        }
    }

    /// <summary>Signs every item of an Adyen body (a lone item object is wrapped into one), writing each <c>additionalData.hmacSignature</c>.</summary>
    public static byte[] Sign(ReadOnlySpan<byte> body, byte[] key)
    {
        if (JsonNode.Parse(body) is not JsonObject root)
            throw new ArgumentException("Adyen bodies are JSON objects: a notification, or one NotificationRequestItem to wrap into one.", nameof(body));
        if (root[AdyenDefaults.ItemsProperty] is not JsonArray items)
        {
            items = [new JsonObject { [AdyenDefaults.ItemProperty] = root }];
            root = new JsonObject { ["live"] = "false", [AdyenDefaults.ItemsProperty] = items };
        }
        foreach (var entry in items)
        {
            if (entry?[AdyenDefaults.ItemProperty] is not JsonObject item)
                throw new ArgumentException("Each notification item needs a NotificationRequestItem object.", nameof(body));
            var amount = item["amount"] as JsonObject;
            var signed = string.Join(':', Text(item, "pspReference"), Text(item, "originalReference"), Text(item, "merchantAccountCode"),
                Text(item, "merchantReference"), Text(amount, "value"), Text(amount, "currency"), Text(item, "eventCode"), Text(item, "success"));
            if (item["additionalData"] is not JsonObject additional)
                item["additionalData"] = additional = [];
            additional[AdyenDefaults.SignatureProperty] = HmacSignature.Sign(WebhookHmacAlgorithm.Sha256, key, Encoding.UTF8.GetBytes(signed), WebhookSignatureEncoding.Base64);
        }
        var output = new ArrayBufferWriter<byte>(body.Length + 64 * items.Count);
        using (var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            root.WriteTo(writer);
        return output.WrittenSpan.ToArray();
    }

    private static string Text(JsonElement parent, string name)
    {
        if (parent.ValueKind != JsonValueKind.Object || !parent.TryGetProperty(name, out var value))
            return "";
        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString() ?? "",
            JsonValueKind.Null or JsonValueKind.Undefined => "",
            _ => value.GetRawText(),
        };
    }

    private static string Text(JsonObject? parent, string name)
        => parent?[name] switch
        {
            null => "",
            JsonValue value when value.TryGetValue<string>(out var text) => text,
            var node => node.ToJsonString(),
        };

    private static bool Fail(string reason, out string? error)
    {
        error = reason;
        return false;
    }
}
