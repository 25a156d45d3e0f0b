using System.Security.Cryptography;
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
    /// Reads every element of the array; <see langword="null"/> when the body is not an array of objects.
    /// Items whose id property is absent are keyed by a hash of their bytes (<c>event-…</c>).
    /// </summary>
    public static List<WebhookBatchItem>? TryRead(ReadOnlyMemory<byte> body, ReadOnlySpan<byte> idName, ReadOnlySpan<byte> typeName)
    {
        var items = new List<WebhookBatchItem>();
        try
        {
            var reader = new Utf8JsonReader(body.Span, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
                return null;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (reader.TokenType != JsonTokenType.StartObject)
                    return null;
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                var json = body[start..(int)reader.BytesConsumed];
                if (!JsonEnvelopeReader.TryRead(json.Span, idName, typeName, out var id, out var type))
                    return null;
                items.Add(new WebhookBatchItem(new WebhookEnvelope(id ?? HashOf(json.Span, "event-"), type), json));
            }
            // Read past the end, so trailing content after the array throws (a final block is checked to its end).
            return reader.TokenType == JsonTokenType.EndArray && !reader.Read() ? items : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The items of an array body when <paramref name="split"/> is on; otherwise (or for an object body) <see langword="null"/>.</summary>
    public static IReadOnlyList<WebhookBatchItem>? ReadBatch(bool split, ReadOnlyMemory<byte> body, ReadOnlySpan<byte> idName, ReadOnlySpan<byte> typeName)
        => split && IsArray(body.Span) ? TryRead(body, idName, typeName) : null;

    /// <summary>
    /// The envelope of a body that is one event object (its id and type) or an array of them taken as a whole (keyed by a
    /// hash of the body, no type); <see langword="false"/> when it is neither.
    /// </summary>
    public static bool TryReadEnvelope(ReadOnlyMemory<byte> body, ReadOnlySpan<byte> idName, ReadOnlySpan<byte> typeName, out WebhookEnvelope envelope)
    {
        if (IsArray(body.Span))
        {
            var items = TryRead(body, idName, typeName);
            envelope = new WebhookEnvelope(items is null ? null : HashOf(body.Span, "batch-"), null);
            return items is not null;
        }
        var ok = JsonEnvelopeReader.TryRead(body.Span, idName, typeName, out var id, out var type);
        envelope = new WebhookEnvelope(id, type);
        return ok;
    }

    private static string HashOf(ReadOnlySpan<byte> json, string prefix)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(json, hash);
        return prefix + Convert.ToHexStringLower(hash[..16]);
    }
}
