using System.Text.Json;

namespace WebhookReceiver.Internal;

/// <summary>
/// Reads inside a top-level object property (e.g. Slack's <c>event.type</c>, Zoom's <c>payload.plainToken</c>,
/// Mailgun's <c>signature</c>) without deserializing the body; the inner object is read by <see cref="JsonEnvelopeReader"/>.
/// </summary>
internal static class JsonNestedReader
{
    /// <summary>
    /// Returns <see langword="false"/> when the body is not a JSON object; <paramref name="value"/> is
    /// <see langword="null"/> when the object or the property is absent.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> json, ReadOnlySpan<byte> objectName, ReadOnlySpan<byte> propertyName, out string? value)
    {
        value = null;
        if (!TryFindObject(json, objectName, out var inner))
            return false;
        return inner.IsEmpty || JsonEnvelopeReader.TryRead(inner, propertyName, default, out value, out _);
    }

    /// <summary>
    /// Finds the raw bytes of the top-level property <paramref name="objectName"/> when its value is an object
    /// (<paramref name="inner"/> is empty when it is absent or not an object). Returns <see langword="false"/> when the
    /// body is not a JSON object.
    /// </summary>
    public static bool TryFindObject(ReadOnlySpan<byte> json, ReadOnlySpan<byte> objectName, out ReadOnlySpan<byte> inner)
    {
        inner = default;
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                return false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isObject = reader.ValueTextEquals(objectName);
                if (!reader.Read())
                    return false;
                if (isObject && reader.TokenType == JsonTokenType.StartObject)
                {
                    var start = (int)reader.TokenStartIndex;
                    reader.Skip();
                    inner = json[start..(int)reader.BytesConsumed];
                    return true;
                }
                if (!reader.TrySkip())
                    return false;
            }
            return true;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException)
        {
            return false;
        }
    }
}
