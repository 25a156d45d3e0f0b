using System.Text.Json;

namespace WebhookReceiver.Internal;

/// <summary>
/// Splits a JSON array of event objects (SendGrid, HubSpot) into batch items without deserializing: each item is a
/// slice of the body, with its id and event type read from two of its top-level properties.
/// </summary>
internal static class JsonBatchReader
{
    /// <summary>Whether the body's first token is <c>[</c>.</summary>
    public static bool IsArray(ReadOnlySpan<byte> json)
    {
        var start = json.IndexOfAnyExcept(" \t\r\n"u8);
        return start >= 0 && json[start] == (byte)'[';
    }

    /// <summary>
    /// Reads the items of a verified JSON array body, each with its own (signed) id and type, or null when the body is
    /// not an array of objects.
    /// </summary>
    /// <summary>
    /// The most items one verified batch is split into (SendGrid sends up to a few thousand, HubSpot 100); a larger
    /// array is unreadable (400), so one signed request cannot make the receiver run and claim without bound.
    /// </summary>
    public const int MaxItems = 10_000;

    public static List<WebhookEvent>? TryRead(ReadOnlyMemory<byte> body, ReadOnlySpan<byte> idName, ReadOnlySpan<byte> typeName)
    {
        var items = new List<WebhookEvent>();
        try
        {
            var reader = new Utf8JsonReader(body.Span, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
                return null;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (reader.TokenType != JsonTokenType.StartObject || items.Count == MaxItems)
                    return null;
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                var json = body[start..(int)reader.BytesConsumed];
                if (!JsonEnvelopeReader.TryRead(json.Span, idName, typeName, out var id, out var type))
                    return null;
                items.Add(new WebhookEvent(WebhookValue.FromSigned(id), WebhookValue.FromSigned(type), json));
            }
            // Read past the end, so trailing content after the array throws (a final block is checked to its end).
            return reader.TokenType == JsonTokenType.EndArray && !reader.Read() ? items : null;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>
    /// Reads a verified body that is either one event object or an array of them: with <paramref name="split"/> an
    /// array's items are the delivery's events; otherwise the array is one event (keyed by its content).
    /// </summary>
    public static WebhookDelivery? ReadDelivery(bool split, ReadOnlyMemory<byte> body, ReadOnlySpan<byte> idName, ReadOnlySpan<byte> typeName)
    {
        if (!IsArray(body.Span))
            return JsonDeliveryReader.Read(body, idName, typeName);
        if (TryRead(body, idName, typeName) is not { } items)
            return null;
        var whole = new WebhookEvent(default, default, body);
        return split ? new WebhookDelivery(whole, items) : new WebhookDelivery(whole);
    }
}
