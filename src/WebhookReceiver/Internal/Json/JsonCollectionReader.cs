using System.Text.Json;

namespace WebhookReceiver.Internal;

/// <summary>
/// Splits the array under one top-level property of a JSON object (Microsoft Graph's <c>{"value":[…]}</c>) into slices of
/// the body, one per item, without deserializing: each item is checked or read in place.
/// </summary>
internal static class JsonCollectionReader
{
    /// <summary>
    /// The item slices, or <see langword="null"/> when the body is not an object whose <paramref name="property"/> is an
    /// array of objects, or holds more than <see cref="JsonBatchReader.MaxItems"/> items.
    /// </summary>
    public static List<ReadOnlyMemory<byte>>? TryRead(ReadOnlyMemory<byte> body, ReadOnlySpan<byte> property)
    {
        try
        {
            var reader = new Utf8JsonReader(body.Span, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                return null;
            List<ReadOnlyMemory<byte>>? items = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isItems = items is null && reader.ValueTextEquals(property);
                if (!reader.Read())
                    return null;
                if (!isItems)
                {
                    reader.Skip();
                    continue;
                }
                if (reader.TokenType != JsonTokenType.StartArray)
                    return null;
                items = [];
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (reader.TokenType != JsonTokenType.StartObject || items.Count == JsonBatchReader.MaxItems)
                        return null;
                    var start = (int)reader.TokenStartIndex;
                    reader.Skip();
                    items.Add(body[start..(int)reader.BytesConsumed]);
                }
            }
            // Read past the end, so trailing content after the object throws.
            return reader.TokenType == JsonTokenType.EndObject && !reader.Read() ? items : null;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException)
        {
            return null;
        }
    }
}
