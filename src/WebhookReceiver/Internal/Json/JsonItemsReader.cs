using System.Text.Json;

namespace WebhookReceiver.Internal;

/// <summary>
/// Splits a JSON array nested in a verified object body (Asana's <c>events</c>, Okta's <c>data.events</c>) into batch
/// items without deserializing: each item is a slice of the body, read into an event by the provider's own reader.
/// </summary>
internal static class JsonItemsReader
{
    /// <summary>
    /// Reads the items of the array at <paramref name="path"/> (property names from the top-level object down, each but
    /// the last naming an object). Returns <see langword="false"/> when the body is not one JSON object, an item is not
    /// an object, <paramref name="read"/> refuses an item, or there are more than <see cref="JsonBatchReader.MaxItems"/>;
    /// <paramref name="items"/> is <see langword="null"/> when the body has no array there.
    /// </summary>
    public static bool TryRead(ReadOnlyMemory<byte> body, string[] path, Func<ReadOnlyMemory<byte>, WebhookEvent?> read, out List<WebhookEvent>? items)
    {
        items = null;
        if (!TryFindArray(body.Span, path, out var range))
            return false;
        if (range is not { } found)
            return true;
        var array = body[found];
        var list = new List<WebhookEvent>();
        try
        {
            var reader = new Utf8JsonReader(array.Span, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
                return false;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (reader.TokenType != JsonTokenType.StartObject || list.Count == JsonBatchReader.MaxItems)
                    return false;
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                if (read(array[start..(int)reader.BytesConsumed]) is not { } item)
                    return false;
                list.Add(item);
            }
            if (reader.TokenType != JsonTokenType.EndArray)
                return false;
            items = list;
            return true;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException)
        {
            return false;
        }
    }

    /// <summary>
    /// Finds the array at <paramref name="path"/> in a whole JSON object, checked to its end: <see langword="false"/> when
    /// the body is not one JSON object; <paramref name="found"/> is <see langword="null"/> when there is no array there.
    /// </summary>
    private static bool TryFindArray(ReadOnlySpan<byte> json, string[] path, out Range? found)
    {
        found = null;
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                return false;
            var level = 0;
            var depth = reader.CurrentDepth;
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.EndObject)
                {
                    if (reader.CurrentDepth == 0)
                        break;
                    continue;
                }
                if (reader.TokenType != JsonTokenType.PropertyName)
                    return false;
                var matches = found is null && level < path.Length && reader.CurrentDepth == depth + 1 && reader.ValueTextEquals(path[level]);
                if (!reader.Read())
                    return false;
                if (matches && level == path.Length - 1 && reader.TokenType == JsonTokenType.StartArray)
                {
                    var start = (int)reader.TokenStartIndex;
                    reader.Skip();
                    found = start..(int)reader.BytesConsumed;
                }
                else if (matches && level < path.Length - 1 && reader.TokenType == JsonTokenType.StartObject)
                {
                    level++;
                    depth = reader.CurrentDepth;
                }
                else
                {
                    reader.Skip();
                }
            }
            // Read past the end, so trailing content after the object throws.
            return reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == 0 && !reader.Read();
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException)
        {
            found = null;
            return false;
        }
    }
}
