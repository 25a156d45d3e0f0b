using System.Text.Json;

namespace WebhookReceiver.Internal;

/// <summary>
/// Reads one scalar property of a top-level object property (e.g. Slack's <c>event.type</c>, Zoom's
/// <c>payload.plainToken</c>) without deserializing the body; the inner object is read by <see cref="JsonEnvelopeReader"/>.
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
                    return JsonEnvelopeReader.TryRead(json[start..(int)reader.BytesConsumed], propertyName, default, out value, out _);
                }
                if (!reader.TrySkip())
                    return false;
            }
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
